import { beforeAll, describe, expect, it } from 'vitest';
import { createCommandHandler, emptyProfile, mergeProfile, parseProfileText, profileVocabulary, renderText, type CommandHandler, type CommandResult, type ProfileVocabulary } from '../../../src/commands/index.js';
import type { CareerAdvisor } from '../../../src/core/index.js';
import { openTestAdvisor } from '../../helpers/test-advisor.js';
import { expectCitationInGuide } from '../guide-text.js';

type Plan = Extract<CommandResult, { kind: 'plan' }>;

let advisor: CareerAdvisor;
let handler: CommandHandler;
let conversation = 0;
// The parser's words come from the guide (its credentials, specializations and field words).
let vocabulary: ProfileVocabulary;

beforeAll(async () => {
  advisor = await openTestAdvisor();
  handler = createCommandHandler(advisor);
  vocabulary = profileVocabulary(advisor.index);
});

/** Runs a conversation (first message, then answers) in a fresh conversation; returns every reply. */
async function converse(messages: string[], userId = 'u1'): Promise<CommandResult[]> {
  const conversationId = `plan-${++conversation}`;
  const replies: CommandResult[] = [];
  for (const text of messages) replies.push(await handler.handle({ text, conversationId, userId, platform: 'cli' }));
  return replies;
}

/** Runs the conversation, checks it ends with the check of what was understood, confirms it and returns the plan. */
async function planFor(messages: string[]): Promise<Plan> {
  const replies = await converse([...messages, 'yes']);
  expect(replies.at(-2), 'the plan is shown for a check before it is built').toMatchObject({ kind: 'plan-question', confirm: true });
  const last = replies.at(-1)!;
  expect(last.kind, `the conversation ends with a plan: ${JSON.stringify(last).slice(0, 200)}`).toBe('plan');
  return last as Plan;
}

/** Every step cites at least one guide line; every citation is verbatim guide text in the named section. */
function expectFullyCited(plan: Plan): void {
  expect(plan.steps.length).toBeGreaterThanOrEqual(3);
  const numbers = new Set(plan.citations.map((c) => c.n));
  for (const step of plan.steps) {
    expect(step.cites.length, `step “${step.title}” is cited`).toBeGreaterThan(0);
    for (const n of step.cites) expect(numbers.has(n), `[${n}] of “${step.title}” exists`).toBe(true);
    const quoted = step.cites.map((n) => plan.citations.find((c) => c.n === n)!.quote).join('\n');
    if (step.salary && !/remote/i.test(step.salary)) expect(quoted, `salary of “${step.title}” comes from a cited line`).toContain(step.salary.replace(/^.*?: /, '').replace(/ annually$/, ''));
    if (step.duration && step.duration !== 'annually') expect(quoted.toLowerCase()).toContain(step.duration.toLowerCase().replace(/ months$/, ' month'));
  }
  for (const c of plan.citations) expectCitationInGuide(c);
}

const titles = (plan: Plan) => plan.steps.map((s) => s.title).join(' | ');

describe('guided conversation', () => {
  it('asks at most three questions, numbered, then the check, then returns a cited plan', async () => {
    const replies = await converse(['plan', 'I finished high school', 'none, I work in retail', 'not sure', 'yes']);
    expect(replies.slice(0, 3).map((r) => r.kind)).toEqual(['plan-question', 'plan-question', 'plan-question']);
    expect(replies.slice(0, 3).map((r) => (r.kind === 'plan-question' ? [r.step, r.totalSteps] : []))).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    const [q1, q2, q3] = replies as Array<Extract<CommandResult, { kind: 'plan-question' }>>;
    expect(q1!.question).toMatch(/education/i);
    expect(q2!.question).toMatch(/experience/i);
    expect(q3!.question).toMatch(/aiming|goal/i);
    expect(replies[3]).toMatchObject({ kind: 'plan-question', confirm: true });
    const plan = replies[4] as Plan;
    expect(plan.kind).toBe('plan');
    expectFullyCited(plan);
  });

  it('a one-line start only asks what is missing', async () => {
    const replies = await converse(['plan I’m a medical assistant with 2 years in a clinic, I want to work remotely', 'high school diploma', 'yes']);
    expect(replies[0]).toMatchObject({ kind: 'plan-question', step: 1, totalSteps: 1 });
    expect((replies[0] as { question: string }).question).toMatch(/education/i);
    expect(replies[1]).toMatchObject({ kind: 'plan-question', confirm: true });
    const plan = replies[2] as Plan;
    expect(plan.kind).toBe('plan');
    expect(plan.summary).toContain('medical assistant');
    expect(plan.summary).toContain('no coding experience yet');
    expect(titles(plan)).toMatch(/remote/i);
    expect(plan.steps.find((s) => /remote/i.test(s.title))!.detail).toContain('Work-from-home');
    expectFullyCited(plan);
  });

  it('keeps plan state per conversation and user', async () => {
    const conversationId = 'shared-channel';
    const send = (text: string, userId: string) => handler.handle({ text, conversationId, userId, platform: 'slack' });
    expect((await send('plan', 'ann')).kind).toBe('plan-question');
    // Another person in the same conversation is not inside Ann's plan.
    expect((await send('how much do entry-level coders make?', 'bob')).kind).toBe('answer');
    expect(await send('high school', 'ann')).toMatchObject({ kind: 'plan-question', step: 2 });
    expect(await send('plan cancel', 'ann')).toMatchObject({ kind: 'help', text: expect.stringContaining('cancelled') });
    // After cancelling, Ann's messages are questions again.
    expect((await send('what is a CPC?', 'ann')).kind).toBe('answer');
  });

  it('never asks the same question twice, even when the answer is unreadable', async () => {
    const replies = await converse(['plan', 'hmm', 'hmm', 'hmm', 'yes']);
    expect(replies.map((r) => r.kind)).toEqual(['plan-question', 'plan-question', 'plan-question', 'plan-question', 'plan']);
    expect(replies.slice(0, 3).every((r) => r.kind === 'plan-question' && !r.confirm)).toBe(true);
    expectFullyCited(replies[4] as Plan);
  });
});

describe('plans differ by profile', () => {
  it('high-school graduate: training, first certification, entry-level job and salary', async () => {
    const plan = await planFor(['plan high school graduate, no experience, not sure what I want']);
    expectFullyCited(plan);
    const training = plan.steps.find((s) => /program/i.test(s.title))!;
    expect(training.duration).toBe('4-6 months');
    const cert = plan.steps.find((s) => /certification/i.test(s.title))!;
    expect(cert.title).toMatch(/CPC/);
    expect(cert.title).toMatch(/CCA/);
    expect(cert.duration).toBe('6-12 months');
    expect(plan.steps.some((s) => s.salary === 'Entry-Level (0-2 years): $28,000-$35,000 annually')).toBe(true);
    expect(plan.steps.at(-1)!.detail).toContain('36-48 continuing education credits');
    // Training comes before the certification, which comes before the first job.
    const index = (pattern: RegExp) => plan.steps.findIndex((s) => pattern.test(s.title));
    expect(index(/program/i)).toBeLessThan(index(/certification/i));
  });

  it('CPC holder with 3 years who wants auditing: no training or first certification; CPMA and their salary band', async () => {
    const plan = await planFor(['plan I have my CPC and 3 years of outpatient coding experience, high school diploma, I want to move into auditing']);
    expectFullyCited(plan);
    expect(titles(plan)).not.toMatch(/program|first certification/i);
    expect(plan.steps[0]!.title).toMatch(/Where you are now: Intermediate/);
    expect(plan.steps[0]!.salary).toBe('Intermediate (2-5 years): $35,000-$45,000 annually');
    const audit = plan.steps.find((s) => /audit/i.test(s.title))!;
    expect(audit.title).toContain('CPMA');
    expect(audit.salary).toBe('Experienced (5+ years): $45,000-$60,000+ annually');
    expect(plan.steps.at(-1)!.title).toBe('Keep CPC active');
  });

  it('bachelor’s degree in biology aiming for inpatient coding: training still first, then CCS or CIC', async () => {
    const plan = await planFor(['plan bachelor in biology, no experience, I want inpatient hospital coding']);
    expectFullyCited(plan);
    expect(plan.steps[0]!.title).toMatch(/program/i);
    const inpatient = plan.steps.find((s) => /inpatient/i.test(s.title))!;
    expect(inpatient.title).toMatch(/CCS/);
    expect(inpatient.title).toMatch(/CIC/);
    expect(inpatient.salary).toBe('Specialist/Lead Positions: $50,000-$65,000+ annually');
  });

  it('associate’s degree in health information technology counts as training', async () => {
    const plan = await planFor(['plan associate degree in health information technology, no coding experience, I want outpatient work']);
    expectFullyCited(plan);
    expect(titles(plan)).not.toMatch(/program/i);
    expect(plan.steps[0]!.title).toMatch(/first certification: CPC/);
    expect(plan.steps[0]!.detail).toContain('For outpatient coding, CPC fits best');
  });

  it('experienced coder aiming for management gets the leadership stage, its salary and the degree advice', async () => {
    const plan = await planFor(['plan I am a CCS with 6 years as an inpatient coder and a high school diploma, I want to become a coding manager']);
    expectFullyCited(plan);
    expect(plan.steps[0]!.salary).toBe('Experienced (5+ years): $45,000-$60,000+ annually');
    const lead = plan.steps.find((s) => /Lead a coding department/.test(s.title))!;
    expect(lead.salary).toBe('Management/Director Roles: $60,000-$80,000+ annually');
    expect(lead.duration).toBe('8+ years experience');
    expect(lead.detail).toMatch(/Master’s degrees/);
    expect(plan.steps.at(-1)!.title).toBe('Keep CCS active');
  });

  it('a biller with experience but no credential: certification first, no training, their salary band', async () => {
    const plan = await planFor(['plan 2 years of medical billing, no certification, associate’s degree in medical billing and coding, I want physician office work']);
    expectFullyCited(plan);
    expect(titles(plan)).not.toMatch(/program/i);
    expect(plan.steps[0]!.title).toBe('Earn a certification: CPC or CCA');
    expect(plan.steps[0]!.detail).toMatch(/employers (?:require|prefer)/);
    expect(plan.steps[1]!.salary).toBe('Intermediate (2-5 years): $35,000-$45,000 annually');
    expect(titles(plan)).toMatch(/Work in physician offices and earn CCS-P/);
  });

  it('no high school diploma: the plan starts with it', async () => {
    const plan = await planFor(['plan I didn’t finish high school, no experience, I want to work in cardiology']);
    expectFullyCited(plan);
    expect(plan.steps[0]!.title).toMatch(/high school/i);
    expect(titles(plan)).toMatch(/cardiology/i);
  });

  it('different profiles give different plans', async () => {
    const beginner = await planFor(['plan high school graduate, no experience, not sure']);
    const experienced = await planFor(['plan I have my CPC and 3 years of coding experience, high school diploma, not sure']);
    expect(titles(beginner)).not.toBe(titles(experienced));
    expect(beginner.steps.length).toBeGreaterThan(experienced.steps.length);
    expect(renderText(experienced)).toContain('Sources');
  });
});

describe('profile parsing', () => {
  const parse = (text: string, asked?: 'education' | 'experience' | 'goals') => mergeProfile(emptyProfile(), parseProfileText(text, vocabulary, asked));

  it('reads role, years and goals from one line, keeping the current job apart from the goal', () => {
    const p = parse('I’m a medical assistant with 2 years in a clinic, I want to work remotely');
    expect(p).toMatchObject({ role: 'medical assistant', otherYears: 2, goals: ['remote'] });
    expect(p.fieldYears).toBeUndefined();
    expect(p.answered).toEqual({ education: false, experience: true, goals: true });
  });

  it('tells held credentials from wanted ones', () => {
    const p = parse('I have my CPC and 3 years of coding, I want to get the CCS');
    expect(p.certifications).toEqual(['CPC']);
    expect(p.targetCertifications).toEqual(['CCS']);
    expect(p.fieldYears).toBe(3);
  });

  it('reads education levels and coding training', () => {
    expect(parse('associate’s degree in health information technology')).toMatchObject({ education: 'associate', fieldTraining: true });
    expect(parse('bachelor in biology')).toMatchObject({ education: 'bachelor', fieldTraining: false });
    expect(parse('I am currently enrolled in a coding program')).toMatchObject({ education: 'in-program' });
    expect(parse('GED')).toMatchObject({ education: 'high-school' });
  });

  it('an answer to a question settles that question even when nothing can be read', () => {
    expect(parse('hmm', 'goals').answered.goals).toBe(true);
    expect(parse('hmm', 'education').answered.education).toBe(true);
    expect(parse('not sure', 'goals').goals).toEqual([]);
  });

  it('reads the guide’s focus areas named in the goal, apart from the general directions', () => {
    expect(parse('I want to do cardiology coding')).toMatchObject({ goals: [], focusAreas: ['Cardiology Coding'] });
    expect(parse('I want to work from home in a hospital, maybe auditing later')).toMatchObject({ goals: ['remote'], focusAreas: ['Hospitals', 'Auditing Role'] });
  });
});
