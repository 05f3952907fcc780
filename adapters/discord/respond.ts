import { MessageFlags } from 'discord.js';
import type { Message, MessageMentionOptions, RepliableInteraction, SendableChannels } from 'discord.js';
import { DISCORD_LIMITS, type MessagePayload, type Rendered } from './render/index.js';
import { DISCORD_EDIT_INTERVAL_MS, previewText, StreamThrottle } from '../shared/stream-throttle.js';
import { errorFields, type DiscordLogger } from './logger.js';

/** Options every send method accepts (message reply, channel send, interaction reply/edit/follow-up). */
type SendOptions = Pick<MessagePayload, 'content' | 'embeds' | 'components'> & { allowedMentions?: MessageMentionOptions };

function toOptions(payload: MessagePayload): SendOptions {
  return { ...(payload.content ? { content: payload.content } : {}), embeds: payload.embeds, components: payload.components };
}

/**
 * Sends a rendered result as the interaction's response: `reply` if not yet acknowledged,
 * otherwise `editReply` of the deferred reply, then follow-ups for the remaining messages.
 * `previewShown`: the deferred reply was edited into a streaming preview, which the result replaces.
 */
export async function sendToInteraction(interaction: RepliableInteraction, rendered: Rendered, options: { previewShown?: boolean } = {}): Promise<void> {
  const [first, ...rest] = rendered.messages;
  if (!first) return;
  let ephemeral = rendered.ephemeral;
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply({ ...toOptions(first), ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
  } else if (interaction.deferred && (!interaction.replied || options.previewShown)) {
    if (ephemeral && !interaction.ephemeral) {
      // A public "thinking…" placeholder cannot turn private: answer privately and remove it.
      await interaction.followUp({ ...toOptions(first), flags: MessageFlags.Ephemeral });
      await interaction.deleteReply().catch(() => undefined);
    } else {
      // Edits keep old fields unless replaced, so clear the placeholder content explicitly.
      await interaction.editReply({ ...toOptions(first), content: first.content ?? '' });
      ephemeral = interaction.ephemeral ?? false;
    }
  } else {
    await interaction.followUp({ ...toOptions(first), ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
  }
  for (const payload of rest) {
    await interaction.followUp({ ...toOptions(payload), ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
  }
}

/** Replaces the interaction's (already sent) reply with a rendered result; the rest follows up. */
export async function replaceReply(interaction: RepliableInteraction, rendered: Rendered): Promise<void> {
  const [first, ...rest] = rendered.messages;
  if (!first) return;
  await interaction.editReply({ ...toOptions(first), content: first.content ?? '' });
  for (const payload of rest) await interaction.followUp(toOptions(payload));
}

/**
 * Sends a rendered result as a reply to a message (the rest as plain messages in the same channel);
 * with `preview` (the reply already sent as a streaming preview), that message is edited instead.
 */
export async function sendToMessage(message: Message, rendered: Rendered, preview?: Message): Promise<void> {
  const [first, ...rest] = rendered.messages;
  if (!first) return;
  if (preview) await preview.edit({ ...toOptions(first), content: first.content ?? '' });
  else await message.reply(toOptions(first));
  for (const payload of rest) {
    if (message.channel.isSendable()) await message.channel.send(toOptions(payload));
  }
}

/** Sends a rendered result into a channel or thread; `prefix` goes in front of the first message's content. */
export async function sendToChannel(channel: SendableChannels, rendered: Rendered, prefix?: { content: string; userIds: string[] }): Promise<void> {
  for (const [i, payload] of rendered.messages.entries()) {
    const options = toOptions(payload);
    if (i === 0 && prefix) {
      options.content = [prefix.content, payload.content].filter(Boolean).join('\n');
      // Mentioning the asker adds them to a new thread and tells them where the conversation went.
      options.allowedMentions = { parse: [], users: prefix.userIds };
    }
    await channel.send(options);
  }
}

/** Tells the user something went wrong, privately, whatever state the interaction is in. */
export async function replyWithError(interaction: RepliableInteraction, text: string): Promise<void> {
  const content = `⚠️ ${text}`;
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply({ content, flags: MessageFlags.Ephemeral });
  } else if (interaction.deferred && !interaction.replied && interaction.ephemeral) {
    await interaction.editReply({ content, embeds: [], components: [] });
  } else {
    const placeholder = interaction.deferred && !interaction.replied;
    await interaction.followUp({ content, flags: MessageFlags.Ephemeral });
    // Remove the public "thinking…" placeholder that would otherwise spin forever.
    if (placeholder) await interaction.deleteReply().catch(() => undefined);
  }
}

/**
 * A throttled live preview of a streamed answer (about one edit per second per message, as Discord allows).
 * `show` sends or edits the preview message; failures are logged and never stop the final answer.
 */
export function discordPreview(logger: DiscordLogger, show: (content: string) => Promise<void>, where: Record<string, unknown>): StreamThrottle {
  return new StreamThrottle({
    intervalMs: DISCORD_EDIT_INTERVAL_MS,
    preview: (text) => previewText(text, DISCORD_LIMITS.content),
    edit: show,
    onError: (error) => logger.warn({ ...errorFields(error), ...where }, 'could not show the streaming preview'),
  });
}
