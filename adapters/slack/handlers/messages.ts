import type { App, webApi } from '@slack/bolt';
import { channelConversation, channelMentions, isChannelAllowed, isDirectMessageChannel, threadConversation } from '../conversation.js';
import type { SlackDeps } from '../deps.js';
import { completeSlackQuestion } from '../question-id.js';
import { fromSlackText } from '../mrkdwn.js';
import { describe, errorResult, postMessages, renderAndRemember, replaceMessages, runCommand, slackPreview } from '../reply.js';
import { renderResult, type RenderedResult, type SlackMessage } from '../render/index.js';

/** The fields of a message-like event the listeners read. */
interface IncomingMessage {
  channel: string;
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  subtype?: string;
  bot_id?: string;
  edited?: unknown;
}

/** What the listeners read from Bolt's context: our own user id (mentions stripped) and the workspace (its guides). */
interface SlackContext {
  botUserId?: string;
  teamId?: string;
}

/** Only a person's new message is a question: not bots (ourselves included), edits, joins or other subtypes. */
export function isFromPerson(event: IncomingMessage): event is IncomingMessage & { user: string } {
  return event.subtype === undefined && event.bot_id === undefined && event.edited === undefined && typeof event.user === 'string';
}

/**
 * Answers a message and posts the reply where it belongs. Never throws: a failing core becomes an apology
 * in the same place, and a failing post is logged (the process stays up). While a language model writes
 * an answer, a placeholder shows it (posted at the first token, then updated at most every 1.2 s); the
 * rendered reply then replaces the placeholder.
 */
async function answer(deps: SlackDeps, client: webApi.WebClient, message: { channel: string; user: string; text: string; replyThreadTs?: string; conversationId: string; team?: string }): Promise<void> {
  const preview = slackPreview(deps, client, message.channel, message.replyThreadTs);
  const solo = isDirectMessageChannel(message.channel);
  const result = await runCommand(deps, { text: message.text || 'help', conversationId: message.conversationId, channelId: message.channel, userId: message.user, platform: 'slack', ...(solo ? { solo } : {}), ...(message.team ? { place: { workspace: message.team, channel: message.channel } } : {}), onToken: preview.stream.push });
  try {
    if (result.kind === 'error' && result.code === 'RATE_LIMITED') {
      await postPrivately(client, message, `:hourglass: ${result.message}`);
      return;
    }
    // A quiz started here is played here: its round timer posts to this channel and thread.
    if (result.kind === 'quiz-question') await deps.quizThreads.set(message.conversationId, { channel: message.channel, ...(message.replyThreadTs ? { threadTs: message.replyThreadTs } : {}) });
    let rendered: RenderedResult;
    try {
      rendered = await renderAndRemember(deps, result, message.conversationId, isDirectMessageChannel(message.channel) ? 'dm' : 'thread');
    } catch (error) {
      deps.logger.error(`slack: could not render a ${result.kind} reply: ${describe(error)}`);
      rendered = renderResult(errorResult(error), message.conversationId);
    }
    if (preview.stream.started) {
      await preview.stream.finish(async () => {
        const ts = preview.ts();
        if (ts) await replaceMessages(deps, client, message.channel, ts, message.replyThreadTs, rendered.messages);
        else await postMessages(deps, client, message.channel, message.replyThreadTs, rendered.messages);
      });
    } else {
      await postMessages(deps, client, message.channel, message.replyThreadTs, rendered.messages);
    }
    if (rendered.privateMessage) await postPrivately(client, message, rendered.privateMessage);
  } catch (error) {
    deps.logger.error(`slack: could not post the reply in ${message.channel}: ${describe(error)}`);
  }
}

/** Shows a message to the asker alone, where they asked (chat.postEphemeral): notes never meant for the channel. */
async function postPrivately(client: webApi.WebClient, to: { channel: string; user: string; replyThreadTs?: string }, message: SlackMessage | string): Promise<void> {
  const { text, blocks } = typeof message === 'string' ? { text: message, blocks: undefined } : message;
  await client.chat.postEphemeral({ channel: to.channel, user: to.user, ...(to.replyThreadTs ? { thread_ts: to.replyThreadTs } : {}), text, ...(blocks ? { blocks } : {}) });
}

/** What the user sees when a message reached us without readable text. */
export const UNREADABLE_TEXT = "I couldn't read any text in that message. Mention me with a question, for example “how do I become a CPC?”";

/**
 * A message without a channel cannot be answered anywhere: one log line, then nothing. Returns the
 * channel when there is one.
 */
function channelOf(deps: SlackDeps, event: { channel?: unknown }, kind: string): string | undefined {
  if (typeof event.channel === 'string' && event.channel !== '') return event.channel;
  deps.logger.warn(`slack: ignored a ${kind} event without a channel (nowhere to reply)`);
  return undefined;
}

/** `app_mention`: answer in the thread (starting one under the mention); the thread is the conversation. */
export function registerMentions(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, client, context, body }) => {
    try {
      await answerMention(deps, event, client, context);
    } finally {
      // Answered, apologised for or deliberately ignored: either way it is no longer pending.
      await completeSlackQuestion(deps.inbox, body, deps.logger);
    }
  });
}

async function answerMention(deps: SlackDeps, event: IncomingMessage, client: webApi.WebClient, context: SlackContext): Promise<void> {
  if (!isFromPerson(event) || !channelOf(deps, event, 'app_mention')) return;
  // In a DM the message.im listener answers; answering here too would reply twice.
  if (isDirectMessageChannel(event.channel)) return;
  const threadTs = event.thread_ts ?? event.ts;
  if (!isChannelAllowed(deps.allowList, event.channel)) {
    await client.chat
      .postEphemeral({ channel: event.channel, user: event.user, thread_ts: threadTs, text: `I only answer in ${channelMentions(deps.allowList)}. You can also send me a direct message.` })
      .catch((error: unknown) => deps.logger.warn(`slack: could not post the allow-list notice: ${describe(error)}`));
    return;
  }
  if (typeof event.text !== 'string') {
    await client.chat
      .postMessage({ channel: event.channel, thread_ts: threadTs, text: UNREADABLE_TEXT })
      .catch((error: unknown) => deps.logger.warn(`slack: could not post the unreadable-message notice: ${describe(error)}`));
    return;
  }
  const text = fromSlackText(event.text, context.botUserId);
  await deps.inFlight.track(answer(deps, client, { channel: event.channel, user: event.user, text, replyThreadTs: threadTs, conversationId: threadConversation(event.channel, threadTs), ...(context.teamId ? { team: context.teamId } : {}) }));
}

/** `message.im`: answer a direct message in place (in its thread if it has one). */
export function registerDirectMessages(app: App, deps: SlackDeps): void {
  app.event('message', async ({ event, client, context, body }) => {
    if (event.channel_type !== 'im') return;
    try {
      await answerDirectMessage(deps, event as IncomingMessage, client, context);
    } finally {
      await completeSlackQuestion(deps.inbox, body, deps.logger);
    }
  });
}

async function answerDirectMessage(deps: SlackDeps, message: IncomingMessage, client: webApi.WebClient, context: SlackContext): Promise<void> {
  if (!isFromPerson(message) || !channelOf(deps, message, 'message.im')) return;
  const conversationId = message.thread_ts ? threadConversation(message.channel, message.thread_ts) : channelConversation(message.channel);
  // A DM without text (a file, say) gets the help text, like an empty mention.
  const text = typeof message.text === 'string' ? fromSlackText(message.text, context.botUserId) : '';
  await deps.inFlight.track(answer(deps, client, { channel: message.channel, user: message.user, text, replyThreadTs: message.thread_ts, conversationId, ...(context.teamId ? { team: context.teamId } : {}) }));
}
