import type { CertRecord } from '../cards/certifications.js';
import { bandForYears, describeStage, type GuideFacts } from '../guide/guide-facts.js';
import type { GuideLine } from '../guide/guide-lines.js';
import type { PlanProfile } from './plan-profile.js';
import type { FocusArea } from '../guide/focus-areas.js';
import { areaWords, bandForStage, salaryText, sentence, servesArea, type DraftStep } from './plan-steps.js';

/** Everything the step builders read: the profile, the guide's facts and credentials, and what was already recommended. */
export interface PlanInputs {
  profile: PlanProfile;
  facts: GuideFacts;
  records: CertRecord[];
  /** Years of work in the field. */
  years: number;
  held: CertRecord[];
  /** Training for the field is behind them (a programme, a credential or a year of work). */
  trained: boolean;
  /** The field in one word (the subject's word before the job title), when the guide's subject gives one. */
  field?: string;
  /** Credentials already suggested (or held); later steps do not suggest them again. */
  recommended: Set<string>;
  /** The guide's focus areas the person aims at. */
  areas: readonly FocusArea[];
}

const joinSentences = (texts: ReadonlyArray<string | undefined>) => texts.filter((t): t is string => !!t).map(sentence).join(' ');
const training = (inputs: PlanInputs) => `${inputs.field ? `${inputs.field} ` : ''}training program`;

/** 1. School, when the person has not finished it. */
export function schoolDraft({ profile, facts }: PlanInputs): DraftStep | undefined {
  if (profile.education !== 'none') return undefined;
  const s = facts.steps.find((x) => x.n === 1) ?? facts.steps.find((x) => /high school/i.test(x.title));
  return {
    at: 0,
    step: { title: s?.title ?? 'Complete your high school education', detail: joinSentences([s?.body[0]?.text, facts.highSchool?.text]) },
    lines: [s?.body[0], facts.highSchool],
  };
}

/** 2. Training for the field, unless it is behind them. */
export function trainingDraft(inputs: PlanInputs): DraftStep | undefined {
  const { profile, facts } = inputs;
  if (inputs.trained) return undefined;
  const enroll = facts.steps.find((s) => /program|enrol|training/i.test(s.title));
  const inProgram = profile.education === 'in-program';
  // The roadmap's first and last sentences say what to choose; the middle lists where.
  const advice = inProgram || !enroll ? [] : [...new Set([enroll.body[0], enroll.body.at(-1)])].filter((l): l is GuideLine => !!l);
  return {
    at: 0,
    step: {
      title: inProgram ? `Finish your ${training(inputs)}` : (enroll?.title ?? `Complete a ${training(inputs)}`),
      detail: joinSentences([facts.trainingProgram?.line.text, ...advice.map((l) => l.text)]),
      duration: facts.trainingProgram?.value,
    },
    lines: [facts.trainingProgram?.line, ...advice],
  };
}

/** The credentials to offer first (the ones asked for, else entry-level ones), best fit for the person's focus areas first. */
function firstCredentials({ profile, records, areas }: PlanInputs): { ranked: CertRecord[]; best?: CertRecord; served: (r: CertRecord) => FocusArea[] } {
  const targets = records.filter((r) => profile.targetCertifications.includes(r.card.acronym));
  const entry = records.filter((r) => r.level === 'entry level');
  // Without entry-level ones, the first two the guide lists that are not advanced (an advanced one needs another first).
  const options = targets.length ? targets : entry.length ? entry : records.filter((r) => r.level !== 'advanced').slice(0, 2);
  const served = (r: CertRecord) => areas.filter((a) => servesArea(r, a));
  const fit = (r: CertRecord) => served(r).length;
  const ranked = [...options].sort((a, b) => fit(b) - fit(a));
  const best = ranked[0] && fit(ranked[0]) > 0 && (ranked[1] === undefined || fit(ranked[0]) > fit(ranked[1])) ? ranked[0] : undefined;
  return { ranked, best, served };
}

/** 3. A first certification, chosen by how well its focus fits the goals. */
export function certificationDraft(inputs: PlanInputs): DraftStep | undefined {
  const { facts, years } = inputs;
  if (inputs.held.length > 0 || inputs.records.length === 0) return undefined;
  const { ranked, best, served } = firstCredentials(inputs);
  ranked.forEach((r) => inputs.recommended.add(r.card.acronym));
  const optionsLine = facts.steps.find((s) => /certif/i.test(s.title))?.body.find((l) => ranked.some((r) => l.text.includes(r.card.acronym)));
  // Someone already working without a credential hears why it matters.
  const expected = years >= 1 ? facts.certificationExpected : undefined;
  const detail = [
    `Options: ${ranked.map((r) => `${r.card.acronym} (${r.card.name}) — ${sentence(r.card.summary).slice(0, -1)}`).join('; ')}.`,
    best ? `For ${served(best).map(areaWords).join(' and ')}, ${best.card.acronym} fits best: the guide ties it to ${served(best).map((a) => a.label).join(', ')}.` : '',
    joinSentences([expected?.text, facts.examPreparation?.text]),
  ];
  return {
    at: 0,
    step: {
      title: `Earn ${years >= 1 ? 'a' : 'your first'} certification: ${ranked.map((r) => r.card.acronym).join(' or ')}`,
      detail: detail.filter(Boolean).join(' '),
      duration: facts.certificationTime?.value,
    },
    lines: [...ranked.map((r) => r.line), optionsLine, facts.certificationTime?.line, expected, facts.examPreparation],
  };
}

/** 4a. The first job in the field (or more of it, in the first year). */
function firstJobDraft(inputs: PlanInputs): DraftStep {
  const { facts, years, profile } = inputs;
  const field = inputs.field ? `${inputs.field} ` : '';
  const entryStage = facts.stages[0];
  const build = facts.steps.find((s) => /experience|practical|externship|on-the-job/i.test(s.title));
  const remoteNote = profile.goals.includes('remote') ? facts.remoteExperience : undefined;
  const band = bandForYears(facts, years);
  return {
    at: 0.5,
    step: {
      title: years >= 1 ? `Keep building hands-on ${field}experience` : (build?.title ?? `Get an entry-level ${field}job`),
      detail: [entryStage ? describeStage(entryStage, false) : '', joinSentences((build?.body ?? []).map((l) => l.text)), remoteNote ? `For remote work later: ${remoteNote.text}` : '']
        .filter(Boolean)
        .join(' '),
      duration: entryStage?.experience,
      salary: salaryText(band),
    },
    lines: [entryStage?.line, ...(build?.body ?? []), band?.line, remoteNote],
  };
}

/** 4b. Where an experienced person stands now, by the guide's bands or stages. */
function whereNowDraft(inputs: PlanInputs): DraftStep {
  const { facts, years, held } = inputs;
  const band = bandForYears(facts, years);
  const stage = [...facts.stages].reverse().find((s) => years >= s.years.min);
  const credentials = held.length ? ` and ${held.map((r) => r.card.acronym).join(' and ')}` : '';
  return {
    at: years,
    step: {
      title: `Where you are now: ${band?.term ?? stage?.label ?? `${years} years in`}`,
      detail: `With ${years} years of ${inputs.field ? `${inputs.field} ` : ''}experience${credentials}, the guide's compensation bands put you at ${band ? `${band.term}: ${band.definition}` : `the ${stage?.label ?? 'experienced'} level`}.`,
      salary: salaryText(band),
    },
    lines: [band?.line ?? stage?.line],
  };
}

/** 4. Experience: the first job, or where the person stands now. */
export function experienceDraft(inputs: PlanInputs): DraftStep {
  return inputs.years < 2 ? firstJobDraft(inputs) : whereNowDraft(inputs);
}

/** 6. Career stages still ahead that no goal step covered (leadership only for a management goal). */
export function stageDrafts(inputs: PlanInputs, goalDrafts: readonly DraftStep[]): DraftStep[] {
  const { facts, years, profile } = inputs;
  const used = new Set(goalDrafts.flatMap((d) => d.lines));
  const wantsLead = profile.goals.includes('management');
  const drafts: DraftStep[] = [];
  for (const stage of facts.stages.slice(1)) {
    if (used.has(stage.line)) continue;
    if (stage.years.max !== undefined && stage.years.max <= years) continue;
    const isLeadership = /manag|leader|director/i.test(`${stage.label} ${stage.roles}`) && stage === facts.stages.at(-1);
    if (isLeadership && !wantsLead) continue;
    if (stage !== facts.stages[1] && !isLeadership && years < stage.years.min && (profile.goals.length > 0 || inputs.areas.length > 0) && !wantsLead) continue;
    const band = bandForStage(facts, stage);
    const now = years >= stage.years.min;
    drafts.push({
      at: Math.max(stage.years.min, years),
      step: {
        title: `${now ? 'Move up now' : 'Move up'}: ${stage.roles}`,
        detail: `${describeStage(stage)}${now ? ` With ${years} years you already have the experience the guide gives for this stage.` : ''}`,
        duration: stage.experience,
        salary: salaryText(band),
      },
      lines: [stage.line, band?.line],
    });
  }
  return drafts;
}

/** 7. Keeping the credential active, when the guide says how. */
export function keepActiveDraft({ facts, held }: PlanInputs): DraftStep | undefined {
  if (!facts.continuingEducation) return undefined;
  const names = held.length ? held.map((r) => r.card.acronym).join(' and ') : 'your certification';
  const { line, about } = facts.continuingEducation;
  const text = line.text;
  // A renewal rule the guide gives for one credential only is said to be that credential's.
  const detail = about && !held.some((r) => r.card.acronym === about) ? `For the ${about}: ${sentence(text)}` : sentence(text);
  return {
    at: Number.POSITIVE_INFINITY,
    step: { title: `Keep ${names} active`, detail, duration: /annually|each year|every year|per year/i.exec(text)?.[0] },
    lines: [line],
  };
}
