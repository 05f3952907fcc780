import type { Answer } from '../../src/answer/index.js';
import type { Client } from 'discord.js';
import type { CommandHandler, CommandResult, Feedback, QuizQuestionView } from '../../src/commands/types.js';
import { RoundTimers, type RoundScheduler } from '../shared/round-timers.js';
import type { Config } from '../../src/config/index.js';
import type { QuestionInbox } from '../../src/inbox/index.js';
import { JsonStore, MemoryState, type SharedState } from '../../src/state/index.js';
import { conversationIdFor, quizScope, type Place } from './conversation.js';
import type { DiscordLogger } from './logger.js';

/** The part of the advisor the bot calls directly (everything else goes through commands). */
export interface FeedbackRecorder {
  recordFeedback(feedback: Feedback): void;
}

/** A channel's current quiz as far as its buttons are concerned. */
export interface OpenQuiz {
  quizId: string;
  /** Index of the open question (the last one shown, once the quiz has ended). */
  index: number;
  ended: boolean;
}

/** Everything a handler needs; one per running bot. */
export interface BotContext {
  config: Config;
  advisor: FeedbackRecorder;
  commands: CommandHandler;
  logger: DiscordLogger;
  /** Shared by every shard (Redis) or this process (memory): duplicate-delivery claims. */
  state: SharedState;
  /** Recent answers by id, so the "Sources" button can quote them. */
  answers: JsonStore<Answer>;
  /** The quiz shown last in each quiz scope (channel or thread) and its open question; other buttons are closed. */
  quizzes: JsonStore<OpenQuiz>;
  /** Durable record of questions taken on (before "typing…"), completed once answered. */
  inbox?: QuestionInbox;
  /** The open quiz question's timer per quiz scope (channel or thread). */
  rounds: RoundTimers;
  /** The logged-in client, to post closed quiz questions when their time runs out (set once the bot starts). */
  client?: Client;
  /** Called with every result `runText` gets (the bot starts quiz round timers here). */
  afterResult?: (place: Place, result: CommandResult) => void;
}

const HOUR = 60 * 60_000;

export function createBotContext(options: Pick<BotContext, 'config' | 'advisor' | 'commands' | 'logger' | 'inbox'> & { state?: SharedState; scheduler?: RoundScheduler }): BotContext {
  const { scheduler, ...rest } = options;
  const state = options.state ?? new MemoryState({ maxEntries: 5000 });
  return { ...rest, state, answers: new JsonStore(state, 'discord:answer', 24 * HOUR), quizzes: new JsonStore(state, 'discord:open-quiz', 6 * HOUR), rounds: new RoundTimers(scheduler) };
}

/**
 * True the first time an event id (message or interaction) is seen by any shard or process:
 * a gateway replay after a resume, or the same event reaching two processes, is answered once.
 */
export function claimEvent(ctx: BotContext, id: string): Promise<boolean> {
  return ctx.state.setIfAbsent(`discord:event:${id}`, '1', 15 * 60_000);
}

/** Who is asking, as the command layer wants it. */
export interface Asker {
  id: string;
  name?: string;
}

/** Runs one command text through the command layer in the right conversation and remembers what buttons will need. */
export async function runText(ctx: BotContext, place: Place, text: string, asker: Asker, onToken?: (token: string) => void): Promise<CommandResult> {
  const scope = quizScope(place);
  const open = await ctx.quizzes.get(scope);
  const quizOpen = open !== undefined && !open.ended;
  const result = await ctx.commands.handle({
    text,
    conversationId: conversationIdFor(place, text, { quizOpen }),
    // Rate limits count per channel: a thread counts against the channel it was opened in.
    channelId: place.parentId ?? place.channelId,
    userId: asker.id,
    ...(asker.name ? { userName: asker.name } : {}),
    platform: 'discord',
    ...(place.isDM ? { solo: true } : {}),
    // A thread belongs to its parent channel's place.
    ...(place.guildId ? { place: { workspace: place.guildId, channel: place.parentId ?? place.channelId } } : {}),
    ...(onToken ? { onToken } : {}),
  });
  await remember(ctx, result, scope);
  ctx.afterResult?.(place, result);
  return result;
}

/** Keeps answers (for Sources) and the quiz whose buttons are live in `scope`. */
export async function remember(ctx: BotContext, result: CommandResult, scope: string): Promise<void> {
  if (result.kind === 'answer' && result.answer.id) await ctx.answers.set(result.answer.id, result.answer);
  const shown = shownQuestion(result);
  if (shown) await ctx.quizzes.set(scope, { quizId: shown.quizId, index: shown.index, ended: false });
  const ended = quizEnded(result);
  const open = await ctx.quizzes.get(scope);
  if (ended && open) await ctx.quizzes.set(scope, { ...open, ended: true });
}

/** The quiz question a result puts on screen (a new quiz, or the one after a closed question). */
export function shownQuestion(result: CommandResult): QuizQuestionView | undefined {
  return result.kind === 'quiz-question' ? result.question : result.kind === 'quiz-round' ? result.next : undefined;
}

/** True when a result ends the conversation's quiz. */
export function quizEnded(result: CommandResult): boolean {
  return (result.kind === 'quiz-round' && result.finished) || (result.kind === 'quiz-score' && result.finished);
}
