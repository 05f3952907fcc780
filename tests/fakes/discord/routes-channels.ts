import { ChannelType, MessageFlags, MessageType } from 'discord.js';
import type { APIChannel, APIMessage, APIMessageReference, ThreadChannelType } from 'discord.js';
import { asRecord, gatewayMessage, isEphemeral, messageFieldsFromBody } from './message-body.js';
import { discordError, ErrorCode, json, noContent } from './router.js';
import type { Route, RouteContext, RouteResult } from './router.js';
import type { FakeDiscordStore } from './store.js';
import type { GatewayEvent } from './types.js';

const unknownChannel = () => discordError(404, ErrorCode.UnknownChannel, 'Unknown Channel');
const unknownMessage = () => discordError(404, ErrorCode.UnknownMessage, 'Unknown Message');

/** MESSAGE_CREATE echo for a message, unless ephemeral (those never reach the gateway). */
export function messageCreateEvents(store: FakeDiscordStore, message: APIMessage): GatewayEvent[] {
  return isEphemeral(message) ? [] : [{ t: 'MESSAGE_CREATE', d: gatewayMessage(store, message) }];
}

/** MESSAGE_DELETE echo for a removed message. */
export function messageDeleteEvents(store: FakeDiscordStore, message: APIMessage): GatewayEvent[] {
  const guildId = store.guildIdOf(message.channel_id);
  return [{ t: 'MESSAGE_DELETE', d: { id: message.id, channel_id: message.channel_id, ...(guildId ? { guild_id: guildId } : {}) } }];
}

/** Channel, message, thread, typing, reaction and DM routes. */
export function channelRoutes(): Route[] {
  return [
    { method: 'GET', pattern: '/channels/:channelId', handler: getChannel },
    { method: 'GET', pattern: '/channels/:channelId/messages', handler: listMessages },
    { method: 'POST', pattern: '/channels/:channelId/messages', handler: createMessage },
    { method: 'GET', pattern: '/channels/:channelId/messages/:messageId', handler: getMessage },
    { method: 'PATCH', pattern: '/channels/:channelId/messages/:messageId', handler: editMessage },
    { method: 'DELETE', pattern: '/channels/:channelId/messages/:messageId', handler: deleteMessage },
    { method: 'POST', pattern: '/channels/:channelId/typing', handler: () => noContent() },
    { method: 'PUT', pattern: '/channels/:channelId/messages/:messageId/reactions/:emoji/@me', handler: react },
    { method: 'DELETE', pattern: '/channels/:channelId/messages/:messageId/reactions/:emoji/@me', handler: react },
    { method: 'POST', pattern: '/channels/:channelId/messages/:messageId/threads', handler: threadFromMessage },
    { method: 'POST', pattern: '/channels/:channelId/threads', handler: threadWithoutMessage },
    { method: 'POST', pattern: '/users/@me/channels', handler: openDm },
  ];
}

function getChannel({ store, params }: RouteContext): RouteResult {
  const channel = store.channels.get(params.channelId ?? '');
  return channel ? json(channel) : unknownChannel();
}

function listMessages({ store, params, query }: RouteContext): RouteResult {
  if (!store.channels.has(params.channelId ?? '')) return unknownChannel();
  const limit = Number(query.get('limit') ?? 50);
  const inChannel = [...store.messages.values()].filter((m) => m.channel_id === params.channelId);
  // Discord returns the newest messages first.
  return json(inChannel.reverse().slice(0, limit));
}

function getMessage({ store, params }: RouteContext): RouteResult {
  const message = store.messages.get(params.messageId ?? '');
  return message && message.channel_id === params.channelId ? json(message) : unknownMessage();
}

function createMessage(ctx: RouteContext): RouteResult {
  const { store, params, body, files } = ctx;
  const channelId = params.channelId ?? '';
  if (!store.channels.has(channelId)) return unknownChannel();
  const reference = resolveReference(store, channelId, asRecord(body).message_reference);
  if (reference === 'invalid') {
    return discordError(400, ErrorCode.InvalidFormBody, 'Invalid Form Body: message_reference: Unknown message');
  }
  const message = store.createMessage(channelId, {
    ...messageFieldsFromBody(store, body, files),
    ...(reference ? referenceFields(store, reference) : {}),
  });
  return json(message, 200, messageCreateEvents(store, message));
}

/**
 * Resolves `message_reference` like Discord: unknown targets fail unless
 * `fail_if_not_exists` is false, in which case the reply is sent as a plain message.
 */
function resolveReference(store: FakeDiscordStore, channelId: string, raw: unknown): APIMessageReference | null | 'invalid' {
  const ref = asRecord(raw);
  if (typeof ref.message_id !== 'string') return null;
  const target = store.messages.get(ref.message_id);
  if (!target) return ref.fail_if_not_exists === false ? null : 'invalid';
  const guildId = store.guildIdOf(channelId);
  return { type: 0, message_id: target.id, channel_id: target.channel_id, ...(guildId ? { guild_id: guildId } : {}) };
}

function referenceFields(store: FakeDiscordStore, reference: APIMessageReference): Partial<APIMessage> {
  const referenced = store.messages.get(reference.message_id ?? '') ?? null;
  return { type: MessageType.Reply, message_reference: reference, referenced_message: referenced };
}

function editMessage({ store, params, body, files }: RouteContext): RouteResult {
  const existing = store.messages.get(params.messageId ?? '');
  if (!existing || existing.channel_id !== params.channelId) return unknownMessage();
  if (existing.author.id !== store.bot.id) {
    return discordError(403, 50005, 'Cannot edit a message authored by another user');
  }
  const updated = store.editMessage(existing.id, messageFieldsFromBody(store, body, files));
  if (!updated) return unknownMessage();
  return json(updated, 200, [{ t: 'MESSAGE_UPDATE', d: gatewayMessage(store, updated) }]);
}

function deleteMessage({ store, params }: RouteContext): RouteResult {
  const existing = store.messages.get(params.messageId ?? '');
  if (!existing || existing.channel_id !== params.channelId) return unknownMessage();
  store.messages.delete(existing.id);
  return noContent(messageDeleteEvents(store, existing));
}

function react({ store, params }: RouteContext): RouteResult {
  return store.messages.has(params.messageId ?? '') ? noContent() : unknownMessage();
}

/** Threads started from a message get the message's id, which discord.js relies on (`message.thread`). */
function threadFromMessage({ store, params, body }: RouteContext): RouteResult {
  const parent = store.channels.get(params.channelId ?? '');
  if (!parent) return unknownChannel();
  if (!canHoldThreads(parent)) return discordError(400, 50024, 'Cannot execute action on this channel type');
  const message = store.messages.get(params.messageId ?? '');
  if (!message || message.channel_id !== parent.id) return unknownMessage();
  if (store.channels.has(message.id)) return discordError(400, 160004, 'A thread has already been created for this message');
  const thread = store.addThread({ id: message.id, parentId: parent.id, name: threadName(body), type: ChannelType.PublicThread });
  store.messages.set(message.id, { ...message, thread, flags: (message.flags ?? 0) | MessageFlags.HasThread });
  return json(thread, 201, [{ t: 'THREAD_CREATE', d: { ...thread, newly_created: true } }]);
}

function threadWithoutMessage({ store, params, body }: RouteContext): RouteResult {
  const parent = store.channels.get(params.channelId ?? '');
  if (!parent) return unknownChannel();
  if (!canHoldThreads(parent)) return discordError(400, 50024, 'Cannot execute action on this channel type');
  // The API defaults to a private thread when no type is given.
  const type = (asRecord(body).type as ThreadChannelType | undefined) ?? ChannelType.PrivateThread;
  const thread = store.addThread({ parentId: parent.id, name: threadName(body), type });
  return json(thread, 201, [{ t: 'THREAD_CREATE', d: { ...thread, newly_created: true } }]);
}

function canHoldThreads(channel: APIChannel): boolean {
  return channel.type === ChannelType.GuildText || channel.type === ChannelType.GuildAnnouncement;
}

function threadName(body: unknown): string {
  const name = asRecord(body).name;
  return typeof name === 'string' && name.length > 0 ? name : 'thread';
}

function openDm({ store, body }: RouteContext): RouteResult {
  const recipientId = asRecord(body).recipient_id;
  const user = typeof recipientId === 'string' ? store.users.get(recipientId) : undefined;
  if (!user) return discordError(404, ErrorCode.UnknownUser, 'Unknown User');
  return json(store.dmChannelFor(user));
}
