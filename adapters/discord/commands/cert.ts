import type { ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import { answerWithText, slashCommand } from './shared.js';

/** /cert code: [compare:] — a certification card, or two compared. */
export const data = slashCommand('cert', 'A certification card (CPC, CCS, CCS-P, CCA, ...) or a comparison of two')
  .addStringOption((o) => o.setName('code').setDescription('Certification acronym, e.g. CPC').setMaxLength(20))
  .addStringOption((o) => o.setName('compare').setDescription('A second certification to compare with, e.g. CCS').setMaxLength(20));

/** The command text for the options: "cert", "cert CPC" or "cert compare CPC CCS". */
export function certText(code: string | null, compare: string | null): string {
  const first = code?.trim();
  const second = compare?.trim();
  if (first && second) return `cert compare ${first} ${second}`;
  if (first || second) return `cert ${first || second}`;
  return 'cert';
}

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await answerWithText(interaction, ctx, certText(interaction.options.getString('code'), interaction.options.getString('compare')));
}
