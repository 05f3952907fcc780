import { randomUUID } from 'node:crypto';
import type { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { boundedCache } from '../../cache/index.js';
import { generateQuizQuestions, QUIZ_TOPICS } from './quiz-generator.js';
import { QuizSession } from './quiz-session.js';
import { defineCommand, type CommandContext, type FeatureState } from '../registry.js';
import type { CommandResult } from '../types.js';

/** Most questions one quiz may have. */
export const MAX_QUIZ_QUESTIONS = 20;

const quizInput = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('start'),
    topic: z.string().trim().min(1).max(60, 'Please use a shorter quiz topic.').optional(),
    count: z.number().int().min(1, 'A quiz needs at least one question.').max(MAX_QUIZ_QUESTIONS, `A quiz has at most ${MAX_QUIZ_QUESTIONS} questions.`).optional(),
  }),
  z.object({ action: z.literal('answer'), option: z.string({ error: 'Say which option, e.g. “quiz answer B”.' }).trim().min(1, 'Say which option, e.g. “quiz answer B”.').max(20) }),
  z.object({ action: z.literal('score') }),
  z.object({ action: z.literal('stop') }),
  z.object({ action: z.literal('next') }),
]);
export type QuizInput = z.infer<typeof quizInput>;

/** Reads "", "salary", "salary 10", "answer B", "B", "score", "stop", "next". */
export function parseQuizArgs(args: string): unknown {
  const text = args.trim();
  const answer = /^(?:answer|ans)(?:\s+(.*))?$/i.exec(text);
  if (answer) return { action: 'answer', option: answer[1] };
  if (/^\(?[a-z]\)?$/i.test(text)) return { action: 'answer', option: text.replace(/[()]/g, '') };
  if (/^(?:score|scores|scoreboard)$/i.test(text)) return { action: 'score' };
  if (/^(?:stop|end|quit|finish)$/i.test(text)) return { action: 'stop' };
  if (/^(?:next|skip)$/i.test(text)) return { action: 'next' };
  const rest = text.replace(/^start\b\s*/i, '');
  const count = /(?:^|\s)(\d+)(?:\s*questions?)?$/i.exec(rest);
  const topic = (count ? rest.slice(0, count.index) : rest).trim();
  return { action: 'start', ...(topic ? { topic } : {}), ...(count ? { count: Number(count[1]) } : {}) };
}

/** Quizzes by conversation, with what new quizzes are made from. */
interface QuizState {
  sessions: LRUCache<string, QuizSession>;
  /** Makes quizzes reproducible (tests); each new quiz derives its own seed from it. */
  seed?: string | number;
  /** Questions per quiz when the user does not say. */
  length: number;
  /** Quizzes started so far (part of the derived seed). */
  started: number;
}

const QUIZZES: FeatureState<QuizState> = {
  name: 'quizzes',
  create: (settings) => ({
    sessions: boundedCache({ max: 2000, ttlMs: settings.quizTtlMs ?? 6 * 60 * 60_000, now: settings.now }),
    seed: settings.quizSeed,
    length: settings.quizLength ?? 5,
    started: 0,
  }),
};
const quizzes = (context: CommandContext) => context.state.of(QUIZZES);

/** "B", "b", "(c)", "D." — a bare option letter. */
const BARE_OPTION = /^\(?([A-Za-z])\)?[.!]?$/;

const NO_QUIZ: CommandResult = { kind: 'error', code: 'QUIZ_NOT_RUNNING', message: 'No quiz is running in this conversation. Start one with “quiz” (or “quiz salary”, “quiz certifications”).' };

const NO_QUIZ_TO_ANSWER: CommandResult = { kind: 'error', code: 'QUIZ_NOT_RUNNING', message: 'No quiz is running in this conversation, so there is nothing to answer. Start one with “quiz”.' };

function running(context: CommandContext): QuizSession | undefined {
  const session = quizzes(context).sessions.get(context.request.conversationId);
  return session && !session.finished ? session : undefined;
}

/** Scores an answer to the running quiz (also used for a bare "B" while a quiz runs). */
export function answerQuiz(context: CommandContext, option: string): CommandResult {
  const session = running(context);
  if (!session) return NO_QUIZ;
  return session.answer({ userId: context.request.userId, userName: context.request.userName }, option);
}

/** True when a quiz is running in the request's conversation. */
export function hasRunningQuiz(context: CommandContext): boolean {
  return running(context) !== undefined;
}

function start(context: CommandContext, topic: string | undefined, count: number | undefined): CommandResult {
  const current = running(context);
  if (current) {
    return { kind: 'quiz-question', question: current.view(), intro: `A quiz is already running here (question ${current.index + 1} of ${current.questions.length}). Answer it, or end it with “quiz stop”.` };
  }
  const { request } = context;
  const state = quizzes(context);
  state.started += 1;
  const seed = state.seed === undefined ? undefined : `${state.seed}:${request.conversationId}:${state.started}`;
  const questions = generateQuizQuestions(context.advisor.index, { count: count ?? state.length, seed, topic });
  if (questions.length === 0) {
    return { kind: 'error', code: 'NOT_FOUND', message: `No quiz questions match “${topic}”. Try one of: ${QUIZ_TOPICS.join(', ')}, or just “quiz”.` };
  }
  const session = new QuizSession(randomUUID().slice(0, 8), questions, { userId: request.userId, userName: request.userName }, topic);
  state.sessions.set(request.conversationId, session);
  const about = topic ? ` on “${topic}”` : '';
  return {
    kind: 'quiz-question',
    question: session.view(),
    intro: `Quiz${about}: ${questions.length} question${questions.length === 1 ? '' : 's'} from the guide. Everyone here can play — answer with A, B, C or D (or “quiz answer B”); your first answer counts.`,
  };
}

/**
 * `quiz [topic] [count]` starts a multiple-choice quiz for the conversation; `quiz answer B` (or
 * just "B") answers, `quiz score` shows the scoreboard, `quiz next` skips, `quiz stop` ends it.
 */
export const quizCommand = defineCommand({
  name: 'quiz',
  aliases: ['trivia'],
  summary: 'A multiple-choice quiz on the guide for everyone in the conversation',
  usage: 'quiz [topic] [count]  |  quiz answer <A-D>  |  quiz score  |  quiz next  |  quiz stop',
  examples: ['quiz', 'quiz certifications', 'quiz salary 3', 'quiz answer B', 'quiz score'],
  input: quizInput,
  parse: parseQuizArgs,
  followUps: [
    // A bare letter answers the quiz running in the conversation...
    { order: 10, handle: (text, context) => (BARE_OPTION.test(text) && hasRunningQuiz(context) ? answerQuiz(context, BARE_OPTION.exec(text)![1]!) : undefined) },
    // ...and, when no quiz runs and no plan question claimed it, a lone A–E gets told so.
    { order: 30, handle: (text) => (/^\(?[a-e]\)?[.!]?$/i.test(text) ? NO_QUIZ_TO_ANSWER : undefined) },
  ],
  run(input: QuizInput, context): CommandResult {
    switch (input.action) {
      case 'start':
        return start(context, input.topic, input.count);
      case 'answer':
        return answerQuiz(context, input.option);
      case 'score': {
        const session = quizzes(context).sessions.get(context.request.conversationId);
        return session ? { kind: 'quiz-score', scoreboard: session.scoreboard(), finished: session.finished } : NO_QUIZ;
      }
      case 'stop': {
        const session = running(context);
        if (!session) return NO_QUIZ;
        session.stop();
        return { kind: 'quiz-score', scoreboard: session.scoreboard(), finished: true };
      }
      case 'next': {
        const session = running(context);
        if (!session) return NO_QUIZ;
        const skipped = session.currentQuestion();
        const { next, scoreboard } = session.advance();
        if (next) return { kind: 'quiz-question', question: next, intro: `Skipped. The answer was ${skipped.answer}. ${skipped.answerText} — ${skipped.explanation}` };
        return { kind: 'quiz-score', scoreboard: scoreboard ?? session.scoreboard(), finished: true };
      }
    }
  },
});
