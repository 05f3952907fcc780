import type { Citation } from '../../answer/index.js';
import { OPTION_LETTERS, type QuizQuestion } from './quiz-generator.js';
import type { CommandResult, QuizQuestionView, ScoreLine } from '../types.js';

/** Everything a quiz knows, as JSON. */
export interface QuizSnapshot {
  id: string;
  questions: QuizQuestion[];
  topic?: string;
  current: number;
  finished: boolean;
  /** Per question: who answered which option index. */
  answers: Array<Record<string, number>>;
  scores: Record<string, ScoreLine>;
  /** The starter plus everyone who has answered, in order of first answer. */
  players: string[];
}

/**
 * One quiz in one conversation. Everyone in the conversation may answer; each person's first
 * answer to a question is the one that counts. A question closes (and the next is shown) as soon
 * as someone answers it correctly, or once every player has answered it. Players are the person
 * who started the quiz plus everyone who has answered any question, so a solo player moves on
 * after each answer and in a group one wrong answer does not close the question for the others.
 * `quiz next` closes it by hand. All state is one plain JSON snapshot, so several workers can
 * share a quiz through the shared state.
 */
export class QuizSession {
  private constructor(private readonly data: QuizSnapshot) {}

  /** A new quiz; `starter` counts as a player from the start. */
  static start(id: string, questions: readonly QuizQuestion[], starter: { userId: string; userName?: string }, topic?: string): QuizSession {
    return new QuizSession({ id, questions: [...questions], topic, current: 0, finished: false, answers: questions.map(() => ({})), scores: {}, players: [starter.userId] });
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

  get topic(): string | undefined {
    return this.data.topic;
  }

  get finished(): boolean {
    return this.data.finished;
  }

  get index(): number {
    return this.data.current;
  }

  /** The open question as front ends show it. */
  view(index = this.data.current): QuizQuestionView {
    const q = this.questions[index]!;
    return { quizId: this.id, index, total: this.questions.length, question: q.question, options: [...q.options] };
  }

  /** Scores, best first (ties: fewer answers, then who played first). */
  scoreboard(): ScoreLine[] {
    return Object.values(this.data.scores).map((s) => ({ ...s })).sort((a, b) => b.correct - a.correct || a.answered - b.answered);
  }

  /** Scores one answer ("B", "b"); returns the feedback or a coded error. */
  answer(user: { userId: string; userName?: string }, rawOption: string): CommandResult {
    const data = this.data;
    if (data.finished) return { kind: 'error', code: 'QUIZ_NOT_RUNNING', message: 'This quiz has ended. Start a new one with “quiz”.' };
    const question = this.questions[data.current]!;
    const letters = OPTION_LETTERS.slice(0, question.options.length);
    const option = rawOption.trim().toUpperCase();
    const choice = (letters as readonly string[]).indexOf(option);
    if (choice < 0) {
      return { kind: 'error', code: 'QUIZ_BAD_OPTION', message: `“${rawOption.trim()}” is not an option. Answer with ${letters.slice(0, -1).join(', ')} or ${letters.at(-1)}.` };
    }
    const given = data.answers[data.current]!;
    const earlier = given[user.userId];
    if (earlier !== undefined) {
      return {
        kind: 'error',
        code: 'QUIZ_ALREADY_ANSWERED',
        message: `You already answered question ${data.current + 1} (${OPTION_LETTERS[earlier]}); only your first answer counts. Waiting for the others, or use “quiz next”.`,
      };
    }
    given[user.userId] = choice;
    if (!data.players.includes(user.userId)) data.players.push(user.userId);
    const correct = question.options[choice] === question.answerText;
    const score = data.scores[user.userId] ?? { userId: user.userId, correct: 0, answered: 0 };
    score.answered += 1;
    if (correct) score.correct += 1;
    if (user.userName) score.userName = user.userName;
    data.scores[user.userId] = score;

    const everyone = data.players.every((p) => p in given);
    const feedback = {
      kind: 'quiz-feedback' as const,
      userId: user.userId,
      correct,
      answer: `${question.answer}. ${question.answerText}`,
      explanation: question.explanation,
      citation: citationOf(question),
    };
    if (!correct && !everyone) return feedback;
    return { ...feedback, ...this.advance() };
  }

  /** Closes the open question: the next one, or the final scoreboard. */
  advance(): { next?: QuizQuestionView; scoreboard?: ScoreLine[] } {
    if (this.data.current + 1 < this.questions.length) {
      this.data.current += 1;
      return { next: this.view() };
    }
    this.data.finished = true;
    return { scoreboard: this.scoreboard() };
  }

  /** Ends the quiz now. */
  stop(): void {
    this.data.finished = true;
  }

  /** The open question's answer, for "quiz next". */
  currentQuestion(): QuizQuestion {
    return this.questions[this.data.current]!;
  }
}

/** A quiz question's proof as a citation. */
export function citationOf(question: QuizQuestion, n = 1): Citation {
  return { n, section: question.citation.section, source: question.citation.source, quote: question.citation.quote };
}
