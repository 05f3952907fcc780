import type { webApi } from '@slack/bolt';
import type { SlackDeps } from './deps.js';
import { describe, postMessages, renderAndRemember, runCommand } from './reply.js';
import type { SlackMessage } from './render/index.js';

/** Who closes a question whose time ran out (no person: the command layer only needs an id). */
const ROUND_TIMER = 'quiz-round-timer';

/**
 * A question's time ran out: close it (unless answers already did) and post the answer, the cited
 * line, the scores and the next question in the quiz's thread. A quiz whose thread is unknown (its
 * first question went out through a slash command's response URL) is left open; the next click
 * after the deadline closes it instead.
 */
export async function closeRoundOnTime(deps: SlackDeps, client: webApi.WebClient, conversationId: string, quizId: string, index: number): Promise<void> {
  try {
    const thread = await deps.quizThreads.get(conversationId);
    if (!thread) {
      deps.logger.warn(`slack: quiz question ${index + 1} in ${conversationId} timed out, but its thread is unknown; the next answer will close it`);
      return;
    }
    const result = await runCommand(deps, { text: `quiz close ${quizId} ${index}`, conversationId, channelId: thread.channel, userId: ROUND_TIMER, platform: 'slack' });
    if (result.kind !== 'quiz-round') return;
    const rendered = await renderAndRemember(deps, result, conversationId);
    await postMessages(deps, client, thread.channel, thread.threadTs, rendered.messages);
  } catch (error) {
    deps.logger.warn(`slack: could not close a quiz question whose time ran out: ${describe(error)}`);
  }
}

/**
 * Posts quiz messages from a slash command where the group plays: a new quiz's first message goes to
 * the channel and the rest of the quiz into its thread (remembered for the round timer); later
 * messages go to the known thread. False when the bot may not post there (e.g. not invited to the
 * channel): the caller falls back to the command's response URL.
 */
export async function postQuiz(deps: SlackDeps, client: webApi.WebClient, conversationId: string, channel: string, messages: SlackMessage[], starts: boolean): Promise<boolean> {
  const known = starts ? undefined : await deps.quizThreads.get(conversationId);
  try {
    if (known) {
      await postMessages(deps, client, known.channel, known.threadTs, messages);
      return true;
    }
    if (!starts) return false;
    const [first, ...rest] = messages;
    if (!first) return true;
    const posted = await client.chat.postMessage({ channel, text: first.text, blocks: first.blocks, unfurl_links: false, unfurl_media: false });
    if (!posted.ts) return false;
    await deps.quizThreads.set(conversationId, { channel, threadTs: posted.ts });
    await postMessages(deps, client, channel, posted.ts, rest);
    return true;
  } catch (error) {
    deps.logger.warn(`slack: could not post the quiz in ${channel} (${describe(error)}); using the response URL`);
    return false;
  }
}
