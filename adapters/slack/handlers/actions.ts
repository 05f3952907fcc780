import type { App, BlockAction, ButtonAction, RespondFn, webApi } from '@slack/bolt';
import { ACTION, decodeQuizValue, QUIZ_ANSWER_ACTION, SUGGESTION_ACTION } from '../action-ids.js';
import { threadConversation, userConversation } from '../conversation.js';
import type { SlackDeps } from '../deps.js';
import { describe, postMessages, renderAndRemember, runCommand } from '../reply.js';
import { renderSources, type SlackMessage } from '../render/index.js';

type ButtonClick = BlockAction<ButtonAction>;

async function tellUser(deps: SlackDeps, respond: RespondFn, message: SlackMessage | string): Promise<void> {
  const payload = typeof message === 'string' ? { text: message } : message;
  await respond({ response_type: 'ephemeral', replace_original: false, ...payload }).catch((error: unknown) => deps.logger.warn(`slack: ephemeral reply failed: ${describe(error)}`));
}

/** Runs a click handler, turning any failure into an ephemeral apology so the user is never left guessing. */
function guarded(deps: SlackDeps, what: string, run: (click: { body: ButtonClick; action: ButtonAction; respond: RespondFn; client: webApi.WebClient }) => Promise<void>) {
  return async ({ ack, body, action, respond, client }: { ack: () => Promise<void>; body: ButtonClick; action: ButtonAction; respond: RespondFn; client: webApi.WebClient }): Promise<void> => {
    await ack();
    await deps.inFlight.track(
      run({ body, action, respond, client }).catch(async (error: unknown) => {
        deps.logger.error(`slack: ${what} failed: ${describe(error)}`);
        await tellUser(deps, respond, 'Sorry — that did not work. Please try again in a moment.');
      }),
    );
  };
}

/** 👍 / 👎: records the vote through the core (value = answer id) and thanks the voter privately. */
function registerFeedback(app: App, deps: SlackDeps): void {
  for (const [actionId, vote] of [[ACTION.feedbackUp, 'up'], [ACTION.feedbackDown, 'down']] as const) {
    app.action<ButtonClick>(
      actionId,
      guarded(deps, 'recording feedback', async ({ body, action, respond }) => {
        if (!action.value) return tellUser(deps, respond, 'This button no longer works; ask the question again.');
        deps.advisor.recordFeedback({ answerId: action.value, userId: body.user.id, vote, platform: 'slack' });
        await tellUser(deps, respond, vote === 'up' ? 'Thanks for the feedback! :+1:' : 'Thanks — noted. Rephrasing the question or asking about one detail often helps.');
      }),
    );
  }
}

/** "Sources": the quoted guide lines behind a reply, shown only to the person who clicked. */
function registerSources(app: App, deps: SlackDeps): void {
  app.action<ButtonClick>(
    ACTION.sources,
    guarded(deps, 'showing sources', async ({ action, respond }) => {
      const citations = action.value ? await deps.sources.get(action.value) : undefined;
      if (!citations) return tellUser(deps, respond, 'Those sources are no longer available; ask the question again to see them.');
      await tellUser(deps, respond, renderSources(citations));
    }),
  );
}

/**
 * Quiz buttons A–D: `quiz answer X` for the clicking user in the quiz's conversation. The player alone
 * hears that their answer is in; when the click closes the question, its answer, cited line and scores
 * (and the next question) go into the question's thread. Clicks on a question no longer open are refused.
 */
function registerQuiz(app: App, deps: SlackDeps): void {
  app.action<ButtonClick>(
    QUIZ_ANSWER_ACTION,
    guarded(deps, 'answering a quiz question', async ({ body, action, respond, client }) => {
      const value = decodeQuizValue(action.value);
      const letter = QUIZ_ANSWER_ACTION.exec(action.action_id)?.[1];
      if (!value || !letter) return tellUser(deps, respond, 'This quiz button no longer works. Start a new quiz with `/career quiz`.');
      const open = await deps.openQuestions.get(value.conversationId);
      if (open && value.quizId !== undefined && (open.quizId !== value.quizId || open.index !== value.index)) {
        return tellUser(deps, respond, `That question has closed; question ${open.index + 1} is open now.`);
      }
      const result = await runCommand(deps, { text: `quiz answer ${letter}`, conversationId: value.conversationId, channelId: body.channel?.id, userId: body.user.id, userName: body.user.username, platform: 'slack' });
      const rendered = await renderAndRemember(deps, result, value.conversationId);
      if (result.kind === 'error') return tellUser(deps, respond, rendered.messages[0]!);
      if (rendered.messages.length > 0) await postInThread(deps, body, respond, client, rendered.messages, value.conversationId);
      if (rendered.privateMessage) await tellUser(deps, respond, rendered.privateMessage);
    }),
  );
  app.action<ButtonClick>(
    ACTION.quizScore,
    guarded(deps, 'showing the quiz score', async ({ body, action, respond }) => {
      const value = decodeQuizValue(action.value);
      if (!value) return tellUser(deps, respond, 'This button no longer works.');
      const result = await runCommand(deps, { text: 'quiz score', conversationId: value.conversationId, channelId: body.channel?.id, userId: body.user.id, userName: body.user.username, platform: 'slack' });
      const [message] = (await renderAndRemember(deps, result, value.conversationId)).messages;
      if (message) await tellUser(deps, respond, message);
    }),
  );
}

/**
 * Posts into the thread of the clicked message. A question posted by a slash command may sit in a channel
 * the bot has not joined (chat.postMessage then fails), and ephemeral messages have no thread: both fall
 * back to the click's response URL.
 */
async function postInThread(deps: SlackDeps, body: ButtonClick, respond: RespondFn, client: webApi.WebClient, messages: SlackMessage[], quizConversation?: string): Promise<void> {
  const container = body.container as { channel_id?: string; message_ts?: string; thread_ts?: string; is_ephemeral?: boolean };
  const channel = container.channel_id ?? body.channel?.id;
  const threadTs = container.thread_ts ?? container.message_ts ?? body.message?.ts;
  if (channel && threadTs && !container.is_ephemeral) {
    try {
      await postMessages(deps, client, channel, threadTs, messages);
      // A quiz's round timer posts where its clicks do.
      if (quizConversation) await deps.quizThreads.set(quizConversation, { channel, threadTs });
      return;
    } catch (error) {
      deps.logger.warn(`slack: could not post quiz feedback in the thread (${describe(error)}); using the response URL`);
    }
  }
  for (const message of messages) {
    await respond({ response_type: container.is_ephemeral ? 'ephemeral' : 'in_channel', replace_original: false, text: message.text, blocks: message.blocks });
  }
}

/**
 * A refusal's suggested question or command (the button's value): asked in the clicker's name, in
 * the thread of the refusal, and answered there like a typed message.
 */
function registerSuggestions(app: App, deps: SlackDeps): void {
  app.action<ButtonClick>(
    SUGGESTION_ACTION,
    guarded(deps, 'asking a suggested question', async ({ body, action, respond, client }) => {
      const container = body.container as { channel_id?: string; message_ts?: string; thread_ts?: string };
      const channel = container.channel_id ?? body.channel?.id;
      const threadTs = container.thread_ts ?? container.message_ts;
      if (!action.value || !channel) return tellUser(deps, respond, 'This button no longer works; type the question instead.');
      const conversationId = threadTs ? threadConversation(channel, threadTs) : userConversation(channel, body.user.id);
      const result = await runCommand(deps, { text: action.value, conversationId, channelId: channel, userId: body.user.id, userName: body.user.username, platform: 'slack' });
      const rendered = await renderAndRemember(deps, result, conversationId);
      if (result.kind === 'error') return tellUser(deps, respond, rendered.messages[0]!);
      await postInThread(deps, body, respond, client, rendered.messages);
    }),
  );
}

/** Registers every button listener. */
export function registerActions(app: App, deps: SlackDeps): void {
  registerFeedback(app, deps);
  registerSources(app, deps);
  registerSuggestions(app, deps);
  registerQuiz(app, deps);
}
