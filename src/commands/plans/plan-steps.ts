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

export const GOAL_FOCUS: Partial<Record<PlanGoal, string>> = { inpatient: 'inpatient', outpatient: 'outpatient', 'physician office': 'physician office' };
export const GOAL_WORDS: Record<PlanGoal, string> = {
  inpatient: 'inpatient coding',
  outpatient: 'outpatient coding',
  'physician office': 'physician office coding',
  remote: 'remote work',
  audit: 'auditing',
  compliance: 'compliance',
  management: 'management',
  teaching: 'training others',
  consulting: 'consulting',
  specialty: 'a clinical specialty',
};

export const salaryText = (band: SalaryBand | undefined) => (band ? `${band.term}: ${band.definition}` : undefined);
const certName = (r: CertRecord) => `${r.card.acronym} (${r.card.organization})`;
export const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

function stageFor(facts: GuideFacts, pattern: RegExp): CareerStage | undefined {
  return facts.stages.find((s) => pattern.test(s.label));
}

/** The salary band of a career stage: by a shared label word first ("Intermediate"), else by its years. */
export function bandForStage(facts: GuideFacts, stage: CareerStage): SalaryBand | undefined {
  const words = stage.label.split(/[\s/-]+/).filter((w) => w.length > 3 && !/^(?:position|level|role)s?$/i.test(w));
  return facts.salaryBands.find((b) => words.some((w) => new RegExp(`\\b${w}\\b`, 'i').test(b.term))) ?? bandForYears(facts, stage.years.min);
}

/**
 * Steps for the person's goals: a specialization with the credentials whose focus matches it
 * (inpatient → CCS/CIC…), remote work, auditing and compliance (with the advanced stage), leading
 * a department, training others or consulting; with no goal, the guide's advice to specialize.
 * Credentials already held or recommended are not suggested again.
 */
export function goalSteps(
  profile: PlanProfile,
  facts: GuideFacts,
  records: CertRecord[],
  recommended: Set<string>,
  ctx: { specializeAt: number; leadBand?: SalaryBand; specializeStep: GuideLine[]; years: number },
): DraftStep[] {
  const drafts: DraftStep[] = [];
  const advancement = (pattern: RegExp) => facts.advancement.find((a) => pattern.test(a.term));
  const specialization = (pattern: RegExp) => facts.specializations.find((s) => pattern.test(s.term));
  const timing = ctx.years < 2 ? ctx.specializeStep.find((l) => /\d/.test(l.text)) : undefined;
  const timingValue = timing ? /(?:after\s+)?\d+(?:\s*[-–]\s*\d+)?\s*years?(?:\s+of\s+[a-z ]+experience)?/i.exec(timing.text)?.[0] : undefined;

  for (const goal of profile.goals) {
    const focus = GOAL_FOCUS[goal];
    if (focus) {
      const area = specialization(new RegExp(`^${goal === 'physician office' ? 'outpatient' : goal}`, 'i'));
      const certs = records.filter((r) => r.card.focus.includes(focus) && !recommended.has(r.card.acronym) && r.level !== 'entry level');
      certs.forEach((r) => recommended.add(r.card.acronym));
      drafts.push({
        at: ctx.specializeAt,
        step: {
          title: `Specialize in ${GOAL_WORDS[goal]}${certs.length ? ` and earn ${certs.map((r) => r.card.acronym).join(' or ')}` : ''}`,
          detail: [
            area ? sentence(area.line.text) : '',
            certs.length ? `Credentials for it: ${certs.map((r) => `${certName(r)} — ${r.card.summary}`).join('; ')}.` : '',
            ...ctx.specializeStep.map((l) => sentence(l.text)),
          ]
            .filter(Boolean)
            .join(' '),
          duration: timingValue,
          salary: salaryText(ctx.leadBand),
        },
        lines: [area?.line, ...certs.map((r) => r.line), ...ctx.specializeStep, ctx.leadBand?.line],
      });
    } else if (goal === 'specialty') {
      const areas = profile.specialties.map((name) => facts.specializations.find((s) => s.term === name)).filter((s): s is DefinedLine => !!s);
      const general = advancement(/speciali/i);
      drafts.push({
        at: ctx.specializeAt,
        step: {
          title: `Specialize in ${profile.specialties.map((s) => s.replace(/\s*coding$/i, '').toLowerCase()).join(' or ')} coding`,
          detail: [...areas.map((a) => sentence(a.line.text)), general ? sentence(general.line.text) : '', ...ctx.specializeStep.map((l) => sentence(l.text))].filter(Boolean).join(' '),
          duration: timingValue,
          salary: salaryText(ctx.leadBand),
        },
        lines: [...areas.map((a) => a.line), general?.line, ...ctx.specializeStep, ctx.leadBand?.line],
      });
    } else if (goal === 'remote') {
      const setting = facts.workSettings.find((s) => /remote/i.test(s.term));
      drafts.push({
        at: Math.max(ctx.years, 2),
        step: {
          title: 'Move into a remote coding position',
          detail: [setting ? sentence(setting.line.text) : '', facts.remoteExperience ? sentence(facts.remoteExperience.text) : '', facts.remotePay ? sentence(facts.remotePay.line.text) : '']
            .filter(Boolean)
            .join(' '),
          salary: facts.remotePay ? `${facts.remotePay.term}: ${facts.remotePay.definition}` : undefined,
        },
        lines: [setting?.line, facts.remoteExperience, facts.remotePay?.line],
      });
    } else if (goal === 'audit' || goal === 'compliance') {
      if (drafts.some((d) => d.step.title.startsWith('Move into auditing'))) continue;
      const stage = stageFor(facts, /advanced/i) ?? facts.stages.find((s) => /audit|compliance/i.test(s.roles));
      const auditing = advancement(/audit/i);
      const compliance = advancement(/compliance/i);
      const certs = records.filter((r) => r.card.focus.some((f) => f === 'audit' || f === 'compliance') && !recommended.has(r.card.acronym));
      certs.forEach((r) => recommended.add(r.card.acronym));
      const band = stage ? bandForStage(facts, stage) : undefined;
      drafts.push({
        at: Math.max(stage?.years.min ?? 5, ctx.years),
        step: {
          title: `Move into auditing and compliance${certs.length ? ` with ${certs.map((r) => r.card.acronym).join(' or ')}` : ''}`,
          detail: [
            auditing ? sentence(auditing.line.text) : '',
            certs.length ? `${certs.map((r) => `${certName(r)}: ${r.card.summary}`).join('; ')}.` : '',
            compliance ? sentence(compliance.line.text) : '',
            stage ? `${stage.label}: ${stage.roles} → ${stage.experience}.` : '',
          ]
            .filter(Boolean)
            .join(' '),
          duration: stage?.experience,
          salary: salaryText(band),
        },
        lines: [auditing?.line, ...certs.map((r) => r.line), compliance?.line, stage?.line, band?.line],
      });
    } else if (goal === 'management') {
      const stage = facts.stages.at(-1);
      const management = advancement(/manag/i);
      const degree = profile.education === 'master' ? undefined : advancement(/degree/i);
      const band = stage ? bandForStage(facts, stage) : bandForLabel(facts, /manag|director/i);
      drafts.push({
        at: Math.max(stage?.years.min ?? 8, ctx.years),
        step: {
          title: `Lead a coding department${stage ? `: ${stage.roles}` : ''}`,
          detail: [
            stage ? `${stage.label}: ${stage.roles} → ${stage.experience}.` : '',
            management ? sentence(management.line.text) : '',
            facts.managementPath ? sentence(facts.managementPath.text) : '',
            degree ? sentence(degree.line.text) : '',
          ]
            .filter(Boolean)
            .join(' '),
          duration: stage?.experience,
          salary: salaryText(band),
        },
        lines: [stage?.line, management?.line, facts.managementPath, degree?.line, band?.line],
      });
    } else if (goal === 'teaching' || goal === 'consulting') {
      const line = advancement(goal === 'teaching' ? /train|educat/i : /consult/i);
      if (line) drafts.push({ at: Math.max(5, ctx.years), step: { title: line.term, detail: sentence(line.line.text) }, lines: [line.line] });
    }
  }

  // No goal given: the guide's general advice to specialize.
  if (profile.goals.length === 0) {
    const general = advancement(/speciali/i);
    drafts.push({
      at: ctx.specializeAt,
      step: {
        title: 'Choose a specialization',
        detail: [general ? sentence(general.line.text) : '', ...ctx.specializeStep.map((l) => sentence(l.text))].filter(Boolean).join(' '),
        duration: timingValue,
        salary: salaryText(ctx.leadBand),
      },
      lines: [general?.line, ...ctx.specializeStep, ctx.leadBand?.line],
    });
  }
  return drafts;
}
