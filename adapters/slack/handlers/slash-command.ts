import type { App, RespondFn } from '@slack/bolt';
import { channelConversation, channelMentions, isChannelAllowed, isDirectMessageChannel, userConversation } from '../conversation.js';
import type { SlackDeps } from '../deps.js';
import { fromSlackText } from '../mrkdwn.js';
import { describe, errorResult, renderAndRemember, runCommand } from '../reply.js';
import { postQuiz } from '../quiz-rounds.js';
import { renderResult, type SlackMessage } from '../render/index.js';

/** The slash command the manifest declares. */
export const SLASH_COMMAND = '/career';

async function send(respond: RespondFn, messages: SlackMessage[], visibility: 'ephemeral' | 'in_channel'): Promise<void> {
  for (const message of messages) {
    await respond({ response_type: visibility, replace_original: false, text: message.text, blocks: message.blocks });
  }
}

/**
 * `/career <question | cert X | plan … | topics | quiz | help>`: acknowledged at once (Slack allows 3 s),
 * answered afterwards through the response URL. Replies are ephemeral (career questions are personal) except
 * quiz questions and feedback, which are posted to the channel so everyone can play. The conversation is the user in that
 * channel, so a multi-step `plan` keeps its state per person.
 *
 * No streaming preview here (no `onToken`): a response_url accepts only five posts in 30 minutes, so
 * previews sent with `replace_original` would use up what a long (split) answer needs, and an
 * ephemeral response can't be chat.update'd. The answer arrives once, complete.
 */
export function registerSlashCommand(app: App, deps: SlackDeps): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    await ack();
    await deps.inFlight.track(
      (async () => {
        try {
          if (!isChannelAllowed(deps.allowList, command.channel_id)) {
            await respond({ response_type: 'ephemeral', text: `I only answer in ${channelMentions(deps.allowList)}. You can also send me a direct message.` });
            return;
          }
          const conversationId = isDirectMessageChannel(command.channel_id) ? channelConversation(command.channel_id) : userConversation(command.channel_id, command.user_id);
          const text = fromSlackText(command.text) || 'help';
          const solo = isDirectMessageChannel(command.channel_id);
          const result = await runCommand(deps, { text, conversationId, channelId: command.channel_id, userId: command.user_id, userName: command.user_name, platform: 'slack', ...(solo ? { solo } : {}), place: { workspace: command.team_id, channel: command.channel_id } });
          const rendered = await renderAndRemember(deps, result, conversationId, 'slash');
          // A quiz is for everyone in the channel (in its own thread when the bot may post there); everything else is only for the asker.
          const forEveryone = result.kind === 'quiz-question' || result.kind === 'quiz-round';
          const posted = forEveryone && (await postQuiz(deps, client, conversationId, command.channel_id, rendered.messages, result.kind === 'quiz-question'));
          if (!posted) await send(respond, rendered.messages, forEveryone ? 'in_channel' : 'ephemeral');
          if (rendered.privateMessage) await send(respond, [rendered.privateMessage], 'ephemeral');
        } catch (error) {
          // Rendering or the response URL failed: one more, minimal attempt so the user is not left waiting.
          deps.logger.error(`slack: /career reply failed in ${command.channel_id}: ${describe(error)}`);
          await send(respond, renderResult(errorResult(error), '').messages, 'ephemeral').catch((again: unknown) => deps.logger.error(`slack: could not report the failure: ${describe(again)}`));
        }
      })(),
    );
  });
}
