import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { FaultInjector } from './faults.js';
import { parseBody, readRaw } from './http-body.js';
import type { RequestRecorder } from './recorder.js';
import { discordError, ErrorCode } from './router.js';
import type { RouteResult, Router } from './router.js';
import type { FakeDiscordStore } from './store.js';
import type { GatewayEvent, RecordedFile } from './types.js';

/** The API prefix discord.js uses: `rest.api` + `/v` + `rest.version`. */
const API_PREFIX = '/api/v10';

/** Collaborators of the REST request handler. */
export interface RestServerDeps {
  router: Router;
  recorder: RequestRecorder;
  faults: FaultInjector;
  store: FakeDiscordStore;
  /** When set, bot-authenticated routes require `Authorization: Bot <token>`. */
  token?: string;
  /** Called after the response is written, with the gateway events the call caused. */
  onEvents(events: GatewayEvent[]): void;
}

/** Creates the `http.Server` request listener serving the fake REST API. */
export function createRestHandler(deps: RestServerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(deps, req, res).catch((error: unknown) => {
      // Never leave discord.js hanging on a socket: answer 500 and keep going.
      if (!res.headersSent) writeResult(res, { status: 500, body: { message: String(error), code: 0 } });
    });
  };
}

async function handle(deps: RestServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const raw = await readRaw(req);
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = routePath(url.pathname);
  const { body, files } = await parseBody(raw, req.headers['content-type']);
  const fault = path === null ? null : deps.faults.take(method, path);
  const result = fault ?? route(deps, { method, path, query: url.searchParams, body, files, headers: req.headers });
  writeResult(res, result);
  deps.recorder.record({
    method,
    path: path ?? url.pathname,
    rawUrl: req.url ?? '/',
    query: Object.fromEntries(url.searchParams),
    headers: flattenHeaders(req.headers),
    body,
    files,
    status: result.status,
    response: result.body,
    injectedFault: fault !== null,
  });
  if (!fault && result.events?.length) deps.onEvents(result.events);
}

interface IncomingCall {
  method: string;
  path: string | null;
  query: URLSearchParams;
  body: unknown;
  files: RecordedFile[];
  headers: IncomingHttpHeaders;
}

function route(deps: RestServerDeps, call: IncomingCall): RouteResult {
  if (call.path === null) return notFound();
  if (!isAuthorized(deps.token, call.path, call.headers.authorization)) {
    return discordError(401, ErrorCode.General, '401: Unauthorized');
  }
  const match = deps.router.match(call.method, call.path);
  if (!match) return notFound();
  const { query, body, files } = call;
  return match.handler({ params: match.params, query, body, files, store: deps.store });
}

function notFound(): RouteResult {
  return discordError(404, ErrorCode.General, '404: Not Found');
}

/**
 * Strips `/api/v10` and percent-decodes each segment, so tests see `@original`
 * rather than `%40original`, and emoji in reaction routes.
 */
function routePath(pathname: string): string | null {
  if (pathname !== API_PREFIX && !pathname.startsWith(`${API_PREFIX}/`)) return null;
  return pathname
    .slice(API_PREFIX.length)
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

/** Interaction callbacks and interaction webhooks are called without bot auth (`auth: false` in discord.js). */
function isAuthorized(token: string | undefined, path: string, authorization: string | undefined): boolean {
  if (token === undefined) return true;
  if (path.startsWith('/interactions/') || /^\/webhooks\/[^/]+\/[^/]+/.test(path)) return true;
  return authorization === `Bot ${token}`;
}

function writeResult(res: ServerResponse, result: RouteResult): void {
  const headers: Record<string, string> = { ...result.headers };
  if (result.body === undefined) {
    res.writeHead(result.status, headers).end();
    return;
  }
  headers['content-type'] = 'application/json';
  res.writeHead(result.status, headers).end(JSON.stringify(result.body));
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
