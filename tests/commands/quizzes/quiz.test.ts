import { beforeAll, describe, expect, it } from 'vitest';
import { allQuizQuestions, createCommandHandler, generateQuizQuestions, renderText, type CommandHandler, type CommandResult, type QuizQuestion } from '../../../src/commands/index.js';
import type { CareerAdvisor } from '../../../src/core/index.js';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openTestAdvisor, testConfig } from '../../helpers/test-advisor.js';
import { PHARMACY_GUIDE } from '../../helpers/two-guides.js';
import { answerForms, givesAway, placeWithoutSpoilers, spoiledBy } from '../../../src/commands/quizzes/quiz-spoilers.js';
import type { KnowledgeIndex } from '../../../src/index/index.js';
import { expectCitationInGuide, GUIDE } from '../guide-text.js';
import { tempDir } from '../../helpers/temp-dir.js';

let advisor: CareerAdvisor;
let handler: CommandHandler;
/** The pharmacy technician guide alone: the spoiler check must hold on a guide it was not written for. */
let pharmacyIndex: KnowledgeIndex;
const LETTERS = ['A', 'B', 'C', 'D', 'E'];

beforeAll(async () => {
  advisor = await openTestAdvisor();
  handler = createCommandHandler(advisor, { quizSeed: 'test' });
  const dir = tempDir('career-advisor-quiz-pharmacy-');
  copyFileSync(fileURLToPath(new URL(`../../fixtures/guides/${PHARMACY_GUIDE}`, import.meta.url)), join(dir, PHARMACY_GUIDE));
  pharmacyIndex = (await openTestAdvisor({ config: testConfig({ KNOWLEDGE_DIR: dir }) })).index;
});

/** The proof of a question, checked against the raw guide: the right option is in the cited line, no wrong one is. */
function expectValid(q: QuizQuestion): void {
  expectCitationInGuide(q.citation);
  expect(q.options.length).toBeGreaterThanOrEqual(3);
  expect(q.options.length).toBeLessThanOrEqual(4);
  expect(new Set(q.options).size).toBe(q.options.length);
  const correct = q.options[LETTERS.indexOf(q.answer)]!;
  expect(correct).toBe(q.answerText);
  const quote = q.citation.quote.toLowerCase();
  expect(quote, `“${q.question}”: the answer “${correct}” is in the cited line`).toContain(correct.toLowerCase());
  for (const wrong of q.options.filter((o) => o !== correct)) expect(quote, `“${q.question}”: distractor “${wrong}” is not in the cited line`).not.toContain(wrong.toLowerCase());
  expect(q.explanation.length).toBeGreaterThan(5);
}

describe('question generation', () => {
  it('the guide yields at least 40 distinct questions, each proven by a cited guide line', () => {
    const questions = allQuizQuestions(advisor.index);
    const distinct = new Set(questions.map((q) => `${q.question}\u0000${q.answerText}`));
    expect(distinct.size).toBeGreaterThanOrEqual(40);
    for (const q of questions) expectValid(q);
    // Every kind of question is represented.
    expect(new Set(questions.map((q) => q.kind))).toEqual(new Set(['organization', 'acronym', 'credential', 'focus', 'salary', 'salary-stage', 'stage-years', 'stage-roles', 'step', 'figure', 'list']));
  });

  it('facts questions match the guide text', () => {
    const questions = allQuizQuestions(advisor.index);
    const find = (pattern: RegExp) => questions.find((q) => pattern.test(q.question));
    expect(find(/Which organisation offers the CPC/)!.answerText).toBe('AAPC');
    expect(find(/Which organisation offers the CBCS/)!.answerText).toBe('National Healthcare Association');
    expect(find(/What does CPMA stand for/)!.answerText).toBe('Certified Professional Medical Auditor');
    expect(GUIDE).toContain('Certified Professional Medical Auditor (CPMA)');
    expect(find(/salary does the guide give for Entry-Level/)!.answerText).toBe('$28,000-$35,000');
    expect(find(/When do ICD-10 code changes/)!.answerText).toBe('October 1st');
    expect(find(/When do CPT code changes/)!.answerText).toBe('January 1st');
    expect(find(/continuing education credits/)!.answerText).toBe('36-48');
    expect(find(/grow through/)!.answerText).toBe('8-10%');
    // The ICD-10 question cannot offer January 1st: the cited line gives it for CPT.
    expect(find(/When do ICD-10 code changes/)!.options).not.toContain('January 1st');
    const inpatient = questions.filter((q) => q.kind === 'focus' && /inpatient/.test(q.question));
    expect(inpatient.map((q) => q.answerText).sort()).toEqual(['CCS', 'CIC']);
    // Both inpatient credentials are right, so neither is offered as a wrong option for the other.
    for (const q of inpatient) expect(q.options.filter((o) => o === 'CCS' || o === 'CIC')).toHaveLength(1);
  });

  it('is deterministic for a seed and varies without one', () => {
    const a = generateQuizQuestions(advisor.index, { count: 8, seed: 42 });
    const b = generateQuizQuestions(advisor.index, { count: 8, seed: 42 });
    const c = generateQuizQuestions(advisor.index, { count: 8, seed: 43 });
    expect(a).toEqual(b);
    expect(a).toHaveLength(8);
    expect(a.map((q) => q.id)).not.toEqual(c.map((q) => q.id));
    const unseeded = new Set(Array.from({ length: 5 }, () => generateQuizQuestions(advisor.index, { count: 5 }).map((q) => q.id).join()));
    expect(unseeded.size).toBeGreaterThan(1);
    for (const q of a) expectValid(q);
  });

  it('mixes kinds of questions in a short quiz', () => {
    const quiz = generateQuizQuestions(advisor.index, { count: 6, seed: 1 });
    expect(new Set(quiz.map((q) => q.kind)).size).toBeGreaterThanOrEqual(5);
  });

  it('filters by topic', () => {
    const salary = generateQuizQuestions(advisor.index, { count: 10, seed: 2, topic: 'salary' });
    expect(salary.length).toBe(10);
    for (const q of salary) expect(`${q.citation.section} ${q.question}`).toMatch(/salary|compensation|\$/i);
    const certs = generateQuizQuestions(advisor.index, { count: 10, seed: 3, topic: 'certifications' });
    for (const q of certs) expect(`${q.citation.section} ${q.question}`).toMatch(/certif|credential|stand for|organisation/i);
    expect(generateQuizQuestions(advisor.index, { count: 5, topic: 'basket weaving' })).toEqual([]);
  });
});

describe('no question gives a later one away', () => {
  it('recognises an answer inside revealed text, whole or either half of "ACRONYM (Full Name)"', () => {
    expect(givesAway('CPMA: Advanced AAPC credential for auditing.', 'AAPC (American Academy of Professional Coders)')).toBe(true);
    expect(givesAway('Offered by the American Academy of Professional Coders.', 'AAPC (American Academy of Professional Coders)')).toBe(true);
    expect(givesAway('Most coders hold CPCs.', 'CPC')).toBe(false);
    expect(givesAway('Pays $28,000-$35,000 a year', '$28,000-$35,000')).toBe(true);
    expect(answerForms('Certified Coding Specialist (CCS)')).toEqual(['certified coding specialist (ccs)', 'certified coding specialist', 'ccs']);
  });

  it('places a question before the one that would give it away, and leaves out one that fits nowhere', () => {
    const q = (answerText: string, explanation: string) => ({ answerText, explanation, citation: { quote: '' } });
    const reveals = q('CPMA', 'CPMA: an advanced AAPC credential.');
    const asksOrg = q('AAPC', 'Offered by AAPC.');
    expect(placeWithoutSpoilers(asksOrg, [reveals])).toBe(0);
    expect(placeWithoutSpoilers(q('AHIMA', 'x'), [reveals])).toBe(1);
    // Revealing an earlier answer is fine; revealing a later one, and being revealed by an earlier one, is not.
    expect(placeWithoutSpoilers(q('CCS', 'Unlike AAPC, …'), [q('AAPC', 'Not CCS.')])).toBeUndefined();
  });

  it('in every generated quiz, no explanation or cited line contains the answer of a later question', () => {
    let checked = 0;
    for (const guide of [advisor.index, pharmacyIndex]) {
      for (let seed = 0; seed < 150; seed++) {
        for (const topic of [undefined, 'certifications', 'salary']) {
          const quiz = generateQuizQuestions(guide, { count: 10, seed, topic });
          quiz.forEach((later, i) => {
            for (const earlier of quiz.slice(0, i)) {
              expect(givesAway(`${earlier.explanation}\n${earlier.citation.quote}`, later.answerText), `“${earlier.question}” gives away “${later.question}”`).toBe(false);
            }
          });
          checked += quiz.length;
        }
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });

  it('the check is not idle: without it, seeded quizzes would give answers away', () => {
    const all = allQuizQuestions(advisor.index);
    const spoiling = all.filter((q) => all.some((other) => other !== q && givesAway(`${q.explanation}\n${q.citation.quote}`, other.answerText)));
    expect(spoiling.length).toBeGreaterThan(10);
    expect(spoiledBy(all.find((q) => /Which organisation offers the CPMA/.test(q.question))!, all.filter((q) => /CPMA/.test(q.explanation)))).toBe(true);
  });
});

describe('quiz for a group', () => {
  /** The advisor with round settings, and a clock the test moves. */
  function groupHandler(players: number, clock: { now: number }): CommandHandler {
    const config = { ...advisor.config, QUIZ_ROUND_SECONDS: 20, QUIZ_ROUND_PLAYERS: players };
    return createCommandHandler(Object.create(advisor, { config: { value: config } }) as CareerAdvisor, { quizSeed: 'group', now: () => clock.now });
  }
  const request = (text: string, userId: string, conversationId: string, platform: 'discord' | 'slack' | 'cli' = 'discord') => ({ text, conversationId, userId, userName: userId.toUpperCase(), platform });
  const rightLetter = (view: { question: string; options: string[] }) => {
    const q = allQuizQuestions(advisor.index).find((x) => x.question === view.question && view.options.includes(x.answerText))!;
    return LETTERS[view.options.indexOf(q.answerText)]!;
  };
  const wrongLetter = (right: string) => (right === 'A' ? 'B' : 'A');

  it('three players: answers stay private until the third closes the question; the round shows answer, cited line and scores', async () => {
    const clock = { now: 1_000_000 };
    const handler = groupHandler(3, clock);
    const start = await handler.handle(request('quiz 2', 'alice', 'channel-1'));
    if (start.kind !== 'quiz-question') throw new Error(start.kind);
    expect(start.question).toMatchObject({ closesAt: 1_020_000, closesAfter: 3 });
    expect(start.intro).toMatch(/stays open for 20 s or until 3 players have answered/);
    const right = rightLetter(start.question);

    expect(await handler.handle(request(right, 'alice', 'channel-1'))).toMatchObject({ kind: 'quiz-answer', option: right, answered: 1 });
    expect(await handler.handle(request(`quiz answer ${wrongLetter(right)}`, 'bob', 'channel-1'))).toMatchObject({ kind: 'quiz-answer', answered: 2 });
    expect(await handler.handle(request(right, 'bob', 'channel-1'))).toMatchObject({ kind: 'error', code: 'QUIZ_ALREADY_ANSWERED' });
    const closed = await handler.handle(request(right, 'carol', 'channel-1'));
    if (closed.kind !== 'quiz-round') throw new Error(closed.kind);
    expectCitationInGuide(closed.round.citation);
    expect(closed.round.answers.map((a) => [a.userId, a.correct])).toEqual([
      ['alice', true],
      ['bob', false],
      ['carol', true],
    ]);
    expect(closed.next).toMatchObject({ index: 1 });
    expect(renderText(closed)).toMatch(/Question 1: the answer is [A-D]\. /);

    // Question 2: its time runs out (the adapter's timer sends "quiz close"); a second close is refused quietly.
    clock.now += 20_000;
    const timedOut = await handler.handle(request(`quiz close ${closed.next!.quizId} 1`, 'timer', 'channel-1'));
    expect(timedOut).toMatchObject({ kind: 'quiz-round', finished: true, round: { closedBy: 'time', answers: [] } });
    expect(await handler.handle(request(`quiz close ${closed.next!.quizId} 1`, 'timer', 'channel-1'))).toMatchObject({ kind: 'error', code: 'QUIZ_NOT_RUNNING' });
    expect(await handler.handle(request('quiz score', 'bob', 'channel-1'))).toMatchObject({ kind: 'quiz-score', finished: true });
  });

  it('two players clicking at the same instant are both counted, and only one of them closes the question', async () => {
    const handler = groupHandler(2, { now: 5_000 });
    const start = await handler.handle(request('quiz 1', 'alice', 'channel-2'));
    if (start.kind !== 'quiz-question') throw new Error(start.kind);
    const results = await Promise.all([handler.handle(request('quiz answer A', 'alice', 'channel-2')), handler.handle(request('quiz answer B', 'bob', 'channel-2'))]);
    expect(results.map((r) => r.kind).sort()).toEqual(['quiz-answer', 'quiz-round']);
    const closed = results.find((r) => r.kind === 'quiz-round') as Extract<CommandResult, { kind: 'quiz-round' }>;
    expect(closed.round.answers.map((a) => a.userId).sort()).toEqual(['alice', 'bob']);
  });

  it('tells each place how to answer: a button or a mention in channels, a letter in a DM or the terminal', async () => {
    const handler = groupHandler(0, { now: 0 });
    const intro = async (platform: 'discord' | 'slack' | 'cli', solo?: boolean) => {
      const r = await handler.handle({ ...request('quiz 1', 'u', `intro-${platform}-${solo}`, platform), ...(solo ? { solo } : {}) });
      return r.kind === 'quiz-question' ? r.intro! : r.kind;
    };
    const discord = await intro('discord');
    expect(discord).toMatch(/Click a button below, or mention me with the letter; a letter without a mention does not reach me here\./);
    expect(discord).toContain('Everyone here can play');
    expect(await intro('slack')).toMatch(/mention me with the letter in this thread/);
    expect(await intro('slack', true)).toMatch(/Click a button or type the letter\.$/);
    const terminal = await intro('cli');
    expect(terminal).toMatch(/Type A, B, C or D\.$/);
    expect(terminal).not.toContain('Everyone');
  });
});

describe('quiz session', () => {
  const send = (text: string, userId: string, conversationId = 'study-group') => handler.handle({ text, conversationId, userId, userName: userId.toUpperCase(), platform: 'cli' });

  it('a solo player in the terminal moves on after each answer, and the score adds up', async () => {
    const conversationId = 'solo';
    let result = await send('quiz salary 3', 'sam', conversationId);
    expect(result.kind).toBe('quiz-question');
    const questions = allQuizQuestions(advisor.index);
    let correct = 0;
    for (let i = 0; i < 3; i++) {
      const view = result.kind === 'quiz-question' ? result.question : (result as Extract<CommandResult, { kind: 'quiz-round' }>).next!;
      const q = questions.find((x) => x.question === view.question && view.options.includes(x.answerText))!;
      const letter = i === 1 ? (view.options.indexOf(q.answerText) === 0 ? 'B' : 'A') : LETTERS[view.options.indexOf(q.answerText)]!;
      result = await send(letter, 'sam', conversationId);
      expect(result.kind).toBe('quiz-round');
      if (result.kind === 'quiz-round' && result.round.answers[0]!.correct) correct++;
    }
    expect(correct).toBe(2);
    expect(result).toMatchObject({ kind: 'quiz-round', finished: true, scoreboard: [{ userId: 'sam', correct: 2, answered: 3 }] });
    expect(renderText(result)).toContain('Final scores');
    expect(await send('B', 'sam', conversationId)).toMatchObject({ kind: 'error', code: 'QUIZ_NOT_RUNNING' });
  });
  it('gives clear replies to bad input', async () => {
    const c = 'bad-inputs';
    expect(await send('quiz answer B', 'u', c)).toMatchObject({ kind: 'error', code: 'QUIZ_NOT_RUNNING' });
    expect(await send('B', 'u', c)).toMatchObject({ kind: 'error', code: 'QUIZ_NOT_RUNNING' });
    expect(await send('quiz score', 'u', c)).toMatchObject({ kind: 'error', code: 'QUIZ_NOT_RUNNING' });
    expect(await send('quiz stop', 'u', c)).toMatchObject({ kind: 'error', code: 'QUIZ_NOT_RUNNING' });
    expect(await send('quiz 50', 'u', c)).toMatchObject({ kind: 'error', code: 'INPUT_INVALID', message: expect.stringContaining('at most 20') });
    expect(await send('quiz basket weaving', 'u', c)).toMatchObject({ kind: 'error', code: 'NOT_FOUND', message: expect.stringContaining('salary') });
    expect((await send('quiz', 'u', c)).kind).toBe('quiz-question');
    const e = await send('E', 'u', c);
    expect(e).toMatchObject({ kind: 'error', code: 'QUIZ_BAD_OPTION' });
    if (e.kind === 'error') expect(e.message).toContain('A, B, C or D');
    expect(await send('quiz answer 7', 'u', c)).toMatchObject({ kind: 'error', code: 'QUIZ_BAD_OPTION' });
    expect(await send('quiz answer', 'u', c)).toMatchObject({ kind: 'error', code: 'INPUT_INVALID' });
    // Starting again while one runs shows the open question instead.
    const again = await send('/quiz', 'u', c);
    expect(again).toMatchObject({ kind: 'quiz-question', question: { index: 0 } });
    if (again.kind === 'quiz-question') expect(again.intro).toContain('already running');
    // A quiz belongs to its conversation.
    expect(await send('A', 'u', 'elsewhere')).toMatchObject({ kind: 'error', code: 'QUIZ_NOT_RUNNING' });
    const skipped = await send('quiz next', 'u', c);
    expect(skipped).toMatchObject({ kind: 'quiz-round', next: { index: 1 }, round: { index: 0, closedBy: 'skip' } });
    expect(await send('quiz stop', 'u', c)).toMatchObject({ kind: 'quiz-score', finished: true, scoreboard: [] });
  });

  it('is reproducible with the same handler seed', async () => {
    const h1 = createCommandHandler(advisor, { quizSeed: 7 });
    const h2 = createCommandHandler(advisor, { quizSeed: 7 });
    const r = (h: CommandHandler) => h.handle({ text: 'quiz certifications', conversationId: 'same', userId: 'u', platform: 'cli' });
    const [a, b] = [await r(h1), await r(h2)];
    expect(a.kind).toBe('quiz-question');
    expect({ ...a, question: { ...(a as { question: object }).question, quizId: '' } }).toEqual({ ...b, question: { ...(b as { question: object }).question, quizId: '' } });
  });
});
