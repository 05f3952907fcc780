import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { webApi } from '@slack/bolt';
import { AwaitableLog, type Predicate } from './awaitable-log.js';
import { closeHttpServer, listenOnLoopback } from './loopback-server.js';
import { FakeMessageStore } from './message-store.js';
import { type DecodedBody, decodeBody, readRawBody } from './request-body.js';
import {
  type ApiRequest,
  type ApiResult,
  DEFAULT_IDENTITY,
  defaultMethodHandlers,
  type FakeSlackIdentity,
  type MethodHandler,
} from './web-api-methods.js';

/** One recorded Web API call (including injected failures). */
export interface RecordedApiCall {
  readonly method: string;
  readonly body: DecodedBody;
  readonly token: string | undefined;
  readonly contentType: string | undefined;
  /** HTTP status the fake answered with: 200, or the injected 429/5xx. */
  readonly status: number;
}

/** One POST a `respond()` (or anything else) made to a fake `response_url`. */
export interface RecordedResponse {
  readonly id: string;
  readonly body: DecodedBody;
  readonly contentType: string | undefined;
}

/** A failure to inject into the next call(s) of one method. */
export interface InjectedFailure {
  /** HTTP status, e.g. 429 (rate limited) or 500. */
  readonly status: number;
  /** How many consecutive calls fail (default 1). */
  readonly times?: number;
  /**
   * `retry-after` seconds for 429 (default 0). WebClient sleeps this long before giving up or retrying,
   * unless it was built with `rejectRateLimitedCalls: true`.
   */
  readonly retryAfterSec?: number;
}

/** Options for {@link FakeSlackWebApi.start}. */
export interface FakeSlackWebApiOptions {
  readonly identity?: Partial<FakeSlackIdentity>;
}

const DEFAULT_WAIT_MS = 2000;

/**
 * A fake Slack Web API on 127.0.0.1. Point Bolt at it with `clientOptions: api.clientOptions()`.
 * It must be listening *before* `new App(...)`, because the App constructor calls `auth.test` right away.
 */
export class FakeSlackWebApi {
  /** Conversation history used by `chat.postMessage`, `chat.update` and `conversations.replies`. */
  readonly messages = new FakeMessageStore();
  readonly identity: FakeSlackIdentity;
  readonly #server: Server;
  readonly #calls = new AwaitableLog<RecordedApiCall>();
  readonly #responses = new AwaitableLog<RecordedResponse>();
  readonly #handlers: Map<string, MethodHandler>;
  readonly #failures = new Map<string, InjectedFailure[]>();
  #port = 0;
  #responseCounter = 0;

  private constructor(options: FakeSlackWebApiOptions) {
    this.identity = { ...DEFAULT_IDENTITY, ...options.identity };
    this.#handlers = defaultMethodHandlers({ identity: this.identity, messages: this.messages });
    this.#server = createServer((req, res) => void this.#route(req, res));
  }

  /** Starts a fake on an ephemeral loopback port. */
  static async start(options: FakeSlackWebApiOptions = {}): Promise<FakeSlackWebApi> {
    const api = new FakeSlackWebApi(options);
    api.#port = await listenOnLoopback(api.#server);
    return api;
  }

  get port(): number {
    return this.#port;
  }

  /** `http://127.0.0.1:PORT` */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  /** Value for WebClient's `slackApiUrl` (trailing slash included). */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  /**
   * Fresh WebClient options for `new App({ clientOptions })`. A new object each call because Bolt mutates it
   * (adds `logger`; the socket-mode client adds `retryConfig` when missing). `retries: 0` keeps failures fast.
   */
  clientOptions(overrides: webApi.WebClientOptions = {}): webApi.WebClientOptions {
    return { slackApiUrl: this.apiUrl, retryConfig: { retries: 0 }, ...overrides };
  }

  /** Every Web API call so far, oldest first. */
  get calls(): readonly RecordedApiCall[] {
    return this.#calls.entries;
  }

  /** Recorded calls of one method. */
  callsTo(method: string): RecordedApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Resolves with the first (past or future) call of `method` matching `predicate`. */
  waitForCall(
    method: string,
    predicate: Predicate<RecordedApiCall> = () => true,
    timeoutMs = DEFAULT_WAIT_MS,
  ): Promise<RecordedApiCall> {
    return this.#calls.waitFor((call) => call.method === method && predicate(call), timeoutMs, `a ${method} call`);
  }

  /** A `response_url` pointing at this fake's sink; pass it to slash-command/block-action builders. */
  responseUrl(id = `resp-${++this.#responseCounter}`): string {
    return `${this.baseUrl}/response/${encodeURIComponent(id)}`;
  }

  /** Everything POSTed to response URLs, oldest first. */
  get responses(): readonly RecordedResponse[] {
    return this.#responses.entries;
  }

  /** Resolves with the first (past or future) POST to response URL `id` (any id when omitted). */
  waitForResponse(
    id?: string,
    predicate: Predicate<RecordedResponse> = () => true,
    timeoutMs = DEFAULT_WAIT_MS,
  ): Promise<RecordedResponse> {
    const matches = (r: RecordedResponse): boolean => (id === undefined || r.id === id) && predicate(r);
    return this.#responses.waitFor(matches, timeoutMs, `a POST to response_url ${id ?? '(any)'}`);
  }

  /** Replaces the behaviour of one method (e.g. canned `conversations.replies`, or an `ok: false` error). */
  setHandler(method: string, handler: MethodHandler): void {
    this.#handlers.set(method, handler);
  }

  /** Makes the next `failure.times` calls of `method` fail at the HTTP level (429 with `retry-after`, or 5xx). */
  failNext(method: string, failure: InjectedFailure): void {
    const queue = this.#failures.get(method) ?? [];
    for (let i = 0; i < (failure.times ?? 1); i += 1) queue.push(failure);
    this.#failures.set(method, queue);
  }

  /** Stops the server, drops open connections and rejects pending waits. */
  async close(): Promise<void> {
    this.#calls.rejectPending('FakeSlackWebApi closed');
    this.#responses.rejectPending('FakeSlackWebApi closed');
    await closeHttpServer(this.#server);
  }

  async #route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const { pathname } = new URL(req.url ?? '/', this.baseUrl);
      const body = decodeBody(await readRawBody(req), req.headers['content-type']);
      if (pathname.startsWith('/api/')) return await this.#handleApi(pathname.slice('/api/'.length), req, body, res);
      if (pathname.startsWith('/response/')) return this.#handleResponseUrl(pathname, req, body, res);
      sendJson(res, 404, { ok: false, error: 'unknown_route' });
    } catch (error) {
      sendJson(res, 500, { ok: false, error: `fake_internal_error: ${String(error)}` });
    }
  }

  async #handleApi(method: string, req: IncomingMessage, body: DecodedBody, res: ServerResponse): Promise<void> {
    const request: ApiRequest = { method, body, token: tokenOf(req, body) };
    const failure = this.#failures.get(method)?.shift();
    const record = (status: number): void =>
      this.#calls.push({ ...request, contentType: req.headers['content-type'], status });
    if (failure !== undefined) {
      record(failure.status);
      return sendFailure(res, failure);
    }
    const handler = this.#handlers.get(method) ?? (() => ({ ok: true }));
    const result: ApiResult = await handler(request);
    record(200);
    sendJson(res, 200, result);
  }

  #handleResponseUrl(pathname: string, req: IncomingMessage, body: DecodedBody, res: ServerResponse): void {
    const id = decodeURIComponent(pathname.slice('/response/'.length));
    this.#responses.push({ id, body, contentType: req.headers['content-type'] });
    sendJson(res, 200, { ok: true });
  }
}

function tokenOf(req: IncomingMessage, body: DecodedBody): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length);
  return typeof body.token === 'string' ? body.token : undefined;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

function sendFailure(res: ServerResponse, failure: InjectedFailure): void {
  if (failure.status === 429) {
    sendJson(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(failure.retryAfterSec ?? 0) });
    return;
  }
  sendJson(res, failure.status, { ok: false, error: `fake_http_${failure.status}` });
}
