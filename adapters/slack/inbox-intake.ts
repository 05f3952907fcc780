import { isValidSlackRequest, type App, type Logger } from '@slack/bolt';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PendingQuestion, QuestionInbox } from '../../src/inbox/index.js';
import { inboxText, recordQuestion } from '../shared/pending-questions.js';
import type { BeforeBolt, SlackBody } from './body-guard.js';
import { isFromPerson } from './handlers/messages.js';
import { slackQuestionId } from './question-id.js';

/** What is stored to answer a question after a restart: the delivery itself, minus the legacy verification token. */
interface SlackPending {
  body: SlackBody;
}

/** A person's mention or direct message, i.e. a question the bot will answer (and must not lose). */
export function questionEventId(body: SlackBody): string | undefined {
  const event = body.event as { type?: unknown; channel_type?: unknown } | undefined;
  if (body.type !== 'event_callback' || typeof body.event_id !== 'string' || typeof event !== 'object' || event === null) return undefined;
  const isQuestion = event.type === 'app_mention' || (event.type === 'message' && event.channel_type === 'im');
  return isQuestion && isFromPerson(event as never) ? body.event_id : undefined;
}

/** The delivery as the inbox keeps it: no legacy token, the text minimized, without the rich-text copy of the text (blocks). */
function pendingOf(body: SlackBody, eventId: string): PendingQuestion {
  const { token: _legacyToken, ...kept } = body;
  const { blocks: _richTextCopy, ...event } = (kept.event ?? {}) as Record<string, unknown>;
  if (typeof event.text === 'string') event.text = inboxText(event.text);
  return { id: slackQuestionId(eventId), platform: 'slack', payload: { body: { ...kept, event } } satisfies SlackPending, receivedAt: Date.now() };
}

/**
 * HTTP mode: records each signed question in the inbox *before* Bolt acknowledges it, so a crash
 * after the 200 cannot lose it. A redelivery of a recorded question is acknowledged here and
 * never reaches Bolt (Slack retries; the first delivery is being, or was, answered). Unsigned
 * requests pass on untouched: Bolt refuses them.
 */
export function inboxBeforeBolt(inbox: QuestionInbox, signingSecret: string, logger: Logger): BeforeBolt {
  return async (body, raw, req: IncomingMessage, res: ServerResponse) => {
    const eventId = questionEventId(body);
    if (!eventId || !signed(req, raw, signingSecret)) return true;
    if (await recordQuestion(inbox, pendingOf(body, eventId), logger)) return true;
    logger.info(`slack: event ${eventId} was already received; acknowledging the redelivery without answering again`);
    res.writeHead(200).end();
    return false;
  };
}

function signed(req: IncomingMessage, raw: string, signingSecret: string): boolean {
  const signature = req.headers['x-slack-signature'];
  const timestamp = Number(req.headers['x-slack-request-timestamp']);
  if (typeof signature !== 'string' || !Number.isFinite(timestamp)) return false;
  return isValidSlackRequest({ signingSecret, body: raw, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp } });
}

/**
 * Socket Mode: the same recording as global middleware, the first thing to run (Bolt has just sent
 * the ack over the socket; the window is a few microseconds rather than none).
 */
export function registerInboxMiddleware(app: App, inbox: QuestionInbox, logger: Logger): void {
  app.use(async ({ body, context, next }) => {
    // A recovered question is replayed through the app: it is in the inbox already.
    const eventId = context.recovered === true ? undefined : questionEventId(body as SlackBody);
    if (eventId && !(await recordQuestion(inbox, pendingOf(body as SlackBody, eventId), logger))) {
      logger.info(`slack: event ${eventId} was already received; not answering it again`);
      return;
    }
    await next();
  });
}

/** Answers a question recovered after a restart by feeding its delivery through the app again. */
export function recoverSlackQuestion(app: App): (question: PendingQuestion) => Promise<void> {
  return async (question) => {
    const { body } = question.payload as SlackPending;
    await app.processEvent({ body, ack: async () => undefined, customProperties: { recovered: true } });
  };
}
