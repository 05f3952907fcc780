import { MessageFlags } from 'discord.js';
import type { ButtonInteraction } from 'discord.js';
import type { BotContext } from '../context.js';

/** 👍/👎: records the vote through the advisor and thanks the voter privately. */
export async function handleFeedbackButton(interaction: ButtonInteraction, ctx: BotContext, vote: 'up' | 'down', answerId: string): Promise<void> {
  ctx.advisor.recordFeedback({ answerId, userId: interaction.user.id, vote, platform: 'discord' });
  const content = vote === 'up' ? 'Thanks for the feedback! 👍' : 'Thanks for the feedback. 👎 noted; it helps improve the answers.';
  await interaction.reply({ content, flags: MessageFlags.Ephemeral });
}
