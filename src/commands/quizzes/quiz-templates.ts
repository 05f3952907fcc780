import type { KnowledgeIndex } from '../../index/index.js';
import { contentTerms } from '../../text/index.js';
import { certificationRecords } from '../cards/certifications.js';
import { guideFacts } from '../guide/guide-facts.js';
import { allLines, sectionTitle, type GuideLine } from '../guide/guide-lines.js';
import { findOrganizations } from '../guide/organizations.js';

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

const FOCUS_PHRASES: Record<string, string> = {
  'entry level': 'is an entry-level credential',
  advanced: 'is described as an advanced credential',
  inpatient: 'is for inpatient coding',
  outpatient: 'covers outpatient coding',
  'physician office': 'is for physician office coding',
  audit: 'is for coding audits',
  billing: 'combines billing and coding',
};
const FOCUS_PATTERNS: Record<string, RegExp> = {
  'entry level': /\bentry[- ]level\b/i,
  advanced: /\badvanced\b/i,
  inpatient: /\binpatient\b/i,
  outpatient: /\boutpatient\b/i,
  'physician office': /\bphysician\b/i,
  audit: /\baudit/i,
  billing: /\bbilling\b/i,
};
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

/**
 * Every question the guide supports, before distractors are drawn: credentials (organisation,
 * acronym, description, focus), salary bands both ways, career stages, getting-started steps,
 * figures (program length, certification time, CE credits, growth, code-set dates) and list
 * membership. Each template keeps the guide line that states its answer.
 */
export function questionTemplates(index: GuideIndex): QuestionTemplate[] {
  const cached = poolCache.get(index);
  if (cached) return cached;
  const facts = guideFacts(index);
  const records = certificationRecords(index);
  const orgs = findOrganizations(index);
  const lines = allLines(index).map((l) => (l.kind === 'sentence' ? { ...l, text: l.text.replace(/^A:\s+/, '') } : l));
  const templates: QuestionTemplate[] = [];
  const certTag = ['certification'];

  // Credentials.
  for (const r of records) {
    if (r.org) {
      templates.push({
        kind: 'organization',
        question: `Which organisation offers the ${r.card.acronym} (${r.card.name})?`,
        correct: r.org.display,
        candidates: orgs.filter((o) => o !== r.org).map((o) => o.display),
        explanation: `${r.card.acronym} is offered by ${r.org.acronym ? `${r.org.acronym} (${r.org.name})` : r.org.name}. The guide: ${r.card.summary}.`,
        line: r.line,
        tags: [...certTag, 'organization'],
      });
    }
    templates.push({
      kind: 'acronym',
      question: `What does ${r.card.acronym} stand for?`,
      correct: r.card.name,
      candidates: records.filter((o) => o !== r).map((o) => o.card.name),
      explanation: `${r.card.acronym} is the ${r.card.name}: ${r.card.summary}.`,
      line: r.line,
      tags: certTag,
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
        tags: certTag,
      });
    }
    for (const [tag, phrase] of Object.entries(FOCUS_PHRASES)) {
      if (!FOCUS_PATTERNS[tag]!.test(entryDefinition(r.line.text))) continue;
      const others = records.filter((o) => o !== r && !o.card.focus.includes(tag) && !o.entries.some((e) => FOCUS_PATTERNS[tag]!.test(e.definition)));
      templates.push({
        kind: 'focus',
        question: `Which of these credentials ${phrase}, according to the guide?`,
        correct: r.card.acronym,
        candidates: others.map((o) => o.card.acronym),
        explanation: `${r.card.acronym}: ${r.card.summary}.`,
        line: r.line,
        tags: certTag,
      });
    }
  }
  // Other acronyms the guide expands (organisations, code sets, systems).
  const expansions = index.glossary.filter((g) => g.kind === 'expansion' && g.acronym && !records.some((r) => r.card.acronym === g.acronym));
  for (const g of expansions) {
    const line = sentenceWith(lines, `${g.term} (${g.acronym})`) ?? sentenceWith(lines, `${g.acronym} (${g.term})`);
    if (!line) continue;
    const isOrg = orgs.some((o) => o.acronym === g.acronym);
    templates.push({
      kind: 'acronym',
      question: `What does ${g.acronym} stand for?`,
      correct: g.term,
      // Organisation names the guide gives without an acronym are plausible wrong answers for AAPC or AHIMA.
      candidates: [...expansions.filter((o) => o !== g).map((o) => o.term), ...(isOrg ? orgs.filter((o) => !o.acronym).map((o) => o.name) : [])],
      explanation: `${g.acronym} stands for ${g.term}.`,
      line,
      tags: isOrg ? [...certTag, 'organization'] : ['acronym', 'code'],
    });
  }

  // Salaries.
  const allBands = [...facts.salaryBands, ...facts.otherSalaries];
  for (const band of allBands) {
    const inBands = facts.salaryBands.includes(band);
    templates.push({
      kind: 'salary',
      question: inBands ? `What salary does the guide give for ${band.term}?` : `What does the guide give as the ${band.term.toLowerCase()}?`,
      correct: band.range,
      candidates: allBands.filter((b) => b !== band).map((b) => b.range),
      explanation: `${band.term}: ${band.definition}.`,
      line: band.line,
      tags: ['salary'],
    });
  }
  for (const band of facts.salaryBands) {
    templates.push({
      kind: 'salary-stage',
      question: `Which level does the guide pay ${band.definition}?`,
      correct: band.term,
      candidates: facts.salaryBands.filter((b) => b !== band).map((b) => b.term),
      explanation: `${band.term}: ${band.definition}.`,
      line: band.line,
      tags: ['salary', 'career'],
    });
  }

  // Career stages and the getting-started roadmap.
  for (const stage of facts.stages) {
    templates.push({
      kind: 'stage-years',
      question: `How much experience goes with the ${stage.label} (${stage.roles}) in the guide's typical career progression?`,
      correct: stage.experience,
      candidates: facts.stages.filter((s) => s !== stage).map((s) => s.experience),
      explanation: `${stage.label}: ${stage.roles} → ${stage.experience}.`,
      line: stage.line,
      tags: ['career'],
    });
    templates.push({
      kind: 'stage-roles',
      question: `Which roles does the guide put at the ${stage.label} stage of a coding career?`,
      correct: stage.roles,
      candidates: facts.stages.filter((s) => s !== stage).map((s) => s.roles),
      explanation: `${stage.label}: ${stage.roles} → ${stage.experience}.`,
      line: stage.line,
      tags: ['career'],
    });
  }
  for (const step of facts.steps) {
    templates.push({
      kind: 'step',
      question: `What is step ${step.n} of the guide's getting-started roadmap?`,
      correct: step.title,
      candidates: facts.steps.filter((s) => s !== step).map((s) => s.title),
      explanation: `Step ${step.n}: ${step.title}. ${step.body[0]?.text ?? ''}`.trim(),
      line: step.heading,
      tags: ['career', 'education'],
    });
  }

  // Figures.
  const durations = [...new Set([...facts.stages.map((s) => s.experience.replace(/\s+experience$/i, '')), facts.trainingProgram?.value, facts.certificationTime?.value].filter((d): d is string => !!d))];
  const programLine = facts.trainingProgram ? lines.find((l) => /program/i.test(l.text) && l.text.includes(facts.trainingProgram!.value)) : undefined;
  if (facts.trainingProgram && programLine) {
    templates.push({
      kind: 'figure',
      question: 'How long does a medical coding certification program typically take, according to the guide?',
      correct: facts.trainingProgram.value,
      candidates: [...durations, '1-2 months', '12-18 months'],
      explanation: sentenceEnd(programLine.text),
      line: programLine,
      tags: ['education', 'certification'],
    });
  }
  if (facts.certificationTime) {
    templates.push({
      kind: 'figure',
      question: 'How long does the guide say achieving full competency and professional certification usually takes?',
      correct: facts.certificationTime.value,
      candidates: [...durations, '1-2 months', '2-3 months'],
      explanation: sentenceEnd(facts.certificationTime.line.text),
      line: facts.certificationTime.line,
      tags: ['certification', 'education'],
    });
  }
  if (facts.continuingEducation) {
    templates.push({
      kind: 'figure',
      question: 'How many continuing education credits a year do most coding organizations require to keep a certification active?',
      correct: facts.continuingEducation.value,
      candidates: nearbyRanges(facts.continuingEducation.value),
      explanation: sentenceEnd(facts.continuingEducation.line.text),
      line: facts.continuingEducation.line,
      tags: ['certification', 'education'],
    });
  }
  const growth = facts.growth[0];
  if (growth) {
    templates.push({
      kind: 'figure',
      question: `How much does the guide expect clinical coding jobs to grow${growth.year ? ` through ${growth.year}` : ''}?`,
      correct: growth.value,
      candidates: nearbyRanges(growth.value),
      explanation: sentenceEnd(growth.line.text),
      line: growth.line,
      tags: ['outlook'],
    });
    if (growth.year) {
      const year = Number(growth.year);
      templates.push({
        kind: 'figure',
        question: `Through which year does the guide project ${growth.value} job growth?`,
        correct: growth.year,
        candidates: [year - 5, year - 3, year + 5, year + 7].map(String),
        explanation: sentenceEnd(growth.line.text),
        line: growth.line,
        tags: ['outlook'],
      });
    }
  }
  for (const d of facts.codeDates) {
    templates.push({
      kind: 'figure',
      question: `When do ${d.codeSet} code changes take effect each year, according to the guide?`,
      correct: d.date,
      candidates: [...facts.codeDates.map((o) => o.date), ...MONTHS.filter((_, i) => i % 2 === 0).map((m) => `${m} 1st`)],
      explanation: `${d.codeSet} changes take effect ${d.date}.`,
      line: d.line,
      tags: ['code'],
    });
  }
  if (facts.highSchool) {
    const hs = facts.highSchool;
    const term = hs.text.split(':')[0]!.trim();
    templates.push({
      kind: 'figure',
      question: 'What does the guide give as the basic educational requirement for entry-level positions?',
      correct: term,
      candidates: facts.degrees.map((d) => d.term.replace(/\s*\([^)]*\)\s*$/, '')).concat(facts.trainingProgram ? [facts.trainingProgram.line.text.split(':')[0]!.trim()] : [], ['Bachelor’s Degree in Nursing']),
      explanation: sentenceEnd(hs.text),
      line: hs,
      tags: ['education'],
    });
  }

  // List membership: distractors come from lists under other top-level headings and share no word with the list.
  const lists = facts.lists.filter((l) => l.items.length >= 4 && !l.section.headingPath.some((h) => LIST_EXCLUDED.test(h)) && !l.items.some((i) => /\$\d/.test(i.definition)));
  for (const list of lists) {
    const listTerms = new Set(list.items.flatMap((i) => contentTerms(i.term)));
    const others = lists
      .filter((o) => o.section.headingPath[0] !== list.section.headingPath[0])
      .flatMap((o) => o.items)
      .filter((i) => !contentTerms(i.term).some((t) => listTerms.has(t)))
      .map((i) => i.term);
    for (const item of list.items) {
      templates.push({
        kind: 'list',
        question: `Which of these does the guide list under “${sectionTitle(list.section)}”?`,
        correct: item.term,
        candidates: others,
        explanation: `${item.term}: ${item.definition}.`.replace(/\.\.$/, '.'),
        line: item.line,
        tags: listTags(list.section.headingPath),
      });
    }
  }

  poolCache.set(index, templates);
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

