import { MessageFlags, Routes } from 'discord.js';
import type { ChatInputCommandInteraction, Client } from 'discord.js';
import type { PendingQuestion } from '../../src/inbox/index.js';
import { inboxText } from '../shared/pending-questions.js';
import { runText, type Asker, type BotContext } from './context.js';
import { surfaceOf, type Place } from './conversation.js';
import { renderResult, type MessagePayload } from './render/index.js';
import { sendToChannel } from './respond.js';

/**
 * What is stored for a slash command before it is deferred: enough to answer it after a restart
 * and to edit the "thinking…" reply it left behind (the interaction token works for 15 minutes,
 * about the inbox's default age limit).
 */
export interface DiscordPendingInteraction {
  kind: 'interaction';
  text: string;
  place: Place;
  asker: Asker;
  applicationId: string;
  token: string;
}

export function pendingInteraction(interaction: ChatInputCommandInteraction, text: string, place: Place, asker: Asker): PendingQuestion {
  // Kept on disk until answered: minimized, like the store's copy.
  const payload: DiscordPendingInteraction = { kind: 'interaction', text: inboxText(text), place, asker, applicationId: interaction.applicationId, token: interaction.token };
  return { id: `discord:${interaction.id}`, platform: 'discord', payload, receivedAt: Date.now() };
}

const body = (payload: MessagePayload, ephemeral: boolean) => ({ content: payload.content ?? '', embeds: payload.embeds, components: payload.components, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });

/**
 * Answers a slash command recovered after a restart: the answer replaces the "thinking…" reply
 * (through the interaction's webhook); when that is no longer possible (token expired, reply
 * deleted), it is posted in the channel, mentioning the asker.
 */
export async function recoverInteraction(ctx: BotContext, client: Client<true>, payload: DiscordPendingInteraction): Promise<void> {
  const result = await runText(ctx, payload.place, payload.text, payload.asker);
  const rendered = renderResult(result, surfaceOf(payload.place));
  const [first, ...rest] = rendered.messages;
  if (!first) return;
  try {
    await client.rest.patch(Routes.webhookMessage(payload.applicationId, payload.token, '@original'), { body: body(first, false), auth: false });
    for (const message of rest) await client.rest.post(Routes.webhook(payload.applicationId, payload.token), { body: body(message, rendered.ephemeral), auth: false });
  } catch (error) {
    ctx.logger.info({ err: String(error) }, 'could not edit the reply of a recovered slash command; posting in the channel');
    const channel = await client.channels.fetch(payload.place.channelId);
    if (!channel?.isSendable()) throw new Error(`channel ${payload.place.channelId} is not sendable`);
    await sendToChannel(channel, rendered, { content: `<@${payload.asker.id}> here is the answer to “${payload.text}”:`, userIds: [payload.asker.id] });
  }
}
