import type { ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import { answerWithText, slashCommand } from './shared.js';

/** /help — what the bot can do (only the asker sees it). */
export const data = slashCommand('help', 'What I can do and how to ask');

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await answerWithText(interaction, ctx, 'help', { ephemeral: true });
}
