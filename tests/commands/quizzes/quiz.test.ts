import { beforeAll, describe, expect, it } from 'vitest';
import { allQuizQuestions, createCommandHandler, generateQuizQuestions, renderText, type CommandHandler, type CommandResult, type QuizQuestion } from '../../../src/commands/index.js';
import type { CareerAdvisor } from '../../../src/core/index.js';
import { openTestAdvisor } from '../../helpers/test-advisor.js';
import { expectCitationInGuide, GUIDE } from '../guide-text.js';

let advisor: CareerAdvisor;
let handler: CommandHandler;
const LETTERS = ['A', 'B', 'C', 'D', 'E'];

beforeAll(async () => {
  advisor = await openTestAdvisor();
  handler = createCommandHandler(advisor, { quizSeed: 'test' });
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

describe('quiz session', () => {
  const send = (text: string, userId: string, conversationId = 'study-group') => handler.handle({ text, conversationId, userId, userName: userId.toUpperCase(), platform: 'discord' });
  const wrongLetter = (right: string) => (right === 'A' ? 'B' : 'A');

  it('scores a two-player quiz: first answer per player counts; a question closes on a correct answer or when everyone answered', async () => {
    const start = await send('quiz 3', 'alice');
    expect(start.kind).toBe('quiz-question');
    if (start.kind !== 'quiz-question') return;
    expect(start.question).toMatchObject({ index: 0, total: 3 });
    expect(start.intro).toContain('3 questions');
    // The questions the session uses are the seeded ones; recover them from the views.
    const questions = allQuizQuestions(advisor.index);
    const byText = (view: { question: string; options: string[] }) => questions.filter((q) => q.question === view.question && view.options.includes(q.answerText))[0]!;
    const right = (view: { question: string; options: string[] }) => LETTERS[view.options.indexOf(byText(view).answerText)]!;

    // Q1: Bob is wrong (the question stays open for Alice), Bob cannot answer twice, Alice is right.
    const q1 = start.question;
    const bobWrong = await send(wrongLetter(right(q1)), 'bob');
    expect(bobWrong).toMatchObject({ kind: 'quiz-feedback', userId: 'bob', correct: false });
    if (bobWrong.kind !== 'quiz-feedback') return;
    expect(bobWrong.next).toBeUndefined();
    expect(bobWrong.answer).toBe(`${right(q1)}. ${byText(q1).answerText}`);
    expectCitationInGuide(bobWrong.citation);
    expect(await send(`quiz answer ${right(q1)}`, 'bob')).toMatchObject({ kind: 'error', code: 'QUIZ_ALREADY_ANSWERED' });
    const aliceRight = await send(`quiz answer ${right(q1).toLowerCase()}`, 'alice');
    expect(aliceRight).toMatchObject({ kind: 'quiz-feedback', userId: 'alice', correct: true });
    if (aliceRight.kind !== 'quiz-feedback') return;
    const q2 = aliceRight.next!;
    expect(q2.index).toBe(1);

    // Q2: Alice is wrong, the question waits for Bob, who is right.
    const aliceWrong = await send(wrongLetter(right(q2)), 'alice');
    expect(aliceWrong).toMatchObject({ kind: 'quiz-feedback', correct: false });
    expect((aliceWrong as { next?: unknown }).next).toBeUndefined();
    const bobRight = await send(right(q2), 'bob');
    expect(bobRight).toMatchObject({ kind: 'quiz-feedback', correct: true });
    const q3 = (bobRight as Extract<CommandResult, { kind: 'quiz-feedback' }>).next!;
    expect(q3.index).toBe(2);

    // Q3: both wrong; once everyone has answered, the quiz ends with the scoreboard.
    expect(await send(wrongLetter(right(q3)), 'bob')).toMatchObject({ kind: 'quiz-feedback', correct: false });
    const last = await send(wrongLetter(right(q3)), 'alice');
    expect(last).toMatchObject({ kind: 'quiz-feedback', correct: false });
    if (last.kind !== 'quiz-feedback') return;
    expect(last.next).toBeUndefined();
    // A tie: the player who answered first is listed first.
    expect(last.scoreboard).toEqual([
      { userId: 'bob', userName: 'BOB', correct: 1, answered: 3 },
      { userId: 'alice', userName: 'ALICE', correct: 1, answered: 3 },
    ]);
    expect(await send('quiz score', 'bob')).toMatchObject({ kind: 'quiz-score', finished: true, scoreboard: last.scoreboard });
    expect(renderText(last)).toContain('Final scores');
    // After the end, letters answer nothing.
    expect(await send('B', 'alice')).toMatchObject({ kind: 'error', code: 'QUIZ_NOT_RUNNING' });
  });

  it('a solo player moves on after each answer, and the score adds up', async () => {
    const conversationId = 'solo';
    let result = await send('quiz salary 3', 'sam', conversationId);
    expect(result.kind).toBe('quiz-question');
    const questions = allQuizQuestions(advisor.index);
    let correct = 0;
    for (let i = 0; i < 3; i++) {
      const view = result.kind === 'quiz-question' ? result.question : (result as Extract<CommandResult, { kind: 'quiz-feedback' }>).next!;
      const q = questions.find((x) => x.question === view.question && view.options.includes(x.answerText))!;
      const letter = i === 1 ? (view.options.indexOf(q.answerText) === 0 ? 'B' : 'A') : LETTERS[view.options.indexOf(q.answerText)]!;
      result = await send(letter, 'sam', conversationId);
      expect(result.kind).toBe('quiz-feedback');
      if (result.kind === 'quiz-feedback' && result.correct) correct++;
    }
    expect(correct).toBe(2);
    expect(result).toMatchObject({ kind: 'quiz-feedback', scoreboard: [{ userId: 'sam', correct: 2, answered: 3 }] });
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
    expect(skipped).toMatchObject({ kind: 'quiz-question', question: { index: 1 }, intro: expect.stringContaining('Skipped. The answer was') });
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
