import type { IncomingMessage, ServerResponse } from 'node:http';

import type { ChatErrorReply } from './types.js';

/** Reads the whole request body as UTF-8 text. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses JSON, returning `undefined` instead of throwing. */
export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Sends a JSON response unless the client already went away. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed || res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

const DEFAULT_ERRORS: Record<number, { message: string; type: string; code: string | null }> = {
  400: { message: 'Bad request (fake OpenAI server).', type: 'invalid_request_error', code: null },
  401: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' },
  404: { message: 'Not found.', type: 'invalid_request_error', code: null },
  // Keep this free of "try again in ..." / quota wording: LangChain parses both.
  429: {
    message: 'Rate limit reached for requests (fake OpenAI server).',
    type: 'requests',
    code: 'rate_limit_exceeded',
  },
  500: { message: 'The server had an error while processing your request.', type: 'server_error', code: null },
  503: { message: 'The engine is currently overloaded.', type: 'server_error', code: null },
};

/** Sends an OpenAI-style error body (`{ error: { message, type, param, code } }`). */
export function sendError(res: ServerResponse, reply: ChatErrorReply): void {
  const fallback = DEFAULT_ERRORS[reply.status] ?? {
    message: `Fake OpenAI error ${reply.status}.`,
    type: 'server_error',
    code: null,
  };
  const headers: Record<string, string> = {};
  if (reply.retryAfter !== undefined) headers['retry-after'] = String(reply.retryAfter);
  sendJson(
    res,
    reply.status,
    {
      error: {
        message: reply.message ?? fallback.message,
        type: reply.type ?? fallback.type,
        param: null,
        code: reply.code ?? fallback.code,
      },
    },
    headers,
  );
}

/** Resolves after `ms`, or early (to `false`) when `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (ms <= 0) return Promise.resolve(!signal.aborted);
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
