import { ChannelType, MessageFlags } from 'discord.js';
import type {
  APIAttachment,
  APIEmbed,
  APIMessage,
  APIMessageTopLevelComponent,
  GatewayMessageCreateDispatchData,
  TextChannelType,
} from 'discord.js';
import type { FakeDiscordStore, NewMessageFields } from './store.js';
import type { RecordedFile } from './types.js';

/** Treats an unknown JSON body as a record (empty for non-objects). */
export function asRecord(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** Extracts the message fields Discord would persist from a create/edit request body. */
export function messageFieldsFromBody(store: FakeDiscordStore, body: unknown, files: RecordedFile[]): NewMessageFields {
  const b = asRecord(body);
  const fields: NewMessageFields = {};
  if (typeof b.content === 'string') fields.content = b.content;
  if (Array.isArray(b.embeds)) fields.embeds = b.embeds as APIEmbed[];
  if (Array.isArray(b.components)) fields.components = b.components as APIMessageTopLevelComponent[];
  if (typeof b.flags === 'number') fields.flags = b.flags;
  if (typeof b.tts === 'boolean') fields.tts = b.tts;
  if (files.length > 0) fields.attachments = files.map((file) => toAttachment(store, file));
  return fields;
}

/** True when the message is only visible to one user, so Discord sends no gateway event for it. */
export function isEphemeral(message: APIMessage): boolean {
  return ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
}

/**
 * The MESSAGE_CREATE/MESSAGE_UPDATE shape of a stored message: adds `guild_id`, the
 * author's `member` and `channel_type`, which Discord includes on the gateway only.
 */
export function gatewayMessage(store: FakeDiscordStore, message: APIMessage): GatewayMessageCreateDispatchData {
  const guildId = store.guildIdOf(message.channel_id);
  const channelType = store.channels.get(message.channel_id)?.type;
  const payload: GatewayMessageCreateDispatchData = { ...message };
  if (channelType !== undefined && channelType !== ChannelType.GuildCategory) {
    payload.channel_type = channelType as TextChannelType;
  }
  if (!guildId) return payload;
  payload.guild_id = guildId;
  const member = store.members.get(message.author.id);
  if (member) {
    const { user: _user, ...memberWithoutUser } = member;
    payload.member = memberWithoutUser;
  }
  return payload;
}

function toAttachment(store: FakeDiscordStore, file: RecordedFile): APIAttachment {
  const id = store.ids.next();
  const url = `https://cdn.discordapp.com/attachments/fake/${id}/${encodeURIComponent(file.filename)}`;
  return { id, filename: file.filename, size: file.size, url, proxy_url: url, content_type: file.contentType };
}
