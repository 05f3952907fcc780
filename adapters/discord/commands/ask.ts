import type { ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import { answerWithText, slashCommand } from './shared.js';

/** /ask question: — a question answered from the guide, with sources. */
export const data = slashCommand('ask', 'Ask a career question; the answer cites the guide')
  .addStringOption((o) => o.setName('question').setDescription('e.g. What does the job pay?').setRequired(true));

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await answerWithText(interaction, ctx, interaction.options.getString('question', true));
}
