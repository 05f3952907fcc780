import { InteractionResponseType, InteractionType, MessageFlags, MessageType } from 'discord.js';
import type { APIMessage } from 'discord.js';
import { asRecord, gatewayMessage, isEphemeral, messageFieldsFromBody } from './message-body.js';
import { discordError, ErrorCode, json, noContent } from './router.js';
import type { Route, RouteContext, RouteResult } from './router.js';
import { messageCreateEvents, messageDeleteEvents } from './routes-channels.js';
import type { FakeDiscordStore, InteractionRecord, NewMessageFields } from './store.js';
import type { GatewayEvent } from './types.js';

/** Every InteractionResponseType value (numeric enum members only). */
const CALLBACK_TYPES: ReadonlySet<number> = new Set(
  Object.values(InteractionResponseType).filter((v): v is number => typeof v === 'number'),
);

const unknownWebhook = () => discordError(404, ErrorCode.UnknownWebhook, 'Unknown Webhook');
const unknownMessage = () => discordError(404, ErrorCode.UnknownMessage, 'Unknown Message');

/** Interaction callback and interaction-webhook (editReply, followUp, fetchReply) routes. */
export function interactionRoutes(): Route[] {
  const messageRoute = '/webhooks/:webhookId/:token/messages/:messageId';
  return [
    { method: 'POST', pattern: '/interactions/:interactionId/:token/callback', handler: callback },
    { method: 'POST', pattern: '/webhooks/:webhookId/:token', handler: followUp },
    { method: 'GET', pattern: messageRoute, handler: fetchWebhookMessage },
    { method: 'PATCH', pattern: messageRoute, handler: editWebhookMessage },
    { method: 'DELETE', pattern: messageRoute, handler: deleteWebhookMessage },
  ];
}

/** What an initial response produced: the `@original` message (if any) and echo events. */
interface CallbackOutcome {
  message: APIMessage | null;
  events: GatewayEvent[];
}

/**
 * `POST /interactions/:id/:token/callback`. Like Discord, an interaction can be acknowledged
 * once (40060 afterwards) and only if the fake dispatched it (10062 otherwise).
 * discord.js 14.28 always sends `?with_response=true|false`; `true` gets an
 * InteractionCallbackResponse body, `false` a 204.
 */
function callback({ store, params, body, files, query }: RouteContext): RouteResult {
  const record = store.interactions.get(params.token ?? '');
  if (!record || record.id !== params.interactionId) {
    return discordError(404, ErrorCode.UnknownInteraction, 'Unknown interaction');
  }
  if (record.acknowledged) {
    return discordError(400, ErrorCode.InteractionAlreadyAcknowledged, 'Interaction has already been acknowledged.');
  }
  const b = asRecord(body);
  const type = Number(b.type);
  if (!CALLBACK_TYPES.has(type)) return discordError(400, ErrorCode.InvalidFormBody, 'Invalid Form Body: type');
  record.acknowledged = true;
  const outcome = applyCallback(store, record, type, messageFieldsFromBody(store, b.data, files));
  record.originalMessageId = outcome.message?.id ?? null;
  if (query.get('with_response') !== 'true') return noContent(outcome.events);
  return json(callbackResponse(record, type, outcome.message), 200, outcome.events);
}

function applyCallback(store: FakeDiscordStore, record: InteractionRecord, type: number, data: NewMessageFields): CallbackOutcome {
  switch (type) {
    case InteractionResponseType.ChannelMessageWithSource:
      return created(store, createOriginal(store, record, data));
    case InteractionResponseType.DeferredChannelMessageWithSource:
      // A deferred reply shows "Bot is thinking..." as a loading message until edited.
      return created(store, createOriginal(store, record, { ...data, content: '', flags: (data.flags ?? 0) | MessageFlags.Loading }));
    case InteractionResponseType.DeferredMessageUpdate:
      return { message: sourceMessage(store, record), events: [] };
    case InteractionResponseType.UpdateMessage:
      return updated(store, record.sourceMessageId ? store.editMessage(record.sourceMessageId, data) : undefined);
    default:
      // Modals, autocomplete results, pongs: no message is involved.
      return { message: null, events: [] };
  }
}

function created(store: FakeDiscordStore, message: APIMessage): CallbackOutcome {
  return { message, events: messageCreateEvents(store, message) };
}

function updated(store: FakeDiscordStore, message: APIMessage | undefined): CallbackOutcome {
  if (!message) return { message: null, events: [] };
  return { message, events: [{ t: 'MESSAGE_UPDATE', d: gatewayMessage(store, message) }] };
}

function sourceMessage(store: FakeDiscordStore, record: InteractionRecord): APIMessage | null {
  return record.sourceMessageId ? (store.messages.get(record.sourceMessageId) ?? null) : null;
}

function createOriginal(store: FakeDiscordStore, record: InteractionRecord, data: NewMessageFields): APIMessage {
  const type = record.type === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Default;
  return store.createMessage(record.channelId, { ...webhookAuthorship(store), ...data, type });
}

/** Interaction responses are posted through the application's webhook. */
function webhookAuthorship(store: FakeDiscordStore): NewMessageFields {
  return { webhook_id: store.applicationId, application_id: store.applicationId };
}

function callbackResponse(record: InteractionRecord, type: number, message: APIMessage | null) {
  return {
    interaction: {
      id: record.id,
      type: record.type,
      response_message_id: message?.id,
      response_message_loading: type === InteractionResponseType.DeferredChannelMessageWithSource,
      response_message_ephemeral: message ? isEphemeral(message) : undefined,
    },
    resource: message ? { type, message } : { type },
  };
}

/** Finds the interaction a webhook route belongs to; only acknowledged interactions have a usable webhook. */
function webhookRecord(store: FakeDiscordStore, webhookId: string | undefined, token: string | undefined) {
  const record = store.interactions.get(token ?? '');
  return record && record.acknowledged && webhookId === store.applicationId ? record : undefined;
}

function resolveWebhookMessage(store: FakeDiscordStore, record: InteractionRecord, messageId: string | undefined) {
  const id = messageId === '@original' ? record.originalMessageId : messageId;
  return id ? store.messages.get(id) : undefined;
}

function followUp({ store, params, body, files }: RouteContext): RouteResult {
  const record = webhookRecord(store, params.webhookId, params.token);
  if (!record) return unknownWebhook();
  const fields = messageFieldsFromBody(store, body, files);
  const message = store.createMessage(record.channelId, { ...webhookAuthorship(store), ...fields });
  return json(message, 200, messageCreateEvents(store, message));
}

function fetchWebhookMessage({ store, params }: RouteContext): RouteResult {
  const record = webhookRecord(store, params.webhookId, params.token);
  if (!record) return unknownWebhook();
  const message = resolveWebhookMessage(store, record, params.messageId);
  return message ? json(message) : unknownMessage();
}

function editWebhookMessage({ store, params, body, files }: RouteContext): RouteResult {
  const record = webhookRecord(store, params.webhookId, params.token);
  if (!record) return unknownWebhook();
  const message = resolveWebhookMessage(store, record, params.messageId);
  if (!message) return unknownMessage();
  const edited = store.editMessage(message.id, messageFieldsFromBody(store, body, files));
  if (!edited) return unknownMessage();
  const events = isEphemeral(edited) ? [] : [{ t: 'MESSAGE_UPDATE', d: gatewayMessage(store, edited) }];
  return json(edited, 200, events);
}

function deleteWebhookMessage({ store, params }: RouteContext): RouteResult {
  const record = webhookRecord(store, params.webhookId, params.token);
  if (!record) return unknownWebhook();
  const message = resolveWebhookMessage(store, record, params.messageId);
  if (!message) return unknownMessage();
  store.messages.delete(message.id);
  return noContent(messageDeleteEvents(store, message));
}
