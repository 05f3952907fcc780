import type { Citation } from '../../answer/index.js';
import type { KnowledgeIndex } from '../../index/index.js';
import { certificationRecords, type CertRecord } from '../cards/certifications.js';
import { bandForLabel, bandForYears, guideFacts } from '../guide/guide-facts.js';
import { CitationBook, type GuideLine } from '../guide/guide-lines.js';
import type { PlanProfile } from './plan-profile.js';
import { bandForStage, GOAL_FOCUS, GOAL_WORDS, goalSteps, salaryText, sentence, type DraftStep } from './plan-steps.js';
import type { PlanStep } from '../types.js';

type GuideIndex = Pick<KnowledgeIndex, 'documents' | 'glossary'>;

export interface CareerPlan {
  summary: string;
  steps: PlanStep[];
  citations: Citation[];
}

function describeProfile(profile: PlanProfile, records: CertRecord[]): string {
  const education: Record<string, string> = {
    none: 'no high school diploma yet',
    'high-school': 'high school diploma or GED',
    'in-program': 'in a coding program',
    program: 'coding program finished',
    associate: 'associate’s degree',
    bachelor: 'bachelor’s degree',
    master: 'master’s degree',
  };
  const held = records.filter((r) => profile.certifications.includes(r.card.acronym)).map((r) => r.card.acronym);
  // "a CPC" or "a high school graduate" repeats what the credential and education parts say.
  const repeats = (role: string) => held.some((a) => a.toLowerCase() === role.toLowerCase()) || /high school|\bged\b/i.test(role);
  const role = profile.role && !repeats(profile.role) ? profile.role.replace(/^(?:an?|the)\s+/i, '') : undefined;
  const years = profile.codingYears ?? 0;
  const goals = profile.goals.map((g) => (g === 'specialty' && profile.specialties.length ? profile.specialties.join(' or ').toLowerCase() : GOAL_WORDS[g]));
  const facts = [
    role,
    profile.education ? education[profile.education] : undefined,
    years > 0 ? `${years} year${years === 1 ? '' : 's'} of coding experience` : 'no coding experience yet',
    held.length ? `holding ${held.join(' and ')}` : undefined,
    goals.length ? `aiming for ${goals.join(', ')}` : undefined,
  ].filter(Boolean);
  return `Your plan (${facts.join('; ')})`;
}

/**
 * Assembles a personal roadmap from the guide: training, the certification that fits, first job,
 * the goals' specializations, the career stages still ahead and keeping the credential active.
 * Steps already behind the person (training, a first certification, stages passed) are left out;
 * each step carries the time and salary band the guide gives for it and cites the lines used.
 */
export function buildCareerPlan(index: GuideIndex, profile: PlanProfile): CareerPlan {
  const facts = guideFacts(index);
  const records = certificationRecords(index);
  const years = profile.codingYears ?? 0;
  const held = records.filter((r) => profile.certifications.includes(r.card.acronym));
  const trained = profile.codingEducation || profile.education === 'program' || held.length > 0 || years >= 1;
  const step = (n: number) => facts.steps.find((s) => s.n === n);
  const stepNamed = (pattern: RegExp) => facts.steps.find((s) => pattern.test(s.title));
  const drafts: DraftStep[] = [];
  const recommended = new Set<string>(held.map((r) => r.card.acronym));

  // 1. Education the field requires.
  if (profile.education === 'none') {
    const s = step(1) ?? stepNamed(/high school/i);
    drafts.push({
      at: 0,
      step: { title: s?.title ?? 'Complete your high school education', detail: [s?.body[0]?.text, facts.highSchool?.text].filter(Boolean).map((t) => sentence(t!)).join(' ') },
      lines: [s?.body[0], facts.highSchool],
    });
  }

  // 2. Training.
  if (!trained) {
    const enroll = stepNamed(/program|enrol/i);
    const inProgram = profile.education === 'in-program';
    // The roadmap's first and last sentences say what to choose; the middle lists where.
    const advice = inProgram || !enroll ? [] : [...new Set([enroll.body[0], enroll.body.at(-1)])].filter((l): l is GuideLine => !!l);
    drafts.push({
      at: 0,
      step: {
        title: inProgram ? 'Finish your medical coding program' : (enroll?.title ?? 'Complete a medical coding program'),
        detail: [facts.trainingProgram?.line.text, ...advice.map((l) => l.text)]
          .filter(Boolean)
          .map((t) => sentence(t!))
          .join(' '),
        duration: facts.trainingProgram?.value,
      },
      lines: [facts.trainingProgram?.line, ...advice],
    });
  }

  // 3. A first certification, chosen by how well its focus fits the goals.
  if (held.length === 0) {
    const focusWanted = profile.goals.map((g) => GOAL_FOCUS[g]).filter(Boolean) as string[];
    const targets = records.filter((r) => profile.targetCertifications.includes(r.card.acronym));
    const entry = records.filter((r) => r.level === 'entry level');
    const options = targets.length ? targets : entry.length ? entry : records.slice(0, 2);
    const fit = (r: CertRecord) => r.card.focus.filter((f) => focusWanted.includes(f)).length;
    const ranked = [...options].sort((a, b) => fit(b) - fit(a));
    const best = ranked[0] && fit(ranked[0]) > 0 && (ranked[1] === undefined || fit(ranked[0]) > fit(ranked[1])) ? ranked[0] : undefined;
    const certStep = stepNamed(/certif/i);
    const optionsLine = certStep?.body.find((l) => ranked.some((r) => l.text.includes(r.card.acronym)));
    ranked.forEach((r) => recommended.add(r.card.acronym));
    const detail = [
      `Options: ${ranked.map((r) => `${r.card.acronym} (${r.card.name}) — ${r.card.summary}`).join('; ')}.`,
      best ? `For ${focusWanted.join(' and ')} work, ${best.card.acronym} fits best: its focus includes ${best.card.focus.filter((f) => focusWanted.includes(f)).join(', ')}.` : '',
      // Someone already working without a credential hears why it matters.
      years >= 1 && facts.certificationExpected ? sentence(facts.certificationExpected.text) : '',
      facts.examPreparation ? sentence(facts.examPreparation.text) : '',
    ].filter(Boolean);
    drafts.push({
      at: 0,
      step: {
        title: `Earn ${years >= 1 ? 'a' : 'your first'} certification: ${ranked.map((r) => r.card.acronym).join(' or ')}`,
        detail: detail.join(' '),
        duration: facts.certificationTime?.value,
      },
      lines: [...ranked.map((r) => r.line), optionsLine, facts.certificationTime?.line, years >= 1 ? facts.certificationExpected : undefined, facts.examPreparation],
    });
  }

  // 4. Experience: the first job, or where the person stands now.
  const entryStage = facts.stages[0];
  if (years < 2) {
    const build = stepNamed(/experience|practical/i);
    const remoteNote = profile.goals.includes('remote') ? facts.remoteExperience : undefined;
    drafts.push({
      at: 0.5,
      step: {
        title: years >= 1 ? 'Keep building hands-on coding experience' : (build?.title ?? 'Get an entry-level coding job'),
        detail: [entryStage ? `${entryStage.label}: ${entryStage.roles}.` : '', ...(build?.body ?? []).map((l) => sentence(l.text)), remoteNote ? `For remote work later: ${remoteNote.text}` : '']
          .filter(Boolean)
          .join(' '),
        duration: entryStage?.experience,
        salary: salaryText(bandForYears(facts, years)),
      },
      lines: [entryStage?.line, ...(build?.body ?? []), bandForYears(facts, years)?.line, remoteNote],
    });
  } else {
    const band = bandForYears(facts, years);
    const stage = [...facts.stages].reverse().find((s) => years >= s.years.min);
    drafts.push({
      at: years,
      step: {
        title: `Where you are now: ${band?.term ?? stage?.label ?? `${years} years in`}`,
        detail: `With ${years} years of coding experience${held.length ? ` and ${held.map((r) => r.card.acronym).join(' and ')}` : ''}, the guide's compensation bands put you at ${band ? `${band.term}: ${band.definition}` : `the ${stage?.label ?? 'experienced'} level`}.`,
        salary: salaryText(band),
      },
      lines: [band?.line ?? stage?.line],
    });
  }

  // 5. Goals.
  const specializeStep = stepNamed(/speciali/i);
  const specializeAt = Math.max(years, 2);
  const leadBand = bandForLabel(facts, /speciali|lead/i);
  const goalDrafts = goalSteps(profile, facts, records, recommended, { specializeAt, leadBand, specializeStep: specializeStep?.body ?? [], years });
  drafts.push(...goalDrafts);

  // 6. Career stages still ahead (auditing/management goals use their own stage step).
  const usedStages = new Set(goalDrafts.flatMap((d) => d.lines).filter((l): l is GuideLine => !!l));
  for (const stage of facts.stages.slice(1)) {
    if (usedStages.has(stage.line)) continue;
    if ((stage.years.max ?? stage.years.min) <= years && stage.years.max !== undefined) continue;
    const isLeadership = /manag|leader|director/i.test(stage.label) && stage === facts.stages.at(-1);
    if (isLeadership && !profile.goals.includes('management')) continue;
    if (stage !== facts.stages[1] && !isLeadership && years < stage.years.min && profile.goals.length > 0 && !profile.goals.includes('management')) continue;
    const band = bandForStage(facts, stage);
    const now = years >= stage.years.min;
    drafts.push({
      at: Math.max(stage.years.min, years),
      step: {
        title: `${now ? 'Move up now' : 'Move up'}: ${stage.roles}`,
        detail: `${stage.label}: ${stage.roles} → ${stage.experience}.${now ? ` With ${years} years you already have the experience the guide gives for this stage.` : ''}`,
        duration: stage.experience,
        salary: salaryText(band),
      },
      lines: [stage.line, band?.line],
    });
  }

  // 7. Keeping the credential active.
  if (facts.continuingEducation) {
    const names = held.length ? held.map((r) => r.card.acronym).join(' and ') : 'your certification';
    drafts.push({
      at: Number.POSITIVE_INFINITY,
      step: {
        title: `Keep ${names} active`,
        detail: sentence(facts.continuingEducation.line.text),
        duration: /annually|each year|every year|per year/i.exec(facts.continuingEducation.line.text)?.[0],
      },
      lines: [facts.continuingEducation.line],
    });
  }

  const book = new CitationBook();
  const steps: PlanStep[] = [];
  for (const draft of drafts.map((d, i) => ({ d, i })).sort((a, b) => a.d.at - b.d.at || a.i - b.i)) {
    const cites = book.citeAll(draft.d.lines).sort((a, b) => a - b);
    if (cites.length === 0 || !draft.d.step.detail) continue;
    steps.push({ ...stripEmpty(draft.d.step), cites });
  }
  return {
    summary: `${describeProfile(profile, records)}: ${steps.length} steps from the guide, with the time and salary it gives for each. Numbers in brackets cite the guide.`,
    steps,
    citations: book.citations,
  };
}

function stripEmpty(step: Omit<PlanStep, 'cites'>): Omit<PlanStep, 'cites'> {
  const out: Omit<PlanStep, 'cites'> = { title: step.title, detail: step.detail };
  if (step.duration) out.duration = step.duration;
  if (step.salary) out.salary = step.salary;
  return out;
}
