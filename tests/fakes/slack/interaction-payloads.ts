import { type EncodedBody, formBody, payloadFormBody } from './encoded-body.js';
import { FAKE_IDS, nextTs, randomId } from './fake-ids.js';

/** Inputs for a slash command. Field names mirror Slack's. */
export interface SlashCommandOptions {
  readonly command?: string;
  readonly text?: string;
  readonly user_id?: string;
  readonly user_name?: string;
  readonly channel_id?: string;
  readonly channel_name?: string;
  readonly team_id?: string;
  /** Where `respond()` will POST; use `api.responseUrl()` to capture it. */
  readonly response_url: string;
  readonly trigger_id?: string;
}

/** The slash-command fields (all strings, as Slack sends them). Socket Mode sends this object as-is. */
export function slashCommandPayload(options: SlashCommandOptions): Record<string, string> {
  return {
    token: 'fake-verification-token',
    team_id: options.team_id ?? FAKE_IDS.teamId,
    team_domain: FAKE_IDS.teamDomain,
    channel_id: options.channel_id ?? FAKE_IDS.channelId,
    channel_name: options.channel_name ?? FAKE_IDS.channelName,
    user_id: options.user_id ?? FAKE_IDS.userId,
    user_name: options.user_name ?? FAKE_IDS.userName,
    command: options.command ?? '/career',
    text: options.text ?? '',
    api_app_id: FAKE_IDS.appId,
    is_enterprise_install: 'false',
    response_url: options.response_url,
    trigger_id: options.trigger_id ?? randomId('13345224609.'),
  };
}

/** A slash command as an HTTP body (form-urlencoded). */
export function slashCommand(options: SlashCommandOptions): EncodedBody<Record<string, string>> {
  return formBody(slashCommandPayload(options));
}

/** Inputs for a button click in a message. */
export interface BlockActionOptions {
  readonly action_id: string;
  readonly value?: string;
  readonly block_id?: string;
  readonly user?: string;
  readonly channel?: string;
  /** ts of the message holding the button. */
  readonly message_ts?: string;
  /** Set when the message is a thread reply. */
  readonly thread_ts?: string;
  readonly response_url: string;
  readonly trigger_id?: string;
}

/** A `block_actions` payload for a button. Socket Mode sends this object as-is in an `interactive` envelope. */
export function blockActionPayload(options: BlockActionOptions): Record<string, unknown> {
  const channel = options.channel ?? FAKE_IDS.channelId;
  const messageTs = options.message_ts ?? nextTs();
  const threadTs = options.thread_ts === undefined ? {} : { thread_ts: options.thread_ts };
  return {
    type: 'block_actions',
    user: { id: options.user ?? FAKE_IDS.userId, username: FAKE_IDS.userName, team_id: FAKE_IDS.teamId },
    api_app_id: FAKE_IDS.appId,
    token: 'fake-verification-token',
    container: { type: 'message', message_ts: messageTs, channel_id: channel, is_ephemeral: false, ...threadTs },
    trigger_id: options.trigger_id ?? randomId('13345224609.'),
    team: { id: FAKE_IDS.teamId, domain: FAKE_IDS.teamDomain },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel, name: FAKE_IDS.channelName },
    message: { type: 'message', ts: messageTs, user: FAKE_IDS.botUserId, bot_id: FAKE_IDS.botId, ...threadTs },
    state: { values: {} },
    response_url: options.response_url,
    actions: [buttonAction(options)],
  };
}

function buttonAction(options: BlockActionOptions): Record<string, unknown> {
  return {
    type: 'button',
    action_id: options.action_id,
    block_id: options.block_id ?? randomId('blk-'),
    text: { type: 'plain_text', text: options.action_id, emoji: true },
    value: options.value ?? '',
    action_ts: nextTs(),
  };
}

/** A block action as an HTTP body: form field `payload=` holding the JSON. */
export function blockAction(options: BlockActionOptions): EncodedBody<Record<string, unknown>> {
  return payloadFormBody(blockActionPayload(options));
}
