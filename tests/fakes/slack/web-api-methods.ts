import { FAKE_IDS, nextTs, randomId } from './fake-ids.js';
import type { FakeMessageStore, StoredMessage } from './message-store.js';
import type { DecodedBody } from './request-body.js';

/** Who the fake workspace says the bot is (returned by `auth.test`). */
export interface FakeSlackIdentity {
  readonly teamId: string;
  readonly team: string;
  readonly url: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly userName: string;
  readonly appId: string;
}

/** The default identity, consistent with {@link FAKE_IDS}. */
export const DEFAULT_IDENTITY: FakeSlackIdentity = {
  teamId: FAKE_IDS.teamId,
  team: 'Fake Team',
  url: `https://${FAKE_IDS.teamDomain}.slack.com/`,
  botUserId: FAKE_IDS.botUserId,
  botId: FAKE_IDS.botId,
  userName: 'career-bot',
  appId: FAKE_IDS.appId,
};

/** One Web API request as a method handler sees it. */
export interface ApiRequest {
  readonly method: string;
  readonly body: DecodedBody;
  /** Token from `Authorization: Bearer …` (how WebClient sends it) or the `token` body field. */
  readonly token: string | undefined;
}

/** A Web API JSON result; `ok` must be set. */
export type ApiResult = { ok: boolean } & Record<string, unknown>;

/** Computes the JSON response for one Web API method. */
export type MethodHandler = (request: ApiRequest) => ApiResult | Promise<ApiResult>;

interface HandlerContext {
  readonly identity: FakeSlackIdentity;
  readonly messages: FakeMessageStore;
}

/** The built-in behaviour of the fake Web API, keyed by method name. Unlisted methods answer `{ ok: true }`. */
export function defaultMethodHandlers(context: HandlerContext): Map<string, MethodHandler> {
  return new Map<string, MethodHandler>([
    ['auth.test', () => authTest(context.identity)],
    ['chat.postMessage', ({ body }) => postMessage(context, body)],
    ['chat.postEphemeral', ({ body }) => postEphemeral(body)],
    ['chat.update', ({ body }) => updateMessage(context, body)],
    ['views.open', ({ body }) => openView(context.identity, body)],
    ['conversations.replies', ({ body }) => replies(context.messages, body)],
    // Without an attached FakeSocketModeServer there is no URL to hand out. `invalid_auth` is one of the errors the
    // socket-mode client treats as unrecoverable, so a misconfigured test fails fast instead of retrying forever.
    ['apps.connections.open', () => ({ ok: false, error: 'invalid_auth' })],
  ]);
}

function authTest(identity: FakeSlackIdentity): ApiResult {
  return {
    ok: true,
    url: identity.url,
    team: identity.team,
    user: identity.userName,
    team_id: identity.teamId,
    user_id: identity.botUserId,
    bot_id: identity.botId,
    app_id: identity.appId,
    is_enterprise_install: false,
  };
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function postMessage({ identity, messages }: HandlerContext, body: DecodedBody): ApiResult {
  const channel = str(body.channel);
  if (channel === undefined) return { ok: false, error: 'channel_not_found' };
  if (str(body.text) === undefined && body.blocks === undefined && body.attachments === undefined) {
    return { ok: false, error: 'no_text' };
  }
  const message = messages.add(botMessage(identity, channel, nextTs(), body));
  return { ok: true, channel, ts: message.ts, message: withoutChannel(message) };
}

function botMessage(identity: FakeSlackIdentity, channel: string, ts: string, body: DecodedBody): StoredMessage {
  const message: StoredMessage = {
    channel,
    ts,
    type: 'message',
    user: identity.botUserId,
    bot_id: identity.botId,
    app_id: identity.appId,
    team: identity.teamId,
    text: str(body.text) ?? '',
  };
  if (body.blocks !== undefined) message.blocks = body.blocks;
  const threadTs = str(body.thread_ts);
  if (threadTs !== undefined) message.thread_ts = threadTs;
  return message;
}

function withoutChannel(message: StoredMessage): Record<string, unknown> {
  const { channel: _channel, ...rest } = message;
  return rest;
}

function postEphemeral(body: DecodedBody): ApiResult {
  if (str(body.channel) === undefined) return { ok: false, error: 'channel_not_found' };
  if (str(body.user) === undefined) return { ok: false, error: 'user_not_in_channel' };
  return { ok: true, message_ts: nextTs() };
}

function updateMessage({ messages }: HandlerContext, body: DecodedBody): ApiResult {
  const channel = str(body.channel) ?? '';
  const ts = str(body.ts) ?? '';
  const patch: Partial<StoredMessage> = { edited: { ts: nextTs() } };
  if (body.text !== undefined) patch.text = str(body.text) ?? '';
  if (body.blocks !== undefined) patch.blocks = body.blocks;
  const updated = messages.update(channel, ts, patch);
  if (updated === undefined) return { ok: false, error: 'message_not_found' };
  return { ok: true, channel, ts, text: updated.text, message: withoutChannel(updated) };
}

function openView(identity: FakeSlackIdentity, body: DecodedBody): ApiResult {
  if (typeof body.view !== 'object' || body.view === null) return { ok: false, error: 'invalid_arguments' };
  const view = { ...(body.view as Record<string, unknown>), id: randomId('V'), team_id: identity.teamId };
  return { ok: true, view: { ...view, app_id: identity.appId, bot_id: identity.botId, hash: randomId('') } };
}

function replies(messages: FakeMessageStore, body: DecodedBody): ApiResult {
  const channel = str(body.channel) ?? '';
  const ts = str(body.ts) ?? '';
  // Real Slack answers `thread_not_found` for unknown threads; an empty list is friendlier for tests that never
  // seeded history. Override with `setHandler('conversations.replies', …)` to simulate errors.
  const thread = messages.thread(channel, ts).map(withoutChannel);
  return { ok: true, messages: thread, has_more: false, response_metadata: { next_cursor: '' } };
}
