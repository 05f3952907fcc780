import type { KnowledgeIndex } from '../../index/index.js';
import { contentTerms } from '../../text/index.js';
import { certificationRecords, focusTagsOf, type CertRecord, type FocusTag } from '../cards/certifications.js';
import { describeStage, guideFacts, type GuideFacts } from '../guide/guide-facts.js';
import { allLines, sectionTitle, withoutAnswerPrefix, type GuideLine } from '../guide/guide-lines.js';
import { findOrganizations, type Organization } from '../guide/organizations.js';
import { indexForGuides } from '../guide/guide-scope.js';

type GuideIndex = Pick<KnowledgeIndex, 'documents' | 'glossary'>;

/** A question before its distractors are drawn and its options shuffled. */
export interface QuestionTemplate {
  kind: string;
  question: string;
  correct: string;
  /** Plausible wrong answers from the same field; the ones the cited line contains are dropped. */
  candidates: string[];
  explanation: string;
  line: GuideLine;
  tags: string[];
}

const LIST_EXCLUDED = /quick facts|related resources|next steps|compensation overview|professional certifications/i;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const poolCache = new WeakMap<object, QuestionTemplate[]>();

/** Ranges near a figure ("36-48" → "18-24", "72-96"…), for numeric distractors the guide does not state. */
function nearbyRanges(value: string): string[] {
  const m = /^(\$?)(\d+)(?:\s*[-–]\s*(\d+))?(%|\+)?$/.exec(value.trim());
  if (!m) return [];
  const [, prefix, a, b, suffix = ''] = m;
  const lo = Number(a);
  const hi = b === undefined ? undefined : Number(b);
  const make = (f: number) => {
    const x = Math.max(1, Math.round(lo * f));
    const y = hi === undefined ? undefined : Math.max(x + 1, Math.round(hi * f));
    return `${prefix}${x}${y === undefined ? '' : `-${y}`}${suffix}`;
  };
  return [0.25, 0.5, 2, 3].map(make).filter((v) => v !== value);
}

function sentenceWith(lines: GuideLine[], text: string): GuideLine | undefined {
  return lines.find((l) => l.text.includes(text));
}

/** What the template builders read, computed once per index. */
interface TemplateSources {
  index: GuideIndex;
  facts: GuideFacts;
  records: CertRecord[];
  orgs: Organization[];
  lines: GuideLine[];
  /** Levels and the guide's focus areas a credential can be for. */
  focusTags: FocusTag[];
}

const CERT_TAG = ['certification'];

/** Organisation, acronym, description and focus questions for one credential. */
function credentialTemplates(r: CertRecord, { records, orgs, lines, focusTags }: TemplateSources): QuestionTemplate[] {
  const templates: QuestionTemplate[] = [];
  if (r.org) {
    templates.push({
      kind: 'organization',
      question: `Which organisation offers the ${r.card.acronym} (${r.card.name})?`,
      correct: r.org.display,
      candidates: orgs.filter((o) => o !== r.org).map((o) => o.display),
      explanation: `${r.card.acronym} is offered by ${r.org.acronym && r.org.acronym !== r.org.name ? `${r.org.acronym} (${r.org.name})` : r.org.name}. The guide: ${r.card.summary}.`,
      line: r.line,
      tags: [...CERT_TAG, 'organization'],
    });
  }
  templates.push({
    kind: 'acronym',
    question: `What does ${r.card.acronym} stand for?`,
    correct: r.card.name,
    candidates: records.filter((o) => o !== r).map((o) => o.card.name),
    explanation: `${r.card.acronym} is the ${r.card.name}: ${r.card.summary}.`,
    line: r.line,
    tags: CERT_TAG,
  });
  for (const entry of r.entries) {
    const line = lines.find((l) => l.line === entry.line && l.text === entry.quote) ?? (entry === r.entries[0] ? r.line : undefined);
    if (!line) continue;
    templates.push({
      kind: 'credential',
      question: `Which credential does the guide describe as “${entry.definition}”?`,
      correct: r.card.acronym,
      candidates: records.filter((o) => o !== r).map((o) => o.card.acronym),
      explanation: `That is the ${r.card.name} (${r.card.acronym}).`,
      line,
      tags: CERT_TAG,
    });
  }
  return [...templates, ...focusTemplates(r, records, focusTags)];
}

/** "Which of these credentials is for work in hospitals?": the cited definition says so, the wrong options' do not. */
function focusTemplates(r: CertRecord, records: CertRecord[], focusTags: readonly FocusTag[]): QuestionTemplate[] {
  return focusTags
    .filter((t) => t.at(entryDefinition(r.line.text)) >= 0)
    .map(({ tag, phrase, at }) => ({
      kind: 'focus',
      question: `Which of these credentials ${phrase}, according to the guide?`,
      correct: r.card.acronym,
      candidates: records.filter((o) => o !== r && !o.card.focus.includes(tag) && !o.entries.some((e) => at(e.definition) >= 0)).map((o) => o.card.acronym),
      explanation: `${r.card.acronym}: ${r.card.summary}.`,
      line: r.line,
      tags: CERT_TAG,
    }));
}

/** Other acronyms the guide expands (organisations, code sets, systems). */
function expansionTemplates({ index, records, orgs, lines }: TemplateSources): QuestionTemplate[] {
  const expansions = index.glossary.filter((g) => g.kind === 'expansion' && g.acronym && !records.some((r) => r.card.acronym === g.acronym));
  return expansions.flatMap((g): QuestionTemplate[] => {
    const line = sentenceWith(lines, `${g.term} (${g.acronym})`) ?? sentenceWith(lines, `${g.acronym} (${g.term})`);
    if (!line) return [];
    const isOrg = orgs.some((o) => o.acronym === g.acronym);
    // Organisation names the guide gives without an acronym are plausible wrong answers for an organisation's acronym.
    const unnamedOrgs = isOrg ? orgs.filter((o) => !o.acronym).map((o) => o.name) : [];
    return [{
      kind: 'acronym',
      question: `What does ${g.acronym} stand for?`,
      correct: g.term,
      candidates: [...expansions.filter((o) => o !== g).map((o) => o.term), ...unnamedOrgs],
      explanation: `${g.acronym} stands for ${g.term}.`,
      line,
      tags: isOrg ? [...CERT_TAG, 'organization'] : ['acronym', 'code'],
    }];
  });
}

/** Salary bands both ways: the money for a level, and the level for the money. */
function salaryTemplates({ facts }: TemplateSources): QuestionTemplate[] {
  const allBands = [...facts.salaryBands, ...facts.otherSalaries];
  const amounts = allBands.map((band): QuestionTemplate => ({
    kind: 'salary',
    question: facts.salaryBands.includes(band) ? `What salary does the guide give for ${band.term}?` : `What does the guide give as the ${band.term.toLowerCase()}?`,
    correct: band.range,
    candidates: allBands.filter((b) => b !== band).map((b) => b.range),
    explanation: `${band.term}: ${band.definition}.`,
    line: band.line,
    tags: ['salary'],
  }));
  // Bands labelled by years of experience are levels; others (settings, states) are asked about
  // among the bands of their own list, so the wrong options are the same kind of thing.
  const levels = facts.salaryBands.map((band): QuestionTemplate => ({
    kind: 'salary-stage',
    question: band.years ? `Which level does the guide pay ${band.range}?` : `Which of these does the guide give ${band.range} for?`,
    correct: band.term,
    candidates: facts.salaryBands.filter((b) => b !== band && (band.years ? !!b.years : b.line.section === band.line.section)).map((b) => b.term),
    explanation: `${band.term}: ${band.definition}.`,
    line: band.line,
    tags: ['salary', 'career'],
  }));
  return [...amounts, ...levels];
}

/** Career stages (their years and roles) and the getting-started roadmap. */
function careerTemplates({ facts }: TemplateSources): QuestionTemplate[] {
  const stages = facts.stages.flatMap((stage): QuestionTemplate[] => {
    const explanation = describeStage(stage);
    const others = facts.stages.filter((s) => s !== stage);
    return [
      { kind: 'stage-years', question: `How much experience goes with the ${stage.label} (${stage.roles}) in the guide's typical career progression?`, correct: stage.experience, candidates: others.map((s) => s.experience), explanation, line: stage.line, tags: ['career'] },
      { kind: 'stage-roles', question: `Which roles does the guide put at ${/\b(?:stage|level|phase)\b/i.test(stage.label) ? stage.label : `the ${stage.label} stage`} of the career?`, correct: stage.roles, candidates: others.map((s) => s.roles), explanation, line: stage.line, tags: ['career'] },
    ];
  });
  const steps = facts.steps.map((step): QuestionTemplate => ({
    kind: 'step',
    question: `What is step ${step.n} of the guide's getting-started roadmap?`,
    correct: step.title,
    candidates: facts.steps.filter((s) => s !== step).map((s) => s.title),
    explanation: `Step ${step.n}: ${step.title}. ${step.body[0] && step.body[0] !== step.heading ? step.body[0].text : ''}`.trim(),
    line: step.heading,
    tags: ['career', 'education'],
  }));
  return [...stages, ...steps];
}

/** How long training and certification take, by the guide's figures. */
function durationTemplates({ facts, lines }: TemplateSources): QuestionTemplate[] {
  const templates: QuestionTemplate[] = [];
  const durations = [...new Set([...facts.stages.map((s) => s.experience.replace(/\s+experience$/i, '')), facts.trainingProgram?.value, facts.certificationTime?.value].filter((d): d is string => !!d))];
  const program = facts.trainingProgram;
  const programLine = program ? lines.find((l) => /program/i.test(l.text) && l.text.includes(program.value)) : undefined;
  if (program && programLine) {
    templates.push({ kind: 'figure', question: 'How long does a certification training program typically take, according to the guide?', correct: program.value, candidates: [...durations, '1-2 months', '12-18 months'], explanation: sentenceEnd(programLine.text), line: programLine, tags: ['education', 'certification'] });
  }
  const certification = facts.certificationTime;
  if (certification) {
    templates.push({ kind: 'figure', question: 'How long does the guide say achieving full competency and professional certification usually takes?', correct: certification.value, candidates: [...durations, '1-2 months', '2-3 months'], explanation: sentenceEnd(certification.line.text), line: certification.line, tags: ['certification', 'education'] });
  }
  return templates;
}

/** Continuing-education credits, job growth (and its year) and code-set dates. */
function figureTemplates({ facts }: TemplateSources): QuestionTemplate[] {
  const templates: QuestionTemplate[] = [];
  const ce = facts.continuingEducation;
  if (ce) {
    const unit = /\bhours?\b/i.test(ce.line.text) && !/\bcredits?\b/i.test(ce.line.text) ? 'hours' : 'credits';
    templates.push({ kind: 'figure', question: `How many continuing education ${unit} does the guide say keep ${ce.about ? `the ${ce.about}` : 'a certification'} active?`, correct: ce.value, candidates: nearbyRanges(ce.value), explanation: sentenceEnd(ce.line.text), line: ce.line, tags: ['certification', 'education'] });
  }
  const growth = facts.growth[0];
  if (growth) {
    const explanation = sentenceEnd(growth.line.text);
    templates.push({ kind: 'figure', question: `How much does the guide expect jobs in the field to grow${growth.year ? ` through ${growth.year}` : ''}?`, correct: growth.value, candidates: nearbyRanges(growth.value), explanation, line: growth.line, tags: ['outlook'] });
    if (growth.year) {
      const year = Number(growth.year);
      templates.push({ kind: 'figure', question: `Through which year does the guide project ${growth.value} job growth?`, correct: growth.year, candidates: [year - 5, year - 3, year + 5, year + 7].map(String), explanation, line: growth.line, tags: ['outlook'] });
    }
  }
  for (const d of facts.codeDates) {
    const otherDates = [...facts.codeDates.map((o) => o.date), ...MONTHS.filter((_, i) => i % 2 === 0).map((m) => `${m} 1st`)];
    templates.push({ kind: 'figure', question: `When do ${d.codeSet} code changes take effect each year, according to the guide?`, correct: d.date, candidates: otherDates, explanation: `${d.codeSet} changes take effect ${d.date}.`, line: d.line, tags: ['code'] });
  }
  return templates;
}

/** The basic education the guide asks for, against its degrees and programmes. */
function educationTemplates({ facts }: TemplateSources): QuestionTemplate[] {
  const hs = facts.highSchool;
  if (!hs) return [];
  const degrees = facts.degrees.map((d) => d.term.replace(/\s*\([^)]*\)\s*$/, ''));
  const program = facts.trainingProgram ? [facts.trainingProgram.line.text.split(':')[0]!.trim()] : [];
  return [{
    kind: 'figure',
    question: 'What does the guide give as the basic educational requirement for entry-level positions?',
    correct: hs.text.split(':')[0]!.trim(),
    candidates: [...degrees, ...program, 'Master’s Degree'],
    explanation: sentenceEnd(hs.text),
    line: hs,
    tags: ['education'],
  }];
}

/** List membership: distractors come from lists under other top-level headings and share no word with the list. */
function listTemplates({ facts }: TemplateSources): QuestionTemplate[] {
  const lists = facts.lists.filter((l) => l.items.length >= 4 && !l.section.headingPath.some((h) => LIST_EXCLUDED.test(h)) && !l.items.some((i) => /\$\d/.test(i.definition)));
  return lists.flatMap((list) => {
    const listTerms = new Set(list.items.flatMap((i) => contentTerms(i.term)));
    const others = lists
      .filter((o) => o.section.headingPath[0] !== list.section.headingPath[0])
      .flatMap((o) => o.items)
      .filter((i) => !contentTerms(i.term).some((t) => listTerms.has(t)))
      .map((i) => i.term);
    return list.items.map((item): QuestionTemplate => ({
      kind: 'list',
      question: `Which of these does the guide list under “${sectionTitle(list.section)}”?`,
      correct: item.term,
      candidates: others,
      explanation: `${item.term}: ${item.definition}.`.replace(/\.\.$/, '.'),
      line: item.line,
      tags: listTags(list.section.headingPath),
    }));
  });
}

/**
 * Every question the guide supports, before distractors are drawn: credentials (organisation,
 * acronym, description, focus), salary bands both ways, career stages, getting-started steps,
 * figures (program length, certification time, CE credits, growth, code-set dates) and list
 * membership. Each template keeps the guide line that states its answer.
 */
export function questionTemplates(index: GuideIndex): QuestionTemplate[] {
  const cached = poolCache.get(index);
  if (cached) return cached;
  // Each guide's facts are read on their own, so one guide's stages or figures never hide another's.
  const templates = index.documents.length > 1 ? index.documents.flatMap((d) => guideTemplates(indexForGuides(index, [d.source]))) : guideTemplates(index);
  poolCache.set(index, templates);
  return templates;
}

function guideTemplates(index: GuideIndex): QuestionTemplate[] {
  const sources: TemplateSources = {
    index,
    facts: guideFacts(index),
    records: certificationRecords(index),
    orgs: findOrganizations(index),
    lines: allLines(index).map((l) => (l.kind === 'sentence' ? withoutAnswerPrefix(l) : l)),
    focusTags: focusTagsOf(index),
  };
  const templates = [
    ...sources.records.flatMap((r) => credentialTemplates(r, sources)),
    ...expansionTemplates(sources),
    ...salaryTemplates(sources),
    ...careerTemplates(sources),
    ...durationTemplates(sources),
    ...figureTemplates(sources),
    ...educationTemplates(sources),
    ...listTemplates(sources),
  ];
  return templates;
}

function entryDefinition(quote: string): string {
  return quote.replace(/^[^:–—]*(?::|\s[–—]\s)\s*/, '');
}

function sentenceEnd(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function listTags(headingPath: string[]): string[] {
  const path = headingPath.join(' ');
  const tags: string[] = [];
  if (/skill|competenc|knowledge/i.test(path)) tags.push('skills');
  if (/setting|environment/i.test(path)) tags.push('settings');
  if (/speciali/i.test(path)) tags.push('career');
  if (/advancement|career/i.test(path)) tags.push('career');
  if (/education|training/i.test(path)) tags.push('education');
  if (/compensation|salary/i.test(path)) tags.push('salary');
  if (/outlook|growth|market/i.test(path)) tags.push('outlook');
  if (/technology|tools|software/i.test(path)) tags.push('tools');
  if (/tips/i.test(path)) tags.push('tips');
  return tags;
}

