import type { CommandResult } from '../../src/commands/types.js';
import { quizEnded, runText, shownQuestion, type Asker, type BotContext } from './context.js';
import { quizScope, type Place } from './conversation.js';
import { errorFields } from './logger.js';
import { renderQuizRound } from './render/index.js';
import { sendToChannel } from './respond.js';

/** Who closes a question whose time ran out (no person: the command layer only needs an id). */
const ROUND_TIMER: Asker = { id: 'quiz-round-timer' };

/** Starts the timer of the question a result shows in `place`, or stops the timer when the quiz ended. */
export function timeQuizRound(ctx: BotContext, place: Place, result: CommandResult): void {
  const scope = quizScope(place);
  const shown = shownQuestion(result);
  if (shown?.closesAt !== undefined) {
    const { quizId, index } = shown;
    ctx.rounds.set(scope, shown.closesAt, () => closeOnTime(ctx, place, quizId, index));
  } else if (quizEnded(result)) ctx.rounds.cancel(scope);
}

/** The question's time ran out: close it (unless answers already did) and tell the channel. */
async function closeOnTime(ctx: BotContext, place: Place, quizId: string, index: number): Promise<void> {
  try {
    const result = await runText(ctx, place, `quiz close ${quizId} ${index}`, ROUND_TIMER);
    if (result.kind === 'quiz-round') await announceRound(ctx, place, result);
  } catch (error) {
    ctx.logger.warn({ ...errorFields(error), channelId: place.channelId }, 'could not close a quiz question whose time ran out');
  }
}

/** Posts a closed question (answer, cited line, scores) and the next question to the quiz's channel or thread. */
export async function announceRound(ctx: BotContext, place: Place, result: Extract<CommandResult, { kind: 'quiz-round' }>): Promise<void> {
  const channel = await ctx.client?.channels.fetch(place.threadId ?? place.channelId);
  if (!channel?.isSendable()) {
    ctx.logger.warn({ channelId: place.channelId }, 'cannot post the quiz round: the channel is not available to the bot');
    return;
  }
  await sendToChannel(channel, renderQuizRound(result));
}
