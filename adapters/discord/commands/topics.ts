import type { ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import { answerWithText, slashCommand } from './shared.js';

/** /topics [query:] — the guide's outline, or the section matching the query. */
export const data = slashCommand('topics', "The guide's sections, or one section")
  .addStringOption((o) => o.setName('query').setDescription('A section to show, e.g. salary'));

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const query = interaction.options.getString('query')?.trim();
  await answerWithText(interaction, ctx, query ? `topics ${query}` : 'topics');
}
