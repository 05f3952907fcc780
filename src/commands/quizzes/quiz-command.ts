import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { generateQuizQuestions, QUIZ_TOPICS, type QuizQuestion } from './quiz-generator.js';
import type { FeatureUse } from '../../store/index.js';
import { JsonStore } from '../../state/index.js';
import { QuizSession, type QuizSnapshot, type RoundRules } from './quiz-session.js';
import { quizIntro } from './quiz-intro.js';
import type { Config } from '../../config/index.js';
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
  // Sent by a front end's round timer: closes question `index` of quiz `quizId` if it is still open.
  z.object({ action: z.literal('close'), quizId: z.string().min(1).max(40), index: z.number().int().min(0) }),
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
  const close = /^close\s+(\S+)\s+(\d+)$/i.exec(text);
  if (close) return { action: 'close', quizId: close[1], index: Number(close[2]) };
  const rest = text.replace(/^start\b\s*/i, '');
  const count = /(?:^|\s)(\d+)(?:\s*questions?)?$/i.exec(rest);
  const topic = (count ? rest.slice(0, count.index) : rest).trim();
  return { action: 'start', ...(topic ? { topic } : {}), ...(count ? { count: Number(count[1]) } : {}) };
}

/** Quizzes by conversation, with what new quizzes are made from. */
interface QuizState {
  /** Running quizzes as JSON snapshots in the shared state, so every worker sees (and scores) the same quiz. */
  sessions: JsonStore<QuizSnapshot>;
  /** Makes quizzes reproducible (tests); each new quiz derives its own seed from it. */
  seed?: string | number;
  /** Questions per quiz when the user does not say. */
  length: number;
  /** Quizzes started so far by this handler (part of the derived seed). */
  started: number;
  /** The clock rounds are timed by (tests pass their own). */
  now: () => number;
}

const QUIZZES: FeatureState<QuizState> = {
  name: 'quizzes',
  create: (settings) => ({
    // "quiz-rounds": quizzes saved before rounds existed have another shape and are left to expire.
    sessions: new JsonStore<QuizSnapshot>(settings.state, 'quiz-rounds', settings.quizTtlMs ?? 6 * 60 * 60_000),
    seed: settings.quizSeed,
    length: settings.quizLength ?? 5,
    started: 0,
    now: settings.now ?? Date.now,
  }),
};
const quizzes = (context: CommandContext) => context.state.of(QUIZZES);

/** "B", "b", "(c)", "D." — a bare option letter. */
const BARE_OPTION = /^\(?([A-Za-z])\)?[.!]?$/;

const NO_QUIZ: CommandResult = { kind: 'error', code: 'QUIZ_NOT_RUNNING', message: 'No quiz is running in this conversation. Start one with “quiz” (or “quiz salary”, “quiz certifications”).' };

const NO_QUIZ_TO_ANSWER: CommandResult = { kind: 'error', code: 'QUIZ_NOT_RUNNING', message: 'No quiz is running in this conversation, so there is nothing to answer. Start one with “quiz”.' };

function running(snapshot: QuizSnapshot | undefined): QuizSession | undefined {
  const session = snapshot && QuizSession.restore(snapshot);
  return session && !session.finished ? session : undefined;
}

/** A quiz's use for the report, with its guide when all its questions come from one. */
function quizUse(action: 'started' | 'answered' | 'finished', questions: readonly QuizQuestion[]): FeatureUse {
  const guides = new Set(questions.map((q) => q.citation.source));
  const [guide] = guides;
  return { feature: 'quiz', action, ...(guides.size === 1 && guide ? { guide } : {}) };
}

/** What a move in a running quiz stands for: an answer that counted (also the one that closed the round), the last question closed. */
function moveUse(result: CommandResult, questions: readonly QuizQuestion[]): FeatureUse[] {
  const answered = result.kind === 'quiz-answer' || (result.kind === 'quiz-round' && result.round.closedBy === 'players');
  const finished = result.kind === 'quiz-round' && result.finished;
  return [...(answered ? [quizUse('answered', questions)] : []), ...(finished ? [quizUse('finished', questions)] : [])];
}

/**
 * Runs `act` on the conversation's running quiz and saves what it changed, atomically: when
 * players answer at the same instant (even on different workers) each answer is scored once.
 */
function withRunningQuiz(context: CommandContext, act: (session: QuizSession) => CommandResult): Promise<CommandResult> {
  return quizzes(context).sessions.update(context.request.conversationId, (snapshot) => {
    const session = running(snapshot);
    if (!session) return { value: snapshot, result: NO_QUIZ };
    const result = act(session);
    const usage = moveUse(result, session.questions);
    return { value: session.snapshot(), result: usage.length > 0 ? { ...result, usage } : result };
  });
}

/** Takes an answer to the running quiz (also used for a bare "B" while a quiz runs). */
export function answerQuiz(context: CommandContext, option: string): Promise<CommandResult> {
  const { userId, userName } = context.request;
  return withRunningQuiz(context, (session) => session.answer({ userId, ...(userName ? { userName } : {}) }, option, quizzes(context).now()));
}

/** True when a quiz is running in the request's conversation. */
export async function hasRunningQuiz(context: CommandContext): Promise<boolean> {
  return running(await quizzes(context).sessions.get(context.request.conversationId)) !== undefined;
}

function alreadyRunning(current: QuizSession): CommandResult {
  return { kind: 'quiz-question', question: current.view(), intro: `A quiz is already running here (question ${current.index + 1} of ${current.questions.length}). Answer it, or end it with “quiz stop”.` };
}

/**
 * How this conversation's questions close: the terminal waits for its one player; a DM closes at
 * the answer or after the round time; a channel after the round time or QUIZ_ROUND_PLAYERS answers.
 */
function roundRules(context: CommandContext): RoundRules {
  const { request } = context;
  if (request.platform === 'cli') return { players: 1 };
  // Stand-in advisors in tests may carry a partial config.
  const config: Partial<Pick<Config, 'QUIZ_ROUND_SECONDS' | 'QUIZ_ROUND_PLAYERS'>> = context.advisor.config ?? {};
  return { ms: (config.QUIZ_ROUND_SECONDS ?? 20) * 1000, players: request.solo ? 1 : (config.QUIZ_ROUND_PLAYERS ?? 0) };
}

const noQuestions = (topic: string | undefined): CommandResult => ({ kind: 'error', code: 'NOT_FOUND', message: `No quiz questions match “${topic}”. Try one of: ${QUIZ_TOPICS.join(', ')}, or just “quiz”.` });

async function start(context: CommandContext, topic: string | undefined, count: number | undefined): Promise<CommandResult> {
  const { request } = context;
  const state = quizzes(context);
  const already = running(await state.sessions.get(request.conversationId));
  if (already) return alreadyRunning(already);
  state.started += 1;
  const seed = state.seed === undefined ? undefined : `${state.seed}:${request.conversationId}:${state.started}`;
  const questions = generateQuizQuestions(context.advisor.index, { count: count ?? state.length, seed, topic });
  if (questions.length === 0) return noQuestions(topic);
  const rules = roundRules(context);
  // Start only if no quiz runs here; checked and written in one atomic step.
  return state.sessions.update<CommandResult>(request.conversationId, (snapshot) => {
    const current = running(snapshot);
    if (current) return { value: snapshot, result: alreadyRunning(current) };
    const session = QuizSession.start(randomUUID().slice(0, 8), questions, rules, state.now(), topic);
    const intro = quizIntro(request, rules, questions.length, topic);
    return { value: session.snapshot(), result: { kind: 'quiz-question', question: session.view(), intro, usage: [quizUse('started', questions)] } };
  });
}

const ROUND_CLOSED: CommandResult = { kind: 'error', code: 'QUIZ_ROUND_CLOSED', message: 'That question has closed already.' };

/** A round timer fired: closes question `index` of quiz `quizId` unless answers or a skip closed it first. */
function closeRound(context: CommandContext, quizId: string, index: number): Promise<CommandResult> {
  const now = quizzes(context).now();
  return withRunningQuiz(context, (session) => (session.id === quizId ? (session.closeIfOpen(index, now) ?? ROUND_CLOSED) : ROUND_CLOSED));
}

async function score(context: CommandContext): Promise<CommandResult> {
  const snapshot = await quizzes(context).sessions.get(context.request.conversationId);
  const session = snapshot && QuizSession.restore(snapshot);
  return session ? { kind: 'quiz-score', scoreboard: session.scoreboard(), finished: session.finished } : NO_QUIZ;
}

function stop(context: CommandContext): Promise<CommandResult> {
  return withRunningQuiz(context, (session) => {
    session.stop();
    return { kind: 'quiz-score', scoreboard: session.scoreboard(), finished: true };
  });
}

/**
 * `quiz [topic] [count]` starts a multiple-choice quiz for the conversation; `quiz answer B` (or
 * just "B" where the bot hears it) answers, `quiz score` shows the scoreboard, `quiz next` closes
 * the open question, `quiz stop` ends it.
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
    {
      order: 10,
      handle: async (text, context) => {
        const letter = BARE_OPTION.exec(text);
        return letter && (await hasRunningQuiz(context)) ? answerQuiz(context, letter[1]!) : undefined;
      },
    },
    // ...and, when no quiz runs and no plan question claimed it, a lone A–E gets told so.
    { order: 30, handle: (text) => (/^\(?[a-e]\)?[.!]?$/i.test(text) ? NO_QUIZ_TO_ANSWER : undefined) },
  ],
  async run(input: QuizInput, context): Promise<CommandResult> {
    switch (input.action) {
      case 'start':
        return start(context, input.topic, input.count);
      case 'answer':
        return answerQuiz(context, input.option);
      case 'score':
        return score(context);
      case 'stop':
        return stop(context);
      case 'next':
        return withRunningQuiz(context, (session) => session.skip(quizzes(context).now()));
      case 'close':
        return closeRound(context, input.quizId, input.index);
    }
  },
});
