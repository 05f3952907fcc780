import { FAKE_IDS, nextTs, randomId } from './fake-ids.js';

/** Common inputs for message-like events. Field names mirror Slack's. */
export interface MessageEventOptions {
  readonly text?: string;
  readonly user?: string;
  readonly channel?: string;
  readonly ts?: string;
  readonly thread_ts?: string;
  readonly team?: string;
}

/** A Slack event object (the `event` field of an event_callback). */
export type SlackEvent = { type: string } & Record<string, unknown>;

/** Options for the event_callback envelope. */
export interface EventCallbackOptions {
  readonly event_id?: string;
  readonly event_time?: number;
  readonly team_id?: string;
  readonly api_app_id?: string;
  /** The bot user the event is delivered for (goes into `authorizations`). */
  readonly botUserId?: string;
}

/** The Events API body Slack POSTs (HTTP) or wraps in an `events_api` envelope (Socket Mode). */
export interface EventCallbackBody {
  readonly type: 'event_callback';
  readonly token: string;
  readonly team_id: string;
  readonly api_app_id: string;
  readonly event: SlackEvent;
  readonly event_id: string;
  readonly event_time: number;
  readonly authorizations: readonly Record<string, unknown>[];
  readonly is_ext_shared_channel: boolean;
  readonly event_context: string;
}

function messageFields(options: MessageEventOptions, defaultChannel: string): Record<string, unknown> {
  const ts = options.ts ?? nextTs();
  const fields: Record<string, unknown> = {
    user: options.user ?? FAKE_IDS.userId,
    text: options.text ?? '',
    ts,
    channel: options.channel ?? defaultChannel,
    event_ts: ts,
    team: options.team ?? FAKE_IDS.teamId,
    client_msg_id: randomId('msg-'),
  };
  if (options.thread_ts !== undefined) fields.thread_ts = options.thread_ts;
  return fields;
}

/** An `app_mention` event. The default text mentions the fake bot. */
export function appMentionEvent(options: MessageEventOptions = {}): SlackEvent {
  const text = options.text ?? `<@${FAKE_IDS.botUserId}> hello`;
  return { type: 'app_mention', ...messageFields({ ...options, text }, FAKE_IDS.channelId) };
}

/** A direct-message `message` event (`channel_type: 'im'`), what Bolt's `app.message()` listeners see in DMs. */
export function imMessageEvent(options: MessageEventOptions = {}): SlackEvent {
  return { type: 'message', channel_type: 'im', ...messageFields(options, FAKE_IDS.dmChannelId) };
}

/** Wraps an event in the event_callback envelope with a fresh `event_id`. */
export function eventCallback(event: SlackEvent, options: EventCallbackOptions = {}): EventCallbackBody {
  const teamId = options.team_id ?? FAKE_IDS.teamId;
  return {
    type: 'event_callback',
    token: 'fake-verification-token',
    team_id: teamId,
    api_app_id: options.api_app_id ?? FAKE_IDS.appId,
    event,
    event_id: options.event_id ?? randomId('Ev'),
    event_time: options.event_time ?? Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: teamId,
        user_id: options.botUserId ?? FAKE_IDS.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: randomId('4-'),
  };
}
