import type { CertRecord } from '../cards/certifications.js';
import { bandForLabel, bandForYears, describeStage, type CareerStage, type DefinedLine, type GuideFacts, type SalaryBand } from '../guide/guide-facts.js';
import type { GuideLine } from '../guide/guide-lines.js';
import { areaName, namesArea, type FocusArea } from '../guide/focus-areas.js';
import { acronymPattern } from '../guide/text-match.js';
import type { PlanGoal, PlanProfile } from './plan-profile.js';
import type { PlanStep } from '../types.js';

/** A step before ordering: `at` is the years of experience at which it starts. */
export interface DraftStep {
  at: number;
  step: Omit<PlanStep, 'cites'>;
  lines: Array<GuideLine | undefined>;
}

/** What the goal steps read besides the profile and the guide's facts. */
export interface GoalContext {
  specializeAt: number;
  leadBand?: SalaryBand;
  /** The getting-started step about specializing, when the guide has one. */
  specializeStep: GuideLine[];
  years: number;
  /** The field in one word (the subject's word before the job title), when the guide's subject gives one. */
  field?: string;
  /** The guide's focus areas the person aims at, in the order they named them. */
  areas: readonly FocusArea[];
}

const GENERAL_NAMES: Record<PlanGoal, string> = {
  remote: 'remote work',
  management: 'management',
  teaching: 'training others',
  consulting: 'consulting',
};

/** A focus area in words: "work in hospital pharmacies", "nuclear pharmacy technician", "purchasing". */
export function areaWords(area: FocusArea): string {
  if (area.kind === 'setting') return `work in ${areaName(area)}`;
  return area.kind === 'specialization' ? areaName(area) : area.label;
}

/** The profile's goals in words, for the plan's summary: the general directions, then the guide's areas. */
export function goalWords(profile: PlanProfile, areas: readonly FocusArea[]): string[] {
  return [...profile.goals.map((g) => GENERAL_NAMES[g]), ...areas.map(areaWords)];
}

export const salaryText = (band: SalaryBand | undefined) => (band ? `${band.term}: ${band.definition}` : undefined);
const certName = (r: CertRecord) => `${r.card.acronym} (${r.card.organization})`;
export const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
/** A text to go inside a sentence: without its closing full stop. */
const clause = (text: string) => text.replace(/\.$/, '');
const sentences = (texts: ReadonlyArray<string | undefined>) => texts.filter((t): t is string => !!t).join(' ');
const lineSentence = (d: DefinedLine | GuideLine | undefined) => (d ? sentence('term' in d ? d.line.text : d.text) : undefined);

/**
 * The salary band of a career stage: one naming every word of its label ("Intermediate"; "Senior
 * paralegal" is not "Paralegal manager"), or one of a label's alternatives ("Management/Leadership"), else by its years.
 */
export function bandForStage(facts: GuideFacts, stage: CareerStage): SalaryBand | undefined {
  const words = stage.label.split(/[\s/-]+/).filter((w) => w.length > 3 && !/^(?:position|level|role)s?$/i.test(w));
  const names = (b: SalaryBand, w: string) => new RegExp(`\\b${w}\\b`, 'i').test(b.term);
  const all = words.length > 0 ? facts.salaryBands.find((b) => words.every((w) => names(b, w))) : undefined;
  // A label of alternatives ("Management/Leadership") needs only one of them named.
  const either = /\/|\bor\b/.test(stage.label) ? facts.salaryBands.find((b) => words.some((w) => names(b, w))) : undefined;
  return all ?? either ?? bandForYears(facts, stage.years.min);
}

const advancement = (facts: GuideFacts, pattern: RegExp) => facts.advancement.find((a) => pattern.test(a.term));

/** "after 2-3 years of … experience", from the specialize step, for people not there yet. */
function specializeTiming(ctx: GoalContext): string | undefined {
  const timing = ctx.years < 2 ? ctx.specializeStep.find((l) => /\d/.test(l.text)) : undefined;
  return timing ? /(?:after\s+)?\d+(?:\s*[-–]\s*\d+)?\s*years?(?:\s+of\s+[a-z ]+experience)?/i.exec(timing.text)?.[0] : undefined;
}

/** Credentials whose focus serves a goal, not yet suggested; marks them suggested. */
function newCredentials(records: CertRecord[], recommended: Set<string>, serves: (r: CertRecord) => boolean): CertRecord[] {
  const certs = records.filter((r) => serves(r) && !recommended.has(r.card.acronym));
  certs.forEach((r) => recommended.add(r.card.acronym));
  return certs;
}

/** A credential serves an area when the area's line names it or its definition names the area. */
export function servesArea(record: CertRecord, area: FocusArea): boolean {
  return acronymPattern(record.card.acronym).test(area.line.text) || record.entries.some((e) => namesArea(e.definition, area));
}

/** Beyond-entry credentials for an area, not yet suggested. */
function areaCredentials(area: FocusArea, records: CertRecord[], recommended: Set<string>): CertRecord[] {
  return newCredentials(records, recommended, (r) => r.level !== 'entry level' && servesArea(r, area));
}

/** The guide's pay line for an area ("Hospitals: $42,000-$50,000"), when a pay list names it. */
function areaPay(facts: GuideFacts, area: FocusArea): SalaryBand | undefined {
  return [...facts.salaryBands, ...facts.otherSalaries].find((b) => !b.years && namesArea(b.term, area));
}

/** A work setting or a specialisation: what the guide says of it, the credentials for it, and its pay. */
function areaStep(area: FocusArea, facts: GuideFacts, records: CertRecord[], recommended: Set<string>, ctx: GoalContext): DraftStep {
  const certs = areaCredentials(area, records, recommended);
  const credentials = certs.length ? `Credentials for it: ${certs.map((r) => `${certName(r)} — ${clause(r.card.summary)}`).join('; ')}.` : undefined;
  const specializing = area.kind === 'specialization';
  const band = areaPay(facts, area) ?? (specializing ? ctx.leadBand : undefined);
  const advice = specializing ? ctx.specializeStep : [];
  return {
    at: specializing ? ctx.specializeAt : Math.max(ctx.years, 1),
    step: {
      title: `${specializing ? 'Specialize in' : 'Work in'} ${areaName(area)}${certs.length ? ` and earn ${certs.map((r) => r.card.acronym).join(' or ')}` : ''}`,
      detail: sentences([lineSentence(area.line), credentials, ...advice.map(lineSentence)]),
      duration: specializing ? specializeTiming(ctx) : undefined,
      salary: salaryText(band),
    },
    lines: [area.line, ...certs.map((r) => r.line), ...advice, band?.line],
  };
}

/** An advancement path ("Purchasing Role"): the career stage whose roles name it, the credentials for it, that stage's pay. */
function pathStep(area: FocusArea, facts: GuideFacts, records: CertRecord[], recommended: Set<string>, ctx: GoalContext): DraftStep {
  const stage = facts.stages.find((s) => namesArea(s.roles, area));
  const certs = areaCredentials(area, records, recommended);
  const band = stage ? bandForStage(facts, stage) : undefined;
  return {
    at: Math.max(stage?.years.min ?? 5, ctx.years),
    step: {
      title: `Move into ${area.label}${certs.length ? ` with ${certs.map((r) => r.card.acronym).join(' or ')}` : ''}`,
      detail: sentences([
        lineSentence(area.line),
        certs.length ? `${certs.map((r) => `${certName(r)}: ${clause(r.card.summary)}`).join('; ')}.` : undefined,
        stage ? describeStage(stage) : undefined,
      ]),
      duration: stage?.experience,
      salary: salaryText(band),
    },
    lines: [area.line, ...certs.map((r) => r.line), stage?.line, band?.line],
  };
}

function remoteStep(facts: GuideFacts, ctx: GoalContext): DraftStep {
  const setting = facts.workSettings.find((s) => /remote|home/i.test(s.term));
  return {
    at: Math.max(ctx.years, 2),
    step: {
      title: `Move into a remote ${ctx.field ? `${ctx.field} ` : ''}position`,
      detail: sentences([lineSentence(setting), lineSentence(facts.remoteExperience), lineSentence(facts.remotePay)]),
      salary: facts.remotePay ? `${facts.remotePay.term}: ${facts.remotePay.definition}` : undefined,
    },
    lines: [setting?.line, facts.remoteExperience, facts.remotePay?.line],
  };
}

/** Leading a department: the highest career stage, the guide's management advice and (without a master's) the degree advice. */
function managementStep(profile: PlanProfile, facts: GuideFacts, ctx: GoalContext): DraftStep {
  // The stage furthest up the ladder, not a side-step a table lists last.
  const stage = facts.stages.reduce<CareerStage | undefined>((top, s) => (!top || s.years.min >= top.years.min ? s : top), undefined);
  const management = advancement(facts, /manag/i);
  const degree = profile.education === 'master' ? undefined : advancement(facts, /degree/i);
  const band = stage ? bandForStage(facts, stage) : bandForLabel(facts, /manag|director/i);
  return {
    at: Math.max(stage?.years.min ?? 8, ctx.years),
    step: {
      title: `Lead a ${ctx.field ? `${ctx.field} ` : ''}department${stage ? `: ${stage.roles}` : ''}`,
      detail: sentences([stage ? describeStage(stage) : undefined, lineSentence(management), lineSentence(facts.managementPath), lineSentence(degree)]),
      duration: stage?.experience,
      salary: salaryText(band),
    },
    lines: [stage?.line, management?.line, facts.managementPath, degree?.line, band?.line],
  };
}

/** Training others or consulting: the guide's advancement line for it, if any. */
function advancementStep(goal: 'teaching' | 'consulting', facts: GuideFacts, ctx: GoalContext): DraftStep | undefined {
  const line = advancement(facts, goal === 'teaching' ? /train|educat/i : /consult/i);
  return line ? { at: Math.max(5, ctx.years), step: { title: line.term, detail: sentence(line.line.text) }, lines: [line.line] } : undefined;
}

/** With no goal given: the guide's general advice to specialize. */
function chooseSpecializationStep(facts: GuideFacts, ctx: GoalContext): DraftStep {
  const general = advancement(facts, /speciali/i);
  return {
    at: ctx.specializeAt,
    step: {
      title: 'Choose a specialization',
      detail: sentences([lineSentence(general), ...ctx.specializeStep.map(lineSentence)]),
      duration: specializeTiming(ctx),
      salary: salaryText(ctx.leadBand),
    },
    lines: [general?.line, ...ctx.specializeStep, ctx.leadBand?.line],
  };
}

/**
 * Steps for the person's goals: the general directions (remote work, leading a department,
 * training others, consulting) and the guide's focus areas they named (a setting, a
 * specialisation or an advancement path, each with the credentials that serve it); with no goal,
 * the guide's advice to specialize. Credentials already held or recommended are not suggested
 * again, and two goals resting on the same guide line give one step.
 */
export function goalSteps(profile: PlanProfile, facts: GuideFacts, records: CertRecord[], recommended: Set<string>, ctx: GoalContext): DraftStep[] {
  if (profile.goals.length === 0 && ctx.areas.length === 0) return [chooseSpecializationStep(facts, ctx)];
  const general = profile.goals.map((goal) => {
    if (goal === 'remote') return remoteStep(facts, ctx);
    if (goal === 'management') return managementStep(profile, facts, ctx);
    return advancementStep(goal, facts, ctx);
  });
  const areas = ctx.areas.map((area) => (area.kind === 'path' ? pathStep : areaStep)(area, facts, records, recommended, ctx));
  const seen = new Set<GuideLine>();
  return [...areas, ...general].filter((d): d is DraftStep => {
    const first = d?.lines.find(Boolean);
    if (!d || (first && seen.has(first))) return false;
    if (first) seen.add(first);
    return true;
  });
}
