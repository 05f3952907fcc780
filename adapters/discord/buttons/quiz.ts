import { MessageFlags } from 'discord.js';
import type { ButtonInteraction } from 'discord.js';
import { runText, type BotContext } from '../context.js';
import { renderError, renderQuizQuestion, renderQuizVerdict, renderResult, renderScoreboard } from '../render/index.js';
import { sendToInteraction } from '../respond.js';
import { askerOf, interactionPlace } from '../commands/index.js';
import { quizScope } from '../conversation.js';

/**
 * A click on option A–D. The verdict (with explanation and citation) goes privately to the
 * player so others can still answer; when the answer closes the question, the next question or
 * the final scoreboard is posted publicly. Buttons of an earlier question or an ended quiz are
 * refused without asking the command layer, which only knows the current question: "quiz
 * answer B" would otherwise answer whatever question is open now.
 */
export async function handleQuizButton(interaction: ButtonInteraction, ctx: BotContext, quizId: string, index: number, option: string): Promise<void> {
  const place = interactionPlace(interaction);
  const open = await ctx.quizzes.get(quizScope(place));
  // Unknown (e.g. after a restart): let the command layer say whether a quiz is running.
  if (open && (open.quizId !== quizId || index < open.index || open.ended)) {
    const content =
      open.quizId === quizId && !open.ended
        ? `That question is closed; answer question ${open.index + 1} instead.`
        : 'That quiz has ended. Start a new one with /quiz start.';
    await interaction.reply({ content, flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const result = await runText(ctx, place, `quiz answer ${option}`, askerOf(interaction));
  if (result.kind !== 'quiz-feedback') {
    await sendToInteraction(interaction, result.kind === 'error' ? renderError(result.message) : { ...renderResult(result, 'channel'), ephemeral: true });
    return;
  }
  await sendToInteraction(interaction, renderQuizVerdict(result));
  if (result.next) {
    await sendToInteraction(interaction, { ...renderQuizQuestion(result.next), ephemeral: false });
  } else if (result.scoreboard) {
    await sendToInteraction(interaction, { ...renderScoreboard(result.scoreboard, true), ephemeral: false });
  }
}
