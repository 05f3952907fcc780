import { guideSubject, type KnowledgeDocument } from '../ingest/index.js';
import { getWordNet } from '../lexicon/index.js';
import { QUALITY } from '../quality/index.js';
import { contentTerms, isStopWord, stem } from '../text/index.js';
import type { RankedLine } from './line-ranking.js';
import { askingPart, type AnalyzedQuery } from './query-analysis.js';
import type { SectionCatalog } from './section-catalog.js';

/** WordNet hypernyms that make a noun an occupation ("pharmacist", "nurse", "paralegal"). */
const OCCUPATION_ANCESTORS = ['worker', 'professional', 'employee'];

/**
 * The occupations a question asks a figure about that are not the searched guides' own subject
 * and that the line it would be answered with does not name. "How much does a pharmacist make?"
 * put to a pharmacy technician guide would otherwise get the technicians' pay: the guide speaks
 * of pharmacists, but not of their pay.
 */
export function otherOccupations(query: AnalyzedQuery, lead: RankedLine | undefined, own: OwnOccupation): string[] {
  // Pay is where a guide's figures are most often taken for another role's; a duration ("how long
  // until I could be a compliance officer?") is often one the guide gives on the way there.
  if (query.quantity !== 'money' || !lead) return [];
  const words = askingPart(query.question).toLowerCase().match(/\p{L}+/gu) ?? [];
  // "Do MAs earn more than LPNs?" is about the guide's own occupation, compared with another.
  if (words.some((w) => own.names.has(w.replace(/s$/, '')))) return [];
  const leadText = `${lead.unit.unit.text} ${lead.section.entry.section.headingPath.join(' ')}`.toLowerCase();
  const occupation = (w: string) => !own.isOwn(stem(w)) && !leadText.includes(stem(w)) && isOccupation(w);
  return [...new Set(words.filter(occupation))];
}

/** What the loaded guides call their own occupation. */
export interface OwnOccupation {
  /** Whether a stemmed word is one of the guides' words for their occupation or its field ("technician", "pharmaci", "coder"). */
  isOwn(term: string): boolean;
  /** The occupation as a question names it: its job word and the subject's initials ("technician", "pt", "ma"). */
  names: ReadonlySet<string>;
}

/**
 * The guides' own words for their occupation: the words of each title's subject ("Pharmacy
 * Technician Career Guide") and any word the guides use nearly as widely as the subject's job word
 * (`QUALITY.answer.ownOccupationShare` as many sections): "technician" and "pharmacy", but not
 * "pharmacist" beside "technician".
 */
export function ownOccupation(catalog: SectionCatalog, documents: readonly KnowledgeDocument[]): OwnOccupation {
  const subjects = documents.map((d) => (guideSubject(d.title).toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => !isStopWord(w)));
  const subjectTerms = new Set(subjects.flatMap((subject) => contentTerms(subject.join(' '))));
  const jobs = subjects.map((subject) => jobPhrase(subject, catalog)).filter((job): job is string[] => job !== undefined);
  const widest = Math.max(0, ...jobs.map((job) => catalog.sectionsUsing(stem(job.at(-1)!))));
  return {
    isOwn: (term) => subjectTerms.has(term) || (widest > 0 && catalog.sectionsUsing(term) >= QUALITY.answer.ownOccupationShare * widest),
    // "Health Information Technician" → "technician", "it", "hit"; "it" is a word before it is a name.
    names: new Set(jobs.flatMap((job) => [job.at(-1)!, initials(job.slice(-2)), initials(job.slice(-3))]).filter((name) => !isStopWord(name))),
  };
}

/**
 * The subject's occupation with up to two words before it (["pharmacy", "technician"] in
 * "Pharmacy Technician Career Guide"): of the subject's words WordNet calls an occupation, the one
 * the guide uses in most sections ("technician", not "guide").
 */
function jobPhrase(subject: string[], catalog: SectionCatalog): string[] | undefined {
  const at = subject.map((w, i) => ({ w, i })).filter(({ w }) => isOccupation(w));
  const best = at.sort((a, b) => catalog.sectionsUsing(stem(b.w)) - catalog.sectionsUsing(stem(a.w)))[0];
  return best ? subject.slice(Math.max(0, best.i - 2), best.i + 1) : undefined;
}

/** ["pharmacy", "technician"] → "pt". */
function initials(phrase: string[]): string {
  return phrase.map((w) => w[0]).join('');
}

/** A noun WordNet files, in its first sense, under a kind of worker ("nurse", "technician", "paralegal"). */
function isOccupation(word: string): boolean {
  return word.length > 3 && getWordNet().isKindOf(word, OCCUPATION_ANCESTORS, 1);
}
