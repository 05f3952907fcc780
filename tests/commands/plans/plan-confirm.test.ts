import { beforeAll, describe, expect, it } from 'vitest';
import { createCommandHandler, type CommandHandler, type CommandResult } from '../../../src/commands/index.js';
import { isConfirmation, isDecline } from '../../../src/text/index.js';
import { openTestAdvisor } from '../../helpers/test-advisor.js';

type Question = Extract<CommandResult, { kind: 'plan-question' }>;

let handler: CommandHandler;
let conversation = 0;

beforeAll(async () => {
  handler = createCommandHandler(await openTestAdvisor());
});

/** A fresh conversation: `say` sends one message in it. */
function chat(): (text: string) => Promise<CommandResult> {
  const conversationId = `confirm-${++conversation}`;
  return (text) => handler.handle({ text, conversationId, userId: 'u1', platform: 'cli' });
}

const ONE_LINE = 'plan I have a high school diploma, no experience and no certification, 10 hours a week, want remote work';

describe('the check before a plan is built', () => {
  it('a complete one-line start shows what was understood instead of building at once', async () => {
    const say = chat();
    const check = (await say(ONE_LINE)) as Question;
    expect(check).toMatchObject({ kind: 'plan-question', confirm: true });
    expect(check.question).toMatch(/Here is what I understood: education: high school diploma or GED; experience: no coding experience yet; certification: none yet; time: 10 hours a week; goal: remote work\./);
    expect(check.question).toMatch(/Reply \*\*yes\*\* to build the plan, or correct any part/);
    const plan = await say('yes');
    expect(plan.kind).toBe('plan');
    if (plan.kind === 'plan') {
      expect(plan.summary).toContain('10 hours a week');
      expect(plan.steps.some((s) => /remote/i.test(s.title))).toBe(true);
    }
  });

  it('a labelled correction replaces that part and shows the summary again; then "build it" builds', async () => {
    const say = chat();
    await say(ONE_LINE);
    const corrected = (await say('goal: management')) as Question;
    expect(corrected).toMatchObject({ kind: 'plan-question', confirm: true });
    expect(corrected.question).toMatch(/^Updated\. Here is what I understood: .*goal: management\./);
    expect(corrected.question).not.toMatch(/goal: [^.]*remote/);
    const education = (await say('education: associate’s degree in health information technology')) as Question;
    expect(education.question).toMatch(/education: associate’s degree;/);
    const plan = await say('ok, build it');
    expect(plan.kind).toBe('plan');
    if (plan.kind === 'plan') expect(plan.steps.some((s) => /Lead a .*department/.test(s.title))).toBe(true);
  });

  it('an unlabelled correction changes only what it speaks of, even to a lower level', async () => {
    const say = chat();
    await say('plan bachelor’s degree, 3 years of coding experience, I want inpatient work');
    const corrected = (await say('actually it is a high school diploma')) as Question;
    expect(corrected.question).toMatch(/education: high school diploma or GED; experience: 3 years of coding experience/);
  });

  it('"no" asks what to change; an unreadable reply says so; neither builds', async () => {
    const say = chat();
    await say(ONE_LINE);
    expect(((await say('no')) as Question).question).toMatch(/^What should I change\? Here is what I understood/);
    expect(((await say('hmm')) as Question).question).toMatch(/^I couldn’t read a change from that\. Here is what I understood/);
    expect((await say('👍')).kind).toBe('plan');
  });

  it('the questions one at a time end with the same check', async () => {
    const say = chat();
    await say('plan');
    await say('I finished high school');
    await say('I’m a cashier, no experience');
    const check = (await say('not sure')) as Question;
    expect(check).toMatchObject({ kind: 'plan-question', confirm: true });
    expect(check.question).toMatch(/Here is what I understood: education: high school diploma or GED; experience: no coding experience yet, working as cashier; certification: none yet; goal: not decided yet/);
    expect((await say('yes')).kind).toBe('plan');
  });

  it('a question asked at the check is answered, and the check is shown again', async () => {
    const say = chat();
    await say(ONE_LINE);
    const answer = await say('what does a CPC exam cost?');
    expect(answer.kind).toBe('answer');
    expect(answer.resume).toMatch(/^Back to your career plan: Here is what I understood/);
    expect((await say('yes')).kind).toBe('plan');
  });
});

describe('confirmation words', () => {
  it('confirms only replies made of "go ahead" words', () => {
    for (const yes of ['yes', 'Yes!', 'ok', 'okay, build it', 'build the plan please', 'looks good 👍', 'that’s right', 'y', '✅']) expect(isConfirmation(yes), yes).toBe(true);
    for (const other of ['yes but my goal is remote work', 'goal: remote', 'the plan', 'no', 'not right', '', 'is it hard?']) expect(isConfirmation(other), other).toBe(false);
  });

  it('declines only bare "no"s', () => {
    for (const no of ['no', 'Nope.', 'not quite', 'that’s wrong']) expect(isDecline(no), no).toBe(true);
    for (const other of ['no, I have an associate degree', 'yes', 'not sure what I want']) expect(isDecline(other), other).toBe(false);
  });
});
