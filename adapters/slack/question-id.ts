import type { Logger } from '@slack/bolt';
import type { QuestionInbox } from '../../src/inbox/index.js';
import { completeQuestion } from '../shared/pending-questions.js';

/** The inbox id of a Slack event delivery. */
export function slackQuestionId(eventId: string): string {
  return `slack:${eventId}`;
}

/** Marks the question of an event delivery answered (called when its listener is done, whatever the outcome). */
export async function completeSlackQuestion(inbox: QuestionInbox | undefined, body: unknown, logger: Logger): Promise<void> {
  const eventId = (body as { event_id?: unknown }).event_id;
  if (typeof eventId === 'string') await completeQuestion(inbox, slackQuestionId(eventId), logger);
}
