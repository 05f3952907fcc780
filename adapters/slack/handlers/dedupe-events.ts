import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';

/**
 * Global middleware: each Events API delivery is handled once. Slack redelivers an event (same `event_id`,
 * with `x-slack-retry-num` over HTTP or `retry_attempt` over Socket Mode) when it thinks the first delivery
 * failed, and Bolt does not de-duplicate. The id is claimed *before* the listener runs, so a retry that
 * arrives while the first delivery is still being answered is dropped too (it was already acked by Bolt).
 * The claim is a SET NX in the shared state, so a retry that reaches another worker is dropped as well.
 */
// Slack retries up to three times over about five minutes.
const EVENT_ID_TTL_MS = 15 * 60_000;

export function registerEventDedupe(app: App, deps: SlackDeps): void {
  app.use(async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !(await deps.state.setIfAbsent(`slack:event:${eventId}`, '1', EVENT_ID_TTL_MS))) {
      deps.logger.info(`slack: ignoring a repeated delivery of event ${eventId} (retry ${context.retryNum ?? '?'}, ${context.retryReason ?? 'no reason given'})`);
      return;
    }
    await next();
  });
}
