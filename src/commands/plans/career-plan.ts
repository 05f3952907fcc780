import type { Citation } from '../../answer/index.js';
import type { KnowledgeIndex } from '../../index/index.js';
import { certificationRecords, type CertRecord } from '../cards/certifications.js';
import { focusAreas, type FocusArea } from '../guide/focus-areas.js';
import { bandForLabel, guideFacts, type GuideFacts } from '../guide/guide-facts.js';
import { CitationBook } from '../guide/guide-lines.js';
import type { PlanProfile } from './plan-profile.js';
import { certificationDraft, experienceDraft, keepActiveDraft, schoolDraft, stageDrafts, trainingDraft, type PlanInputs } from './plan-drafts.js';
import { goalSteps, goalWords, type DraftStep } from './plan-steps.js';
import { profileVocabulary } from './plan-vocabulary.js';
import type { PlanStep } from '../types.js';

type GuideIndex = Pick<KnowledgeIndex, 'documents' | 'glossary'>;

export interface CareerPlan {
  summary: string;
  steps: PlanStep[];
  citations: Citation[];
}

const EDUCATION_WORDS: Record<string, (field: string) => string> = {
  none: () => 'no high school diploma yet',
  'high-school': () => 'high school diploma or GED',
  'in-program': (field) => `in a ${field}training program`,
  program: (field) => `${field}training program finished`,
  associate: () => 'associate’s degree',
  bachelor: () => 'bachelor’s degree',
  master: () => 'master’s degree',
};

/**
 * What the plan understood of the person, in short phrases ("retail cashier", "high school
 * diploma or GED", "no pharmacy experience yet", "aiming for remote work"). With `onlyAnswered`,
 * experience is left out until the person has said something about it.
 */
function profilePhrases(inputs: PlanInputs, onlyAnswered = false): string[] {
  const { profile, held, years } = inputs;
  const field = inputs.field ? `${inputs.field} ` : '';
  const acronyms = held.map((r) => r.card.acronym);
  // "a CPhT" or "a high school graduate" repeats what the credential and education parts say.
  const repeats = (role: string) => acronyms.some((a) => a.toLowerCase() === role.toLowerCase()) || /high school|\bged\b/i.test(role);
  const role = profile.role && !repeats(profile.role) ? profile.role.replace(/^(?:an?|the)\s+/i, '') : undefined;
  const goals = goalWords(profile, inputs.areas);
  const experience = onlyAnswered && !profile.answered.experience ? undefined : years > 0 ? `${years} year${years === 1 ? '' : 's'} of ${field}experience` : `no ${field}experience yet`;
  return [
    role,
    profile.education ? EDUCATION_WORDS[profile.education]!(field) : undefined,
    experience,
    acronyms.length ? `holding ${acronyms.join(' and ')}` : undefined,
    hoursText(profile),
    goals.length ? `aiming for ${goals.join(', ')}` : undefined,
  ].filter((p): p is string => !!p);
}

const hoursText = (profile: PlanProfile) => (profile.hoursPerWeek ? `${profile.hoursPerWeek} hours a week` : undefined);

/** One part of what the plan understood, under the label a correction uses ("goal: remote work"). */
export interface UnderstoodPart {
  label: 'education' | 'experience' | 'certification' | 'time' | 'goal';
  text: string;
}

/** Everything the plan understood, part by part, for the check before it is built. */
export function understoodParts(index: GuideIndex, profile: PlanProfile): UnderstoodPart[] {
  const inputs = planInputs(index, profile);
  const field = inputs.field ? `${inputs.field} ` : '';
  const role = profile.role?.replace(/^(?:an?|the)\s+/i, '');
  const years = inputs.years > 0 ? `${inputs.years} year${inputs.years === 1 ? '' : 's'} of ${field}experience` : `no ${field}experience yet`;
  const goals = [...goalWords(profile, inputs.areas), ...profile.targetCertifications.map((c) => `earning ${c}`)];
  const parts: Array<UnderstoodPart | undefined> = [
    { label: 'education', text: profile.education ? EDUCATION_WORDS[profile.education]!(field) : 'not given' },
    { label: 'experience', text: [years, role && !/high school|\bged\b/i.test(role) ? `working as ${role}` : undefined].filter(Boolean).join(', ') },
    { label: 'certification', text: inputs.held.length ? inputs.held.map((r) => r.card.acronym).join(' and ') : 'none yet' },
    profile.hoursPerWeek ? { label: 'time', text: hoursText(profile)! } : undefined,
    { label: 'goal', text: goals.length ? goals.join(', ') : 'not decided yet (a general plan)' },
  ];
  return parts.filter((p): p is UnderstoodPart => !!p);
}

/** What the plan has understood of the person so far, for showing before the plan is built. */
export function understoodProfile(index: GuideIndex, profile: PlanProfile): string[] {
  return profilePhrases(planInputs(index, profile), true);
}

/** What the guide lacks that a plan would use, said plainly. */
function missingParts(index: GuideIndex, facts: GuideFacts, records: readonly CertRecord[]): string[] {
  const missing = [
    facts.salaryBands.length === 0 ? 'salary bands' : '',
    facts.stages.length === 0 ? 'career stages with years of experience' : '',
    records.length === 0 ? 'credentials' : '',
  ].filter(Boolean);
  const general = focusAreas(index).length === 0 ? ['This guide names no focus areas (work settings, specialisations or advancement paths), so this is a general plan.'] : [];
  return [...(missing.length ? [`This guide has no ${missing.join(', no ')}, so the plan shows none.`] : []), ...general];
}

/** The guide's times assume its usual pace; someone with a few hours a week hears that plainly. */
function timeNote(profile: PlanProfile): string[] {
  return profile.hoursPerWeek ? [`The times are the guide's; with ${profile.hoursPerWeek} hours a week, steps may take longer.`] : [];
}

/** Orders the drafts by when they start, cites their lines and drops steps with nothing cited. */
function citedSteps(drafts: DraftStep[], book: CitationBook): PlanStep[] {
  const steps: PlanStep[] = [];
  for (const { draft } of drafts.map((draft, i) => ({ draft, i })).sort((a, b) => a.draft.at - b.draft.at || a.i - b.i)) {
    // Only steps that say something are cited, so every listed source belongs to a step.
    if (!draft.step.detail || !draft.lines.some(Boolean)) continue;
    const cites = book.citeAll(draft.lines).sort((a, b) => a - b);
    steps.push({ ...withoutEmpty(draft.step), cites });
  }
  return steps;
}

function planInputs(index: GuideIndex, profile: PlanProfile): PlanInputs {
  const facts = guideFacts(index);
  const records = certificationRecords(index);
  const years = profile.fieldYears ?? 0;
  const held = records.filter((r) => profile.certifications.includes(r.card.acronym));
  const trained = !!profile.fieldTraining || profile.education === 'program' || held.length > 0 || years >= 1;
  const vocabulary = profileVocabulary(index);
  // In the order they were named, as the guide writes them.
  const areas = profile.focusAreas.map((name) => vocabulary.areas.find((a) => a.name === name)).filter((a): a is FocusArea => !!a);
  return { profile, facts, records, years, held, trained, field: vocabulary.field, areas, recommended: new Set(held.map((r) => r.card.acronym)) };
}

/**
 * Assembles a personal roadmap from the guide: school, training, the certification that fits,
 * first job, the goals' specializations, the career stages still ahead and keeping the credential
 * active. Steps already behind the person are left out; each step carries the time and salary
 * band the guide gives for it and cites the lines used.
 */
export function buildCareerPlan(index: GuideIndex, profile: PlanProfile): CareerPlan {
  const inputs = planInputs(index, profile);
  const { facts, years } = inputs;
  // The certification step runs first: what it recommends is not suggested again for a goal.
  const early = [schoolDraft(inputs), trainingDraft(inputs), certificationDraft(inputs), experienceDraft(inputs)];
  const specializeStep = facts.steps.find((s) => /speciali/i.test(s.title));
  const goals = goalSteps(profile, facts, inputs.records, inputs.recommended, {
    specializeAt: Math.max(years, 2),
    leadBand: bandForLabel(facts, /speciali|lead/i),
    specializeStep: specializeStep?.body ?? [],
    years,
    field: inputs.field,
    areas: inputs.areas,
  });
  const drafts = [...early, ...goals, ...stageDrafts(inputs, goals), keepActiveDraft(inputs)];
  const book = new CitationBook();
  const steps = citedSteps(drafts.filter((d): d is DraftStep => !!d), book);
  const notes = [...missingParts(index, facts, inputs.records), ...timeNote(profile)];
  return {
    summary: [`Your plan (${profilePhrases(inputs).join('; ')}): ${steps.length} steps from the guide, with the time and salary it gives for each. Numbers in brackets cite the guide.`, ...notes].join(' '),
    steps,
    citations: book.citations,
  };
}

function withoutEmpty(step: Omit<PlanStep, 'cites'>): Omit<PlanStep, 'cites'> {
  const out: Omit<PlanStep, 'cites'> = { title: step.title, detail: step.detail };
  if (step.duration) out.duration = step.duration;
  if (step.salary) out.salary = step.salary;
  return out;
}
