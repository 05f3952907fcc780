import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HTTPReceiver, Logger } from '@slack/bolt';

/** Bolt's own limit for a request body (HTTPModuleFunctions.defaultBodyLimit). */
export const BODY_LIMIT_BYTES = 4 * 1024 * 1024;

/** A request body that is a JSON object, as Bolt will see it. */
export type SlackBody = Record<string, unknown>;

/**
 * Called with every well-formed body before Bolt sees it. Return false when the request has been
 * answered already (the hook wrote the response), true to pass it on to Bolt.
 */
export type BeforeBolt = (body: SlackBody, raw: string, req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export interface BodyGuardOptions {
  logger: Logger;
  /** The path Bolt serves events, commands and interactivity on. */
  path: string;
  beforeBolt?: BeforeBolt;
}

/**
 * Makes an HTTPReceiver answer 400 to any POST whose body is not a JSON object — `null`, an array,
 * a number, a string, broken JSON, or a form whose `payload` is one of those — before Bolt reads it.
 * Bolt dereferences the parsed body (`body.ssl_check`) outside its own error handling, so one
 * signed `null` would otherwise throw where nothing catches it. The body is buffered here and left
 * on `req.rawBody`, which Bolt reuses instead of reading the stream again.
 */
export function guardRequestBodies(receiver: HTTPReceiver, options: BodyGuardOptions): void {
  const inner = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== options.path) {
      inner(req, res);
      return;
    }
    void screen(req, res, options).then(
      (pass) => {
        if (pass) inner(req, res);
      },
      (error: unknown) => {
        options.logger.error(`slack: could not read a request: ${error instanceof Error ? error.message : String(error)}`);
        if (!res.headersSent) res.writeHead(500).end();
      },
    );
  };
}

async function screen(req: IncomingMessage, res: ServerResponse, options: BodyGuardOptions): Promise<boolean> {
  const raw = await readBody(req);
  if (raw === undefined) {
    options.logger.warn(`Refused a Slack request: the body is larger than ${BODY_LIMIT_BYTES} bytes.`);
    res.writeHead(413).end();
    return false;
  }
  const body = parseObject(raw.toString('utf8'), req.headers['content-type']);
  if (!body || !hasEventObject(body)) {
    options.logger.warn('Refused a Slack request: its body is not a JSON object (or an event delivery without an event object).');
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('request body must be a JSON object');
    return false;
  }
  (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
  return options.beforeBolt ? options.beforeBolt(body, raw.toString('utf8'), req, res) : true;
}

/** The body, or undefined when it exceeds the limit (the rest is drained so the client sees the answer). */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT_BYTES) tooLarge = true;
    if (!tooLarge) chunks.push(chunk as Buffer);
  }
  return tooLarge ? undefined : Buffer.concat(chunks);
}

/**
 * The body as Bolt will parse it (same rules: a form's `payload` field is JSON, any other
 * content type is JSON), or undefined when that is not a plain object.
 */
export function parseObject(raw: string, contentType: string | undefined): SlackBody | undefined {
  try {
    if (contentType === 'application/x-www-form-urlencoded') {
      const form = new URLSearchParams(raw);
      const payload = form.get('payload');
      return payload === null ? Object.fromEntries(form) : asObject(JSON.parse(payload));
    }
    return asObject(JSON.parse(raw));
  } catch {
    return undefined;
  }
}

/** An Events API delivery carries its event as an object; Bolt reads `body.event.type` unguarded. */
function hasEventObject(body: SlackBody): boolean {
  return body.type !== 'event_callback' || asObject(body.event) !== undefined;
}

function asObject(value: unknown): SlackBody | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as SlackBody) : undefined;
}
