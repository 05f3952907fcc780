import type { Answer } from '../../src/answer/index.js';
import type { CommandHandler, CommandResult, Feedback } from '../../src/commands/types.js';
import type { Config } from '../../src/config/index.js';
import { BoundedMap } from './bounded-map.js';
import { conversationIdFor, quizScope, type Place } from './conversation.js';
import type { DiscordLogger } from './logger.js';

/** The part of the advisor the bot calls directly (everything else goes through commands). */
export interface FeedbackRecorder {
  recordFeedback(feedback: Feedback): void;
}

/** A channel's current quiz as far as its buttons are concerned. */
export interface OpenQuiz {
  quizId: string;
  /** Index of the open question; `Infinity` once the quiz has ended. */
  index: number;
}

/** Everything a handler needs; one per running bot. */
export interface BotContext {
  config: Config;
  advisor: FeedbackRecorder;
  commands: CommandHandler;
  logger: DiscordLogger;
  /** Recent answers by id, so the "Sources" button can quote them. */
  answers: BoundedMap<string, Answer>;
  /** The quiz shown last in each quiz scope (channel or thread) and its open question; other buttons are closed. */
  quizzes: BoundedMap<string, OpenQuiz>;
}

export function createBotContext(options: Pick<BotContext, 'config' | 'advisor' | 'commands' | 'logger'>): BotContext {
  return { ...options, answers: new BoundedMap(2000), quizzes: new BoundedMap(500) };
}

/** Who is asking, as the command layer wants it. */
export interface Asker {
  id: string;
  name?: string;
}

/** Runs one command text through the command layer in the right conversation and remembers what buttons will need. */
export async function runText(ctx: BotContext, place: Place, text: string, asker: Asker, onToken?: (token: string) => void): Promise<CommandResult> {
  const scope = quizScope(place);
  const quizOpen = Number.isFinite(ctx.quizzes.get(scope)?.index ?? Number.POSITIVE_INFINITY);
  const result = await ctx.commands.handle({
    text,
    conversationId: conversationIdFor(place, text, { quizOpen }),
    userId: asker.id,
    ...(asker.name ? { userName: asker.name } : {}),
    platform: 'discord',
    // A thread belongs to its parent channel's place.
    ...(place.guildId ? { place: { workspace: place.guildId, channel: place.parentId ?? place.channelId } } : {}),
    ...(onToken ? { onToken } : {}),
  });
  remember(ctx, result, scope);
  return result;
}

/** Keeps answers (for Sources) and the quiz whose buttons are live in `scope`. */
export function remember(ctx: BotContext, result: CommandResult, scope: string): void {
  if (result.kind === 'answer' && result.answer.id) ctx.answers.set(result.answer.id, result.answer);
  const shown = result.kind === 'quiz-question' ? result.question : result.kind === 'quiz-feedback' ? result.next : undefined;
  if (shown) ctx.quizzes.set(scope, { quizId: shown.quizId, index: shown.index });
  const ended = (result.kind === 'quiz-feedback' && !result.next && result.scoreboard) || (result.kind === 'quiz-score' && result.finished);
  const open = ctx.quizzes.get(scope);
  if (ended && open) ctx.quizzes.set(scope, { ...open, index: Number.POSITIVE_INFINITY });
}
