import { MessageFlags } from 'discord.js';
import type { ButtonInteraction } from 'discord.js';
import { runText, type BotContext } from '../context.js';
import { renderError, renderResult } from '../render/index.js';
import { sendToInteraction } from '../respond.js';
import { askerOf, interactionPlace } from '../commands/index.js';
import { quizScope } from '../conversation.js';
import { announceRound } from '../quiz-rounds.js';

/**
 * A click on option A–D. The player alone hears that their answer is in (or that they already
 * answered); nobody learns the answer until the question closes. When this click closes it (the
 * last answer needed, or after its time ran out), the answer, the cited line and the scores are
 * posted to the channel with the next question. Buttons of an earlier question or an ended quiz
 * are refused without asking the command layer, which only knows the open question.
 */
export async function handleQuizButton(interaction: ButtonInteraction, ctx: BotContext, quizId: string, index: number, option: string): Promise<void> {
  const place = interactionPlace(interaction);
  const open = await ctx.quizzes.get(quizScope(place));
  // Unknown (e.g. after a restart): let the command layer say whether a quiz is running.
  if (open && (open.quizId !== quizId || index < open.index || open.ended)) {
    const content =
      open.quizId === quizId && !open.ended ? `That question has closed; question ${open.index + 1} is open now.` : 'That quiz has ended. Start a new one with /quiz start.';
    await interaction.reply({ content, flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const result = await runText(ctx, place, `quiz answer ${option}`, askerOf(interaction));
  if (result.kind !== 'quiz-round') {
    await sendToInteraction(interaction, result.kind === 'error' ? renderError(result.message) : { ...renderResult(result, 'channel'), ephemeral: true });
    return;
  }
  await sendToInteraction(interaction, renderError(result.notice ?? 'Your answer is in.'));
  await announceRound(ctx, place, result);
}
