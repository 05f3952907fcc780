import type { Citation } from '../../answer/index.js';
import { OPTION_LETTERS, type QuizQuestion } from './quiz-generator.js';
import type { CommandResult, QuizQuestionView, ScoreLine } from '../types.js';

/**
 * One quiz in one conversation. Everyone in the conversation may answer; each person's first
 * answer to a question is the one that counts. A question closes (and the next is shown) as soon
 * as someone answers it correctly, or once every player has answered it. Players are the person
 * who started the quiz plus everyone who has answered any question, so a solo player moves on
 * after each answer and in a group one wrong answer does not close the question for the others.
 * `quiz next` closes it by hand.
 */
export class QuizSession {
  private current = 0;
  private finishedFlag = false;
  /** Per question: who answered which option index. */
  private readonly answers: Array<Map<string, number>>;
  private readonly scores = new Map<string, ScoreLine>();
  private readonly players = new Set<string>();

  constructor(
    readonly id: string,
    readonly questions: readonly QuizQuestion[],
    starter: { userId: string; userName?: string },
    readonly topic?: string,
  ) {
    this.answers = questions.map(() => new Map());
    this.players.add(starter.userId);
  }

  get finished(): boolean {
    return this.finishedFlag;
  }

  get index(): number {
    return this.current;
  }

  /** The open question as front ends show it. */
  view(index = this.current): QuizQuestionView {
    const q = this.questions[index]!;
    return { quizId: this.id, index, total: this.questions.length, question: q.question, options: [...q.options] };
  }

  /** Scores, best first (ties: fewer answers, then who played first). */
  scoreboard(): ScoreLine[] {
    return [...this.scores.values()].map((s) => ({ ...s })).sort((a, b) => b.correct - a.correct || a.answered - b.answered);
  }

  /** Scores one answer ("B", "b"); returns the feedback or a coded error. */
  answer(user: { userId: string; userName?: string }, rawOption: string): CommandResult {
    if (this.finishedFlag) return { kind: 'error', code: 'QUIZ_NOT_RUNNING', message: 'This quiz has ended. Start a new one with “quiz”.' };
    const question = this.questions[this.current]!;
    const letters = OPTION_LETTERS.slice(0, question.options.length);
    const option = rawOption.trim().toUpperCase();
    const choice = (letters as readonly string[]).indexOf(option);
    if (choice < 0) {
      return { kind: 'error', code: 'QUIZ_BAD_OPTION', message: `“${rawOption.trim()}” is not an option. Answer with ${letters.slice(0, -1).join(', ')} or ${letters.at(-1)}.` };
    }
    const given = this.answers[this.current]!;
    const earlier = given.get(user.userId);
    if (earlier !== undefined) {
      return {
        kind: 'error',
        code: 'QUIZ_ALREADY_ANSWERED',
        message: `You already answered question ${this.current + 1} (${OPTION_LETTERS[earlier]}); only your first answer counts. Waiting for the others, or use “quiz next”.`,
      };
    }
    given.set(user.userId, choice);
    this.players.add(user.userId);
    const correct = question.options[choice] === question.answerText;
    const score = this.scores.get(user.userId) ?? { userId: user.userId, correct: 0, answered: 0 };
    score.answered += 1;
    if (correct) score.correct += 1;
    if (user.userName) score.userName = user.userName;
    this.scores.set(user.userId, score);

    const everyone = [...this.players].every((p) => given.has(p));
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
    if (this.current + 1 < this.questions.length) {
      this.current += 1;
      return { next: this.view() };
    }
    this.finishedFlag = true;
    return { scoreboard: this.scoreboard() };
  }

  /** Ends the quiz now. */
  stop(): void {
    this.finishedFlag = true;
  }

  /** The open question's answer, for "quiz next". */
  currentQuestion(): QuizQuestion {
    return this.questions[this.current]!;
  }
}

/** A quiz question's proof as a citation. */
export function citationOf(question: QuizQuestion, n = 1): Citation {
  return { n, section: question.citation.section, source: question.citation.source, quote: question.citation.quote };
}
