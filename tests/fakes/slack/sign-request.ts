import { createHmac } from 'node:crypto';

/** The two headers Slack signs every HTTP request with. */
// A type alias (not an interface) so it is assignable to Record<string, string> header maps.
export type SlackSignatureHeaders = {
  readonly 'x-slack-signature': string;
  readonly 'x-slack-request-timestamp': string;
};

/** Current Unix time in whole seconds, the unit of `x-slack-request-timestamp`. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/**
 * Signs a raw request body exactly like Slack: `v0=` + hex HMAC-SHA256 of `v0:${timestamp}:${body}`.
 * The body must be the exact bytes you send, so sign the string you will POST.
 */
export function signRequest(
  body: string,
  signingSecret: string,
  timestampSeconds: number = nowSeconds(),
): SlackSignatureHeaders {
  const hash = createHmac('sha256', signingSecret).update(`v0:${timestampSeconds}:${body}`).digest('hex');
  return { 'x-slack-signature': `v0=${hash}`, 'x-slack-request-timestamp': String(timestampSeconds) };
}

/**
 * Headers Slack adds when it re-delivers an Events API request.
 * Bolt copies them to `context.retryNum` / `context.retryReason`; it does not drop retries by itself.
 */
export function retryHeaders(retryNum: number, retryReason = 'http_timeout'): Record<string, string> {
  return { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': retryReason };
}
