import type { webApi } from '@slack/bolt';
import type { CommandRequest, CommandResult } from '../../src/commands/types.js';
import { CareerAdvisorError } from '../../src/errors.js';
import type { SlackDeps } from './deps.js';
import { toMrkdwn } from './mrkdwn.js';
import { previewText, SLACK_EDIT_INTERVAL_MS, StreamThrottle } from '../shared/stream-throttle.js';
import { SECTION_TEXT_LIMIT } from './split-mrkdwn.js';
import { renderResult, type RenderedResult, type SlackMessage, type Surface } from './render/index.js';

/** Codes whose message is written for the user (what to change, or to wait). */
const USER_FACING = new Set(['INPUT_INVALID', 'BUSY', 'NOT_FOUND']);

/** What the user sees when the core fails: the error's own words when meant for them, otherwise a plain apology. */
export function errorResult(error: unknown): Extract<CommandResult, { kind: 'error' }> {
  if (error instanceof CareerAdvisorError && USER_FACING.has(error.code)) return { kind: 'error', code: error.code, message: error.message };
  const code = error instanceof CareerAdvisorError ? error.code : 'INTERNAL';
  return { kind: 'error', code, message: 'Sorry — something went wrong while answering. Please try again in a moment.' };
}

/** Runs a command through the core; never throws (a failure becomes an error result and a log line). */
export async function runCommand(deps: SlackDeps, request: CommandRequest): Promise<CommandResult> {
  const started = performance.now();
  try {
    const result = await deps.commands.handle(request);
    deps.logger.debug(`slack: ${result.kind} for ${request.conversationId} in ${Math.round(performance.now() - started)} ms`);
    return result;
  } catch (error) {
    const result = errorResult(error);
    deps.logger.error(`slack: the command handler failed (${result.code}) for ${request.conversationId}: ${error instanceof Error ? error.message : String(error)}`);
    return result;
  }
}

/** Renders a result and remembers what its buttons need (sources, the open quiz question). */
export async function renderAndRemember(deps: SlackDeps, result: CommandResult, conversationId: string, surface?: Surface): Promise<RenderedResult> {
  const rendered = withReminder(renderResult(result, conversationId, surface), result.reminder);
  if (rendered.sources) await deps.sources.set(rendered.sources.key, rendered.sources.citations);
  if (rendered.openQuestion) await deps.openQuestions.set(conversationId, { quizId: rendered.openQuestion.quizId, index: rendered.openQuestion.index });
  if (rendered.quizFinished) await deps.openQuestions.delete(conversationId);
  timeQuizRound(deps, conversationId, rendered);
  return rendered;
}

/** Starts the timer of the quiz question just shown, or stops it when the quiz ended. */
function timeQuizRound(deps: SlackDeps, conversationId: string, rendered: RenderedResult): void {
  const shown = rendered.openQuestion;
  const close = deps.closeRound;
  if (shown?.closesAt !== undefined && close) deps.rounds.set(conversationId, shown.closesAt, () => close(conversationId, shown.quizId, shown.index));
  else if (rendered.quizFinished) deps.rounds.cancel(conversationId);
}

/** The privacy reminder goes to the asker alone (every caller posts `privateMessage` ephemerally). */
function withReminder(rendered: RenderedResult, reminder: string | undefined): RenderedResult {
  if (!reminder) return rendered;
  const text = rendered.privateMessage ? `${reminder}\n\n${rendered.privateMessage.text}` : reminder;
  return { ...rendered, privateMessage: { text, blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: `:lock: ${text}` }] }] } };
}

/**
 * Posts messages in order (in a thread when `threadTs` is set). If Slack refuses the blocks, the message
 * is sent again as plain text so the user still gets an answer.
 */
export async function postMessages(deps: SlackDeps, client: webApi.WebClient, channel: string, threadTs: string | undefined, messages: SlackMessage[]): Promise<void> {
  for (const message of messages) {
    const base = { channel, ...(threadTs ? { thread_ts: threadTs } : {}), unfurl_links: false, unfurl_media: false };
    try {
      await client.chat.postMessage({ ...base, text: message.text, blocks: message.blocks });
    } catch (error) {
      deps.logger.warn(`slack: chat.postMessage with blocks failed in ${channel}: ${describe(error)}; retrying as plain text`);
      await client.chat.postMessage({ ...base, text: message.text });
    }
  }
}

/**
 * Posts messages like `postMessages`, except that the first one replaces the message `ts` (a streaming
 * preview) through chat.update; if Slack refuses the blocks, the update is retried as plain text.
 */
export async function replaceMessages(deps: SlackDeps, client: webApi.WebClient, channel: string, ts: string, threadTs: string | undefined, messages: SlackMessage[]): Promise<void> {
  const [first, ...rest] = messages;
  if (!first) return;
  try {
    await client.chat.update({ channel, ts, text: first.text, blocks: first.blocks });
  } catch (error) {
    deps.logger.warn(`slack: chat.update with blocks failed in ${channel}: ${describe(error)}; retrying as plain text`);
    await client.chat.update({ channel, ts, text: first.text });
  }
  await postMessages(deps, client, channel, threadTs, rest);
}

/**
 * A live preview of a streamed answer in a thread: the first token posts a placeholder message, later
 * ones update it at most once per SLACK_EDIT_INTERVAL_MS (chat.update allows about one per second per
 * channel). `ts()` is the placeholder's timestamp once posted. Failures are logged, never thrown.
 */
export function slackPreview(deps: SlackDeps, client: webApi.WebClient, channel: string, threadTs: string | undefined): { stream: StreamThrottle; ts: () => string | undefined } {
  let ts: string | undefined;
  const stream = new StreamThrottle({
    intervalMs: SLACK_EDIT_INTERVAL_MS,
    preview: (text) => previewText(toMrkdwn(text), SECTION_TEXT_LIMIT),
    edit: async (text) => {
      if (ts) {
        await client.chat.update({ channel, ts, text });
        return;
      }
      const posted = await client.chat.postMessage({ channel, ...(threadTs ? { thread_ts: threadTs } : {}), text, unfurl_links: false, unfurl_media: false });
      ts = posted.ts;
    },
    onError: (error) => deps.logger.warn(`slack: could not show the streaming preview in ${channel}: ${describe(error)}`),
  });
  return { stream, ts: () => ts };
}

/** A Web API error's code (e.g. not_in_channel) or message, for logs. */
export function describe(error: unknown): string {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  if (data && typeof data.error === 'string') return data.error;
  return error instanceof Error ? error.message : String(error);
}
