import { beforeAll, describe, expect, it } from 'vitest';
import { createCommandHandler, renderText, type CommandHandler } from '../../src/commands/index.js';
import type { CareerAdvisor } from '../../src/core/index.js';
import { openTestAdvisor } from '../helpers/test-advisor.js';

let advisor: CareerAdvisor;
let handler: CommandHandler;
let conversation = 0;

beforeAll(async () => {
  advisor = await openTestAdvisor();
  handler = createCommandHandler(advisor, { quizSeed: 'sessions' });
});

/** A fresh conversation for each test, so plans do not leak between them. */
function chat() {
  const conversationId = `s${++conversation}`;
  return (text: string) => handler.handle({ text, conversationId, userId: 'u1', platform: 'cli' });
}

describe('a plan waiting for an answer', () => {
  it('answers a question asked meanwhile, asks its question again, and takes the next statement as the answer', async () => {
    const send = chat();
    expect((await send('plan')).kind).toBe('plan-question');
    const interrupted = await send('what does a CPC exam cost?');
    expect(interrupted.kind).toBe('answer');
    expect(interrupted.resume).toMatch(/^Back to your career plan: What education do you have/);
    expect(renderText(interrupted)).toMatch(/\n\nBack to your career plan: /);
    const answered = await send('I finished high school');
    expect(answered).toMatchObject({ kind: 'plan-question', step: 2 });
  });

  it('shows a comparison asked in plain words without a question mark, then resumes', async () => {
    const send = chat();
    await send('plan');
    const compared = await send('CPC vs CCS');
    expect(compared.kind).toBe('cert-compare');
    expect(compared.resume).toMatch(/^Back to your career plan/);
  });

  it('runs another command and resumes, but “plan cancel” just cancels', async () => {
    const send = chat();
    await send('plan');
    expect((await send('topics')).resume).toMatch(/^Back to your career plan/);
    const cancelled = await send('plan cancel');
    expect(cancelled.resume).toBeUndefined();
    expect((await send('how do I start?')).resume).toBeUndefined();
  });

  it('takes short statements, even a bare credential, as answers', async () => {
    const send = chat();
    await send('plan');
    await send('a medical coding program');
    const next = await send('CPC');
    expect(next.kind === 'plan-question' || next.kind === 'plan').toBe(true);
    expect(next.resume).toBeUndefined();
  });
});

describe('plain language without a session', () => {
  it('“quiz me on salaries” starts a quiz on that topic', async () => {
    const result = await chat()('quiz me on salaries');
    expect(result.kind).toBe('quiz-question');
    expect(renderText(result)).toMatch(/^Quiz on “salaries”/);
  });

  it('a refusal carries two or three suggestions from the closest sections', async () => {
    const result = await chat()("what's the weather in Paris tomorrow?");
    if (result.kind !== 'answer') throw new Error(result.kind);
    expect(result.answer.abstained).toBe(true);
    expect(result.answer.suggestions!.length).toBeGreaterThanOrEqual(2);
    expect(result.answer.suggestions!.length).toBeLessThanOrEqual(3);
    // Each is a heading's own question or a command that opens the section.
    for (const s of result.answer.suggestions!) expect(s).toMatch(/^topics \S|\?$/);
    expect(renderText(result)).toContain('You could try:');
  });
});

describe('follow-ups that add', () => {
  it('a follow-up whose best lines were already shown gets new lines or says the guide has no more', async () => {
    const send = chat();
    const first = await send('What are the salary ranges by experience level?');
    if (first.kind !== 'answer') throw new Error(first.kind);
    const shown = new Set(first.answer.citations.flatMap((c) => c.quote.split('\n')));
    const next = await send('and then?');
    if (next.kind !== 'answer') throw new Error(next.kind);
    const quoted = next.answer.citations.flatMap((c) => c.quote.split('\n'));
    if (quoted.length === 0) expect(next.answer.answer).toMatch(/nothing more|doesn't/);
    else expect(quoted.every((line) => shown.has(line))).toBe(false);
  });
});
