import type { APIUser } from 'discord.js';

/** A file part of a multipart REST request (discord.js sends attachments as `files[n]`). */
export interface RecordedFile {
  /** Multipart field name, e.g. `files[0]`. */
  field: string;
  filename: string;
  contentType: string;
  size: number;
  data: Buffer;
}

/** One REST call the fake received, with the response it gave. */
export interface RecordedRequest {
  /** Position in the recording (0-based); use it with `waitForRequest(..., { since })`. */
  index: number;
  /** Upper-case HTTP method, e.g. `POST`. */
  method: string;
  /** Route path without the `/api/v10` prefix, percent-decoded (`@original`, emoji). */
  path: string;
  /** The request target exactly as received, including the `/api/v10` prefix and query. */
  rawUrl: string;
  query: Record<string, string>;
  /** Lower-cased request headers. */
  headers: Record<string, string>;
  /** Parsed JSON body; for multipart requests the parsed `payload_json` part. */
  body: unknown;
  files: RecordedFile[];
  status: number;
  /** JSON body the fake answered with (`undefined` for 204). */
  response: unknown;
  /** True when the response came from an injected fault. */
  injectedFault: boolean;
}

/** Predicate used to find or await recorded REST calls. */
export type RequestPredicate = (request: RecordedRequest) => boolean;

/**
 * Makes the next `times` REST calls matching `method` + `path` fail.
 *
 * Note: @discordjs/rest retries 5xx responses up to `rest.retries` (default 3) times
 * and always retries 429s after `retry_after` (+ `rest.offset`, default 50 ms), so
 * an injected fault is only visible to the caller if it outlasts those retries.
 */
export interface FaultRule {
  /** HTTP method to match; any method when omitted. */
  method?: string;
  /** Route pattern such as `/channels/:id/messages`, or a RegExp tested against the path. */
  path: string | RegExp;
  /** HTTP status to answer with, e.g. 429, 500, 403. */
  status: number;
  /** How many matching calls fail (default 1). */
  times?: number;
  /** For 429: seconds the client must wait (default 0.05). */
  retryAfter?: number;
  /** For 429: mark the rate limit as global (`X-RateLimit-Global`). */
  global?: boolean;
  /** JSON error body; a Discord-style default is used when omitted. */
  body?: unknown;
}

/** Construction options of {@link FakeDiscord}. */
export interface FakeDiscordOptions {
  /** Overrides for the bot user (id, username, ...). */
  botUser?: Partial<APIUser>;
  /** Application id; defaults to the bot user id, as for real bot applications. */
  applicationId?: string;
  guildName?: string;
  /** Name of the default text channel. */
  channelName?: string;
  /** When set, REST calls and IDENTIFY with another token are rejected (401 / close 4004). */
  token?: string;
  /** Heartbeat interval announced in HELLO (default 41250 ms, Discord's value). */
  heartbeatIntervalMs?: number;
  /**
   * Echo gateway events for REST side effects like Discord does (MESSAGE_CREATE for the
   * bot's own messages, MESSAGE_UPDATE, MESSAGE_DELETE, THREAD_CREATE). Default true.
   */
  echoEvents?: boolean;
}

/** Addresses of a started fake. */
export interface FakeDiscordUrls {
  port: number;
  /** Pass as `rest.api` to the discord.js Client: `http://127.0.0.1:PORT/api`. */
  apiUrl: string;
  /** Gateway URL advertised by `GET /gateway/bot`: `ws://127.0.0.1:PORT`. */
  gatewayUrl: string;
}

/** A gateway dispatch to send after a REST response (Discord's own echo events). */
export interface GatewayEvent {
  t: string;
  d: unknown;
}
