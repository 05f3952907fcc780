import type { CertRecord } from '../cards/certifications.js';
import { bandForLabel, bandForYears, type CareerStage, type DefinedLine, type GuideFacts, type SalaryBand } from '../guide/guide-facts.js';
import type { GuideLine } from '../guide/guide-lines.js';
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
}

/** Goals that are a credential focus (the card's focus tags say which credentials serve them). */
export const GOAL_FOCUS: Partial<Record<PlanGoal, string>> = { inpatient: 'inpatient', outpatient: 'outpatient', 'physician office': 'physician office' };
const GOAL_NAMES: Record<PlanGoal, string> = {
  inpatient: 'inpatient',
  outpatient: 'outpatient',
  'physician office': 'physician office',
  remote: 'remote work',
  audit: 'auditing',
  compliance: 'compliance',
  management: 'management',
  teaching: 'training others',
  consulting: 'consulting',
  specialty: 'a specialty',
};

/** A goal in words: focus goals take the field's name ("inpatient" + the field), a specialty its own name. */
function goalName(goal: PlanGoal, field: string | undefined): string {
  return GOAL_FOCUS[goal] ? `${GOAL_NAMES[goal]}${field ? ` ${field}` : ' work'}` : GOAL_NAMES[goal];
}

/** The profile's goals in words, for the plan's summary. */
export function goalWords(profile: PlanProfile, field: string | undefined): string[] {
  return profile.goals.map((g) => (g === 'specialty' && profile.specialties.length ? profile.specialties.join(' or ').toLowerCase() : goalName(g, field)));
}

export const salaryText = (band: SalaryBand | undefined) => (band ? `${band.term}: ${band.definition}` : undefined);
const certName = (r: CertRecord) => `${r.card.acronym} (${r.card.organization})`;
export const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
const sentences = (texts: ReadonlyArray<string | undefined>) => texts.filter((t): t is string => !!t).join(' ');
const lineSentence = (d: DefinedLine | GuideLine | undefined) => (d ? sentence('term' in d ? d.line.text : d.text) : undefined);

/** The salary band of a career stage: by a shared label word first ("Intermediate"), else by its years. */
export function bandForStage(facts: GuideFacts, stage: CareerStage): SalaryBand | undefined {
  const words = stage.label.split(/[\s/-]+/).filter((w) => w.length > 3 && !/^(?:position|level|role)s?$/i.test(w));
  return facts.salaryBands.find((b) => words.some((w) => new RegExp(`\\b${w}\\b`, 'i').test(b.term))) ?? bandForYears(facts, stage.years.min);
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

/** A focus goal (inpatient, outpatient…): its specialization area and the advanced credentials for it. */
function focusStep(goal: PlanGoal, facts: GuideFacts, records: CertRecord[], recommended: Set<string>, ctx: GoalContext): DraftStep {
  const focus = GOAL_FOCUS[goal]!;
  const area = facts.specializations.find((s) => new RegExp(`^${goal === 'physician office' ? 'outpatient' : goal}`, 'i').test(s.term));
  const certs = newCredentials(records, recommended, (r) => r.card.focus.includes(focus) && r.level !== 'entry level');
  const credentials = certs.length ? `Credentials for it: ${certs.map((r) => `${certName(r)} — ${r.card.summary}`).join('; ')}.` : undefined;
  return {
    at: ctx.specializeAt,
    step: {
      title: `Specialize in ${goalName(goal, ctx.field)}${certs.length ? ` and earn ${certs.map((r) => r.card.acronym).join(' or ')}` : ''}`,
      detail: sentences([lineSentence(area), credentials, ...ctx.specializeStep.map(lineSentence)]),
      duration: specializeTiming(ctx),
      salary: salaryText(ctx.leadBand),
    },
    lines: [area?.line, ...certs.map((r) => r.line), ...ctx.specializeStep, ctx.leadBand?.line],
  };
}

/** Specializations the person named ("cardiology"), with the guide's general advice to specialize. */
function specialtyStep(profile: PlanProfile, facts: GuideFacts, ctx: GoalContext): DraftStep {
  const areas = profile.specialties.map((name) => facts.specializations.find((s) => s.term === name)).filter((s): s is DefinedLine => !!s);
  const general = advancement(facts, /speciali/i);
  return {
    at: ctx.specializeAt,
    step: {
      title: `Specialize in ${profile.specialties.map((s) => s.toLowerCase()).join(' or ')}`,
      detail: sentences([...areas.map(lineSentence), lineSentence(general), ...ctx.specializeStep.map(lineSentence)]),
      duration: specializeTiming(ctx),
      salary: salaryText(ctx.leadBand),
    },
    lines: [...areas.map((a) => a.line), general?.line, ...ctx.specializeStep, ctx.leadBand?.line],
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

/** Auditing and compliance share one step: the advanced stage and the credentials for audits. */
function auditStep(facts: GuideFacts, records: CertRecord[], recommended: Set<string>, ctx: GoalContext): DraftStep {
  const stage = facts.stages.find((s) => /advanced/i.test(s.label)) ?? facts.stages.find((s) => /audit|compliance/i.test(s.roles));
  const auditing = advancement(facts, /audit/i);
  const compliance = advancement(facts, /compliance/i);
  const certs = newCredentials(records, recommended, (r) => r.card.focus.some((f) => f === 'audit' || f === 'compliance'));
  const band = stage ? bandForStage(facts, stage) : undefined;
  return {
    at: Math.max(stage?.years.min ?? 5, ctx.years),
    step: {
      title: `Move into auditing and compliance${certs.length ? ` with ${certs.map((r) => r.card.acronym).join(' or ')}` : ''}`,
      detail: sentences([
        lineSentence(auditing),
        certs.length ? `${certs.map((r) => `${certName(r)}: ${r.card.summary}`).join('; ')}.` : undefined,
        lineSentence(compliance),
        stage ? `${stage.label}: ${stage.roles} → ${stage.experience}.` : undefined,
      ]),
      duration: stage?.experience,
      salary: salaryText(band),
    },
    lines: [auditing?.line, ...certs.map((r) => r.line), compliance?.line, stage?.line, band?.line],
  };
}

/** Leading a department: the last career stage, the guide's management advice and (without a master's) the degree advice. */
function managementStep(profile: PlanProfile, facts: GuideFacts, ctx: GoalContext): DraftStep {
  const stage = facts.stages.at(-1);
  const management = advancement(facts, /manag/i);
  const degree = profile.education === 'master' ? undefined : advancement(facts, /degree/i);
  const band = stage ? bandForStage(facts, stage) : bandForLabel(facts, /manag|director/i);
  return {
    at: Math.max(stage?.years.min ?? 8, ctx.years),
    step: {
      title: `Lead a ${ctx.field ? `${ctx.field} ` : ''}department${stage ? `: ${stage.roles}` : ''}`,
      detail: sentences([stage ? `${stage.label}: ${stage.roles} → ${stage.experience}.` : undefined, lineSentence(management), lineSentence(facts.managementPath), lineSentence(degree)]),
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
 * Steps for the person's goals: a focus area with the credentials whose focus matches it, named
 * specializations, remote work, auditing and compliance (one step), leading a department,
 * training others or consulting; with no goal, the guide's advice to specialize. Credentials
 * already held or recommended are not suggested again.
 */
export function goalSteps(profile: PlanProfile, facts: GuideFacts, records: CertRecord[], recommended: Set<string>, ctx: GoalContext): DraftStep[] {
  if (profile.goals.length === 0) return [chooseSpecializationStep(facts, ctx)];
  const drafts: Array<DraftStep | undefined> = [];
  let auditDone = false;
  for (const goal of profile.goals) {
    if (GOAL_FOCUS[goal]) drafts.push(focusStep(goal, facts, records, recommended, ctx));
    else if (goal === 'specialty') drafts.push(specialtyStep(profile, facts, ctx));
    else if (goal === 'remote') drafts.push(remoteStep(facts, ctx));
    else if ((goal === 'audit' || goal === 'compliance') && !auditDone) {
      auditDone = true;
      drafts.push(auditStep(facts, records, recommended, ctx));
    } else if (goal === 'management') drafts.push(managementStep(profile, facts, ctx));
    else if (goal === 'teaching' || goal === 'consulting') drafts.push(advancementStep(goal, facts, ctx));
  }
  return drafts.filter((d): d is DraftStep => !!d);
}
