import type { Citation } from '../../answer/index.js';
import { OPTION_LETTERS, type QuizQuestion } from './quiz-generator.js';
import type { CommandResult, QuizQuestionView, QuizRoundView, ScoreLine } from '../types.js';

type RoundResult = Extract<CommandResult, { kind: 'quiz-round' }>;

/** How a question closes: after `ms` (none: only answers close it) or once `players` have answered (0: only the time). */
export interface RoundRules {
  ms?: number;
  players: number;
}

/** One player's first answer to a question. */
interface GivenAnswer {
  userId: string;
  userName?: string;
  choice: number;
}

/** Everything a quiz knows, as JSON. */
export interface QuizSnapshot {
  id: string;
  questions: QuizQuestion[];
  topic?: string;
  current: number;
  finished: boolean;
  rules: RoundRules;
  /** When the open question closes by itself (epoch ms). */
  closesAt?: number;
  /** Per question: each player's first answer, in the order they came. */
  answers: GivenAnswer[][];
  scores: Record<string, ScoreLine>;
}

/**
 * One quiz in one conversation, played in rounds. A question stays open for everyone until its
 * time runs out or enough players have answered; each player's first answer counts and nobody
 * learns whether it was right until the question closes. Closing it gives the answer, the cited
 * guide line and who got it right, then opens the next question (or ends the quiz). Time is passed
 * in (`now`), never read, so rounds are tested without waiting; all state is one JSON snapshot,
 * so every worker sees (and scores) the same quiz.
 */
export class QuizSession {
  private constructor(private readonly data: QuizSnapshot) {}

  /** A new quiz, its first question open from `now`. */
  static start(id: string, questions: readonly QuizQuestion[], rules: RoundRules, now: number, topic?: string): QuizSession {
    const session = new QuizSession({ id, questions: [...questions], topic, current: 0, finished: false, rules, answers: questions.map(() => []), scores: {} });
    session.open(now);
    return session;
  }

  /** A quiz as saved by {@link snapshot} (state shared between workers is JSON). */
  static restore(snapshot: QuizSnapshot): QuizSession {
    return new QuizSession(structuredClone(snapshot));
  }

  /** Plain JSON data for the shared state. */
  snapshot(): QuizSnapshot {
    return structuredClone(this.data);
  }

  get id(): string {
    return this.data.id;
  }

  get questions(): readonly QuizQuestion[] {
    return this.data.questions;
  }

  get finished(): boolean {
    return this.data.finished;
  }

  get index(): number {
    return this.data.current;
  }

  /** The open question as front ends show it. */
  view(): QuizQuestionView {
    const q = this.questions[this.data.current]!;
    const closesAt = this.data.closesAt;
    return { quizId: this.id, index: this.data.current, total: this.questions.length, question: q.question, options: [...q.options], ...(closesAt === undefined ? {} : { closesAt }), closesAfter: this.data.rules.players };
  }

  /** Scores, best first (ties: fewer answers, then who played first). */
  scoreboard(): ScoreLine[] {
    return Object.values(this.data.scores)
      .map((s) => ({ ...s }))
      .sort((a, b) => b.correct - a.correct || a.answered - b.answered);
  }

  /**
   * Takes a player's answer ("B", "b"): acknowledged privately while the question stays open, or
   * the closed round when this answer was the last one needed. An answer after the question's time
   * ran out does not count; it closes the round the timer would have closed (e.g. after a restart).
   */
  answer(user: { userId: string; userName?: string }, rawOption: string, now: number): CommandResult {
    if (this.data.finished) return { kind: 'error', code: 'QUIZ_NOT_RUNNING', message: 'This quiz has ended. Start a new one with “quiz”.' };
    if (this.data.closesAt !== undefined && now >= this.data.closesAt) {
      const number = this.data.current + 1;
      return { ...this.close('time', now), notice: `Time was up for question ${number}; your answer did not count.` };
    }
    const choice = this.choiceOf(rawOption);
    if (typeof choice === 'string') return { kind: 'error', code: 'QUIZ_BAD_OPTION', message: choice };
    const given = this.data.answers[this.data.current]!;
    const earlier = given.find((a) => a.userId === user.userId);
    if (earlier) {
      const message = `You already answered question ${this.data.current + 1} (${OPTION_LETTERS[earlier.choice]}); only your first answer counts.`;
      return { kind: 'error', code: 'QUIZ_ALREADY_ANSWERED', message };
    }
    given.push({ userId: user.userId, ...(user.userName ? { userName: user.userName } : {}), choice });
    const { players } = this.data.rules;
    if (players > 0 && given.length >= players) {
      // Someone playing alone needs no note that their answer closed the question.
      const closed = this.close('players', now);
      return players > 1 ? { ...closed, notice: `Your answer ${OPTION_LETTERS[choice]} was the last one this question needed.` } : closed;
    }
    return { kind: 'quiz-answer', userId: user.userId, option: OPTION_LETTERS[choice]!, question: this.view(), answered: given.length };
  }

  /** Closes the open question if it is question `index` (a round timer firing); undefined when it has closed already. */
  closeIfOpen(index: number, now: number): RoundResult | undefined {
    return !this.data.finished && this.data.current === index ? this.close('time', now) : undefined;
  }

  /** Closes the open question now ("quiz next"). */
  skip(now: number): RoundResult {
    return this.close('skip', now);
  }

  /** Ends the quiz now. */
  stop(): void {
    this.data.finished = true;
    delete this.data.closesAt;
  }

  /** Scores the open question, then opens the next one or ends the quiz. */
  private close(closedBy: QuizRoundView['closedBy'], now: number): RoundResult {
    const round = this.roundView(closedBy);
    for (const a of round.answers) this.score(a);
    if (this.data.current + 1 < this.questions.length) {
      this.data.current += 1;
      this.open(now);
      return { kind: 'quiz-round', round, scoreboard: this.scoreboard(), next: this.view(), finished: false };
    }
    this.stop();
    return { kind: 'quiz-round', round, scoreboard: this.scoreboard(), finished: true };
  }

  private roundView(closedBy: QuizRoundView['closedBy']): QuizRoundView {
    const q = this.questions[this.data.current]!;
    const answers = this.data.answers[this.data.current]!.map((a) => ({
      userId: a.userId,
      ...(a.userName ? { userName: a.userName } : {}),
      option: OPTION_LETTERS[a.choice]!,
      correct: q.options[a.choice] === q.answerText,
    }));
    const { quizId, index, total, question } = this.view();
    return { quizId, index, total, question, answer: `${q.answer}. ${q.answerText}`, explanation: q.explanation, citation: citationOf(q), answers, closedBy };
  }

  private score(answer: QuizRoundView['answers'][number]): void {
    const line = this.data.scores[answer.userId] ?? { userId: answer.userId, correct: 0, answered: 0 };
    line.answered += 1;
    if (answer.correct) line.correct += 1;
    if (answer.userName) line.userName = answer.userName;
    this.data.scores[answer.userId] = line;
  }

  private open(now: number): void {
    const { ms } = this.data.rules;
    if (ms === undefined) delete this.data.closesAt;
    else this.data.closesAt = now + ms;
  }

  /** The option's index, or what to say when it is not one. */
  private choiceOf(rawOption: string): number | string {
    const letters = OPTION_LETTERS.slice(0, this.questions[this.data.current]!.options.length);
    const choice = (letters as readonly string[]).indexOf(rawOption.trim().toUpperCase());
    return choice >= 0 ? choice : `“${rawOption.trim()}” is not an option. Answer with ${letters.slice(0, -1).join(', ')} or ${letters.at(-1)}.`;
  }
}

/** A quiz question's proof as a citation. */
export function citationOf(question: QuizQuestion, n = 1): Citation {
  return { n, section: question.citation.section, source: question.citation.source, quote: question.citation.quote };
}
