import type { ButtonInteraction } from 'discord.js';
import { shownSources } from '../../../src/answer/index.js';
import type { BotContext } from '../context.js';
import { renderError, renderQuotes } from '../render/index.js';
import { sendToInteraction } from '../respond.js';

/** "Sources": the guide lines the answer quoted, shown only to whoever clicked. */
export async function handleSourcesButton(interaction: ButtonInteraction, ctx: BotContext, answerId: string): Promise<void> {
  const answer = await ctx.answers.get(answerId);
  const sources = answer && shownSources(answer);
  const rendered = answer
    ? renderQuotes(sources?.citations ?? [], sources?.title ?? 'Sources')
    : renderError('I no longer have the sources of this answer (I was restarted since). Ask the question again to see them.');
  await sendToInteraction(interaction, { ...rendered, ephemeral: true });
}
