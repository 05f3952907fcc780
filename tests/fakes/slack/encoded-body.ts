/** Content types Slack uses when calling an app's request URL. */
export type SlackContentType = 'application/json' | 'application/x-www-form-urlencoded';

/** A request body exactly as Slack would POST it, plus the decoded payload for assertions. */
export interface EncodedBody<P extends object = Record<string, unknown>> {
  readonly body: string;
  readonly contentType: SlackContentType;
  readonly payload: P;
}

/** Events API style: the payload as a JSON body. */
export function jsonBody<P extends object>(payload: P): EncodedBody<P> {
  return { body: JSON.stringify(payload), contentType: 'application/json', payload };
}

/** Slash-command style: every field form-urlencoded. */
export function formBody<P extends Record<string, string>>(payload: P): EncodedBody<P> {
  return { body: new URLSearchParams(payload).toString(), contentType: 'application/x-www-form-urlencoded', payload };
}

/** Interactivity style: the payload JSON-encoded into a single `payload=` form field. */
export function payloadFormBody<P extends object>(payload: P): EncodedBody<P> {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return { body, contentType: 'application/x-www-form-urlencoded', payload };
}
