import { request } from 'node:http';
import type { EncodedBody } from './encoded-body.js';
import { nowSeconds, retryHeaders, signRequest } from './sign-request.js';

/** Bolt's default `endpoints` path for Events API, commands and interactivity. */
export const SLACK_EVENTS_PATH = '/slack/events';

/** What the app's HTTP receiver answered. */
export interface AppResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/**
 * POSTs to a Bolt HTTP receiver on 127.0.0.1. With an {@link EncodedBody} the matching content-type is set.
 * Bolt compares content-type with `===`, so `application/x-www-form-urlencoded; charset=…` would not be
 * treated as a form and would fail JSON parsing with a 400.
 */
export function postToApp(
  port: number,
  path: string = SLACK_EVENTS_PATH,
  body: string | EncodedBody<object>,
  headers: Record<string, string> = {},
): Promise<AppResponse> {
  const raw = typeof body === 'string' ? body : body.body;
  const contentType = typeof body === 'string' ? 'application/json' : body.contentType;
  const allHeaders = { 'content-type': contentType, 'content-length': String(Buffer.byteLength(raw)), ...headers };
  return new Promise((resolve, reject) => {
    // agent: false gives every request its own socket that closes afterwards, so app.stop() never waits on it.
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: allHeaders, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(raw);
  });
}

/** Options for {@link postSignedToApp}. */
export interface SignedPostOptions {
  readonly path?: string;
  /** Defaults to now. */
  readonly timestampSeconds?: number;
  readonly retryNum?: number;
  readonly retryReason?: string;
  readonly headers?: Record<string, string>;
}

/** Signs `body` with `signingSecret` like Slack does and POSTs it to the app. */
export function postSignedToApp(
  port: number,
  body: EncodedBody<object>,
  signingSecret: string,
  options: SignedPostOptions = {},
): Promise<AppResponse> {
  const signature = signRequest(body.body, signingSecret, options.timestampSeconds ?? nowSeconds());
  const retry = options.retryNum === undefined ? {} : retryHeaders(options.retryNum, options.retryReason);
  return postToApp(port, options.path, body, { ...signature, ...retry, ...options.headers });
}
