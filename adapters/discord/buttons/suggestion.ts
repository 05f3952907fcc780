import type { ButtonInteraction } from 'discord.js';
import { runText, type BotContext } from '../context.js';
import { surfaceOf } from '../conversation.js';
import { askerOf, interactionPlace } from '../commands/shared.js';
import { renderResult } from '../render/index.js';
import { replyWithError, sendToInteraction } from '../respond.js';

/** A refusal's suggestion: asked in the clicker's name, answered in the channel like a typed message. */
export async function handleSuggestionButton(interaction: ButtonInteraction, ctx: BotContext, answerId: string, index: number): Promise<void> {
  const text = (await ctx.answers.get(answerId))?.suggestions?.[index];
  if (!text) return replyWithError(interaction, 'That suggestion has expired (I was restarted since). Type the question instead.');
  await interaction.deferReply();
  const place = interactionPlace(interaction);
  const result = await runText(ctx, place, text, askerOf(interaction));
  await sendToInteraction(interaction, renderResult(result, surfaceOf(place)));
}
