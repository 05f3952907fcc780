import type { HTTPReceiver, Logger } from '@slack/bolt';

/** Slack's recommended replay window: requests signed more than five minutes away from now are refused. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export interface TimestampGuardOptions {
  logger: Logger;
  maxSkewSeconds?: number;
  now?: () => number;
}

/**
 * Makes an HTTPReceiver answer 401 to requests whose `x-slack-request-timestamp` is more than five minutes
 * in the past *or the future*. Bolt's own check only rejects old timestamps, so a request signed with a
 * clock far ahead could be replayed for as long as that clock is ahead. Runs before Bolt reads the body,
 * so a refused request never reaches a listener. Requests without the header (health checks) pass through;
 * Bolt's signature check still refuses unsigned event posts.
 */
export function guardRequestTimestamps(receiver: HTTPReceiver, options: TimestampGuardOptions): void {
  const maxSkew = options.maxSkewSeconds ?? MAX_CLOCK_SKEW_SECONDS;
  const now = options.now ?? Date.now;
  const inner = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    const header = req.headers['x-slack-request-timestamp'];
    if (header !== undefined) {
      const timestamp = Number(Array.isArray(header) ? header[0] : header);
      const skew = Number.isFinite(timestamp) ? Math.abs(now() / 1000 - timestamp) : Number.POSITIVE_INFINITY;
      if (skew > maxSkew) {
        options.logger.warn(`Refused a Slack request: its timestamp is ${Number.isFinite(skew) ? Math.round(skew) : 'not a number'} s away from now (limit ${maxSkew} s).`);
        // Drain the body so the client sees the response instead of a reset connection.
        req.resume();
        res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' }).end('request timestamp out of range');
        return;
      }
    }
    inner(req, res);
  };
}
