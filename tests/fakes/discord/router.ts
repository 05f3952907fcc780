import type { FakeDiscordStore } from './store.js';
import type { GatewayEvent, RecordedFile } from './types.js';

/** Everything a REST route handler can look at. */
export interface RouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: RecordedFile[];
  store: FakeDiscordStore;
}

/** What a route handler answers; `events` are dispatched on the gateway after responding. */
export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  events?: GatewayEvent[];
}

/** A REST route handler. */
export type RouteHandler = (ctx: RouteContext) => RouteResult;

/** A route: method plus a pattern like `/channels/:channelId/messages`. */
export interface Route {
  method: string;
  pattern: string;
  handler: RouteHandler;
}

/** Matches a path against a compiled pattern, returning its params or null. */
export type PathMatcher = (path: string) => Record<string, string> | null;

/** Compiles `/a/:b/c` into a matcher; `:name` segments capture, others must be equal. */
export function compilePattern(pattern: string): PathMatcher {
  const expected = pattern.split('/');
  return (path) => {
    const actual = path.split('/');
    if (actual.length !== expected.length) return null;
    const params: Record<string, string> = {};
    for (const [i, segment] of expected.entries()) {
      const value = actual[i] ?? '';
      if (segment.startsWith(':')) params[segment.slice(1)] = value;
      else if (segment !== value) return null;
    }
    return params;
  };
}

/** First-match router: declare literal routes (`/users/@me`) before parametrised ones. */
export class Router {
  readonly #routes: Array<{ method: string; match: PathMatcher; handler: RouteHandler }>;

  constructor(routes: Route[]) {
    this.#routes = routes.map((r) => ({ method: r.method, match: compilePattern(r.pattern), handler: r.handler }));
  }

  /** Finds the handler for `method path`, or null when no route matches. */
  match(method: string, path: string): { handler: RouteHandler; params: Record<string, string> } | null {
    for (const route of this.#routes) {
      if (route.method !== method) continue;
      const params = route.match(path);
      if (params) return { handler: route.handler, params };
    }
    return null;
  }
}

/** A JSON response. */
export function json(body: unknown, status = 200, events?: GatewayEvent[]): RouteResult {
  return { status, body, events };
}

/** A 204 No Content response. */
export function noContent(events?: GatewayEvent[]): RouteResult {
  return { status: 204, events };
}

/** A Discord-style JSON error (`{ message, code }`), which @discordjs/rest turns into DiscordAPIError. */
export function discordError(status: number, code: number, message: string): RouteResult {
  return { status, body: { message, code } };
}

/** Common Discord error codes the fake answers with. */
export const ErrorCode = {
  General: 0,
  UnknownChannel: 10003,
  UnknownMessage: 10008,
  UnknownUser: 10013,
  UnknownWebhook: 10015,
  UnknownInteraction: 10062,
  InteractionAlreadyAcknowledged: 40060,
  InvalidFormBody: 50035,
} as const;
