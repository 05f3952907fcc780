import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../../src/commands/index.js';
import { QuizSession } from '../../../src/commands/quizzes/quiz-session.js';
import type { CommandResult } from '../../../src/commands/types.js';

/** A made-up question whose right answer is option `answer` (so the round logic is tested apart from any guide). */
function question(n: number, answer: 'A' | 'B' | 'C' = 'B'): QuizQuestion {
  const options = [`opt${n}a`, `opt${n}b`, `opt${n}c`];
  const answerText = options['ABC'.indexOf(answer)]!;
  return {
    id: `q${n}`,
    kind: 'test',
    question: `Question ${n}?`,
    options,
    answer,
    answerText,
    explanation: `Because ${answerText}.`,
    citation: { section: 'Section', quote: `The line says ${answerText}.`, source: 'guide.md' },
    topics: [],
  };
}

const T0 = 1_700_000_000_000;
const alice = { userId: 'alice', userName: 'Alice' };
const bob = { userId: 'bob', userName: 'Bob' };
const carol = { userId: 'carol', userName: 'Carol' };
type Round = Extract<CommandResult, { kind: 'quiz-round' }>;

function round(result: CommandResult | undefined): Round {
  if (result?.kind !== 'quiz-round') throw new Error(`expected a closed round, got ${result?.kind}`);
  return result;
}

describe('quiz rounds', () => {
  it('keeps a question open for everyone until enough players answered; only first answers count; nobody hears the answer early', () => {
    const session = QuizSession.start('quiz1', [question(1), question(2)], { ms: 20_000, players: 3 }, T0);
    expect(session.view()).toMatchObject({ index: 0, closesAt: T0 + 20_000, closesAfter: 3 });

    const first = session.answer(alice, 'b', T0 + 1000);
    expect(first).toEqual({ kind: 'quiz-answer', userId: 'alice', option: 'B', question: session.view(), answered: 1 });
    // Neither the explanation nor the cited line (nor whether B was right) reaches the player yet.
    expect(JSON.stringify(first)).not.toMatch(/Because|The line says|correct/);
    expect(session.answer(bob, 'A', T0 + 2000)).toMatchObject({ kind: 'quiz-answer', answered: 2 });
    expect(session.answer(bob, 'B', T0 + 2500)).toMatchObject({ kind: 'error', code: 'QUIZ_ALREADY_ANSWERED', message: expect.stringContaining('(A)') });
    expect(session.answer(carol, 'Z', T0 + 2600)).toMatchObject({ kind: 'error', code: 'QUIZ_BAD_OPTION', message: expect.stringContaining('A, B or C') });

    const closed = round(session.answer(carol, 'B', T0 + 3000));
    expect(closed.round).toMatchObject({
      index: 0,
      answer: 'B. opt1b',
      explanation: 'Because opt1b.',
      citation: { quote: 'The line says opt1b.' },
      closedBy: 'players',
      answers: [
        { userId: 'alice', option: 'B', correct: true },
        { userId: 'bob', option: 'A', correct: false },
        { userId: 'carol', option: 'B', correct: true },
      ],
    });
    expect(closed.notice).toContain('last one');
    expect(closed.scoreboard.map((s) => [s.userId, s.correct, s.answered])).toEqual([
      ['alice', 1, 1],
      ['carol', 1, 1],
      ['bob', 0, 1],
    ]);
    // The next question opens with its own full time, counted from when it was shown.
    expect(closed.next).toMatchObject({ index: 1, closesAt: T0 + 3000 + 20_000 });
    expect(closed.finished).toBe(false);
  });

  it('closes on time once: a second timer, an old timer or a timer of another question changes nothing', () => {
    const session = QuizSession.start('quiz2', [question(1), question(2, 'C')], { ms: 20_000, players: 0 }, T0);
    session.answer(alice, 'A', T0 + 100);
    expect(session.closeIfOpen(1, T0 + 20_000)).toBeUndefined();
    const closed = round(session.closeIfOpen(0, T0 + 20_000));
    expect(closed.round).toMatchObject({ closedBy: 'time', answers: [{ userId: 'alice', correct: false }] });
    expect(session.closeIfOpen(0, T0 + 20_001)).toBeUndefined();

    // Nobody answers question 2: the quiz ends with the scores so far.
    const last = round(session.closeIfOpen(1, T0 + 40_000));
    expect(last).toMatchObject({ finished: true, round: { answers: [], closedBy: 'time' }, scoreboard: [{ userId: 'alice', correct: 0, answered: 1 }] });
    expect(last.next).toBeUndefined();
    expect(session.answer(bob, 'A', T0 + 40_001)).toMatchObject({ kind: 'error', code: 'QUIZ_NOT_RUNNING' });
  });

  it('an answer after the deadline does not count and closes the question the lost timer should have closed', () => {
    const session = QuizSession.start('quiz3', [question(1), question(2)], { ms: 20_000, players: 0 }, T0);
    const late = round(session.answer(bob, 'B', T0 + 20_000));
    expect(late.notice).toBe('Time was up for question 1; your answer did not count.');
    expect(late.round.answers).toEqual([]);
    expect(late.next).toMatchObject({ index: 1 });
  });

  it('survives a trip through JSON mid-question (the state stores keep snapshots)', () => {
    const session = QuizSession.start('quiz4', [question(1)], { ms: 20_000, players: 2 }, T0);
    session.answer(alice, 'B', T0 + 10);
    const restored = QuizSession.restore(JSON.parse(JSON.stringify(session.snapshot())));
    expect(restored.answer(alice, 'A', T0 + 20)).toMatchObject({ code: 'QUIZ_ALREADY_ANSWERED' });
    expect(round(restored.answer(bob, 'C', T0 + 30))).toMatchObject({ finished: true, round: { closedBy: 'players' } });
  });

  it('a player alone (the terminal) moves on at each answer, with no deadline', () => {
    const session = QuizSession.start('quiz5', [question(1), question(2)], { players: 1 }, T0);
    expect(session.view().closesAt).toBeUndefined();
    const closed = round(session.answer(alice, 'B', T0 + 3_600_000));
    expect(closed.round.answers).toEqual([{ userId: 'alice', userName: 'Alice', option: 'B', correct: true }]);
    expect(closed.next?.closesAt).toBeUndefined();
    expect(round(session.skip(T0)).round.closedBy).toBe('skip');
  });
});
