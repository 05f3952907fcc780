import type { KnowledgeIndex } from '../../index/index.js';
import { guideSubject } from '../../ingest/index.js';
import { contentTerms, isStopWord } from '../../text/index.js';
import { certificationRecords } from '../cards/certifications.js';
import { focusAreas, type FocusArea } from '../guide/focus-areas.js';
import { guideFacts } from '../guide/guide-facts.js';
import { isGeneralGoal } from './general-goals.js';

type GuideIndex = Pick<KnowledgeIndex, 'documents' | 'glossary'>;

/**
 * What reading a profile needs to know about the career, all taken from the guide's own text, so
 * the same parser serves a guide about any career.
 */
export interface ProfileVocabulary {
  /** Credential acronyms as the guide spells them. */
  certifications: readonly string[];
  /** The guide's focus areas a plan can aim at (its work settings, specialisations, advancement paths), minus the general directions. */
  areas: readonly FocusArea[];
  /** Stemmed words of the guide's subject and credential names: a clause using one is about work in the field. */
  fieldTerms?: ReadonlySet<string>;
  /** Stemmed last words of those names ("… Technician" → technician): a job title ending in one is a job in the field. */
  fieldRoles?: ReadonlySet<string>;
  /** Stemmed word pairs of the guide's education lines ("health information"): a degree naming one is training for the field. */
  trainingPairs?: ReadonlySet<string>;
  /** The field in one word, for sentences (the subject's word before its job title); undefined when the subject gives none. */
  field?: string;
}

// Words a guide's title adds around its subject ("Becoming a … : A Practical Career Guide").
const TITLE_WORDS = new Set(contentTerms('career guide comprehensive practical becoming complete introduction handbook'));
// Words every credential name uses; they say nothing about which field it is.
const GENERIC_NAME_WORDS = new Set([...TITLE_WORDS, ...contentTerms('certified certification certificate credential professional specialist associate advanced national board exam')]);

// Words of education lines that name a level or length, not a field.
const LEVEL_WORDS = new Set(contentTerms('associate associates bachelor bachelors master masters degree degrees program programs course certificate diploma optional advanced related two-year four-year two four year years month months'));

const cache = new WeakMap<object, ProfileVocabulary>();

/** The subject of each guide: its title before any ":" or dash ("Pharmacy Technician"). */
export function guideSubjects(index: Pick<KnowledgeIndex, 'documents'>): string[] {
  return index.documents.map((d) => guideSubject(d.title)).filter(Boolean);
}

function distinctive(name: string): string[] {
  return contentTerms(name).filter((t) => !GENERIC_NAME_WORDS.has(t));
}

/** The job word a name ends with ("Certified Pharmacy Technician" → technician), unless it is a generic one ("Specialist"). */
function jobWord(name: string): string | undefined {
  const last = name.toLowerCase().split(/\s+/).filter((w) => !TITLE_WORDS.has(contentTerms(w)[0] ?? w)).at(-1);
  const term = last && /^[a-z]+$/.test(last) ? contentTerms(last)[0] : undefined;
  return term && !GENERIC_NAME_WORDS.has(term) ? term : undefined;
}

/** Each role the career ladder names ("Helper / apprentice", "Estimator or comfort advisor"): a job in the field too. */
function stageRoles(index: GuideIndex): string[] {
  return guideFacts(index).stages.flatMap((s) => [s.label, s.roles].flatMap((text) => text.split(/\s*(?:[/,&(]|\bor\b)\s*/i)));
}

/** The subject's most used word other than its job title ("Pharmacy Technician" → "pharmacy"). */
function fieldWord(index: GuideIndex, subjects: string[]): string | undefined {
  const text = index.documents.flatMap((d) => d.sections.flatMap((s) => s.blocks.map((b) => b.text))).join(' ').toLowerCase();
  // The subject's last word is its job title ("specialist", "technician"); the field is among the words before it.
  const candidates = subjects.flatMap((s) => s.toLowerCase().split(/\s+/).filter((w) => !TITLE_WORDS.has(contentTerms(w)[0] ?? w)).slice(0, -1));
  const uses = (word: string) => text.split(new RegExp(`\\b${word.replace(/[^a-z0-9]/g, '')}\\b`)).length - 1;
  // Function words of a long title ("Paralegal or Legal Assistant in the U.S.") are no field.
  return candidates.filter((w) => /^[a-z]{3,}$/.test(w) && !isStopWord(w)).sort((a, b) => uses(b) - uses(a))[0];
}

function educationPairs(index: GuideIndex): Set<string> {
  const facts = guideFacts(index);
  const lines = [...facts.degrees.map((d) => d.line.text), facts.trainingProgram?.line.text ?? ''];
  // "Associate degree" says which level, not which field; only pairs of field words count.
  return new Set(lines.flatMap((text) => termPairs(text)).filter((pair) => pair.split(' ').every((t) => !LEVEL_WORDS.has(t))));
}

/** Adjacent stemmed content terms of a text, as "a b". */
export function termPairs(text: string): string[] {
  const terms = contentTerms(text);
  return terms.slice(1).map((t, i) => `${terms[i]} ${t}`);
}

/** The profile vocabulary of the guides in an index, read once per index. */
export function profileVocabulary(index: GuideIndex): ProfileVocabulary {
  const cached = cache.get(index);
  if (cached) return cached;
  const records = certificationRecords(index);
  const subjects = guideSubjects(index);
  const names = [...subjects, ...records.map((r) => r.card.name)];
  const vocabulary: ProfileVocabulary = {
    certifications: records.map((r) => r.card.acronym),
    // "Remote Positions" or "Management" are the general directions, which have their own steps.
    areas: focusAreas(index).filter((a) => !isGeneralGoal(a.label)),
    fieldTerms: new Set(names.flatMap(distinctive)),
    fieldRoles: new Set([...names, ...stageRoles(index)].map(jobWord).filter((t): t is string => !!t)),
    trainingPairs: educationPairs(index),
    field: fieldWord(index, subjects),
  };
  cache.set(index, vocabulary);
  return vocabulary;
}
