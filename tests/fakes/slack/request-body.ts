import type { IncomingMessage } from 'node:http';

/** A decoded request body: form or JSON fields, with JSON-string fields (`blocks`, `view`, …) parsed. */
export type DecodedBody = Record<string, unknown>;

// Free-text fields are never JSON-decoded, even when a message happens to look like JSON ("[1]").
const TEXT_FIELDS = new Set(['text', 'markdown_text', 'query']);

/** Reads a request body to a UTF-8 string. */
export async function readRawBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Decodes a Web API request body.
 * Slack's WebClient sends `application/x-www-form-urlencoded` with objects/arrays JSON-encoded per field;
 * other clients send `application/json`. Unknown types (e.g. multipart uploads) are kept raw under `_raw`.
 * Note that form values stay strings: `unfurl_links: false` arrives as `'false'`.
 */
export function decodeBody(raw: string, contentType: string | undefined): DecodedBody {
  if (raw === '') return {};
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('application/json')) return decodeJsonFields(parseJsonObject(raw));
  if (type.includes('application/x-www-form-urlencoded')) {
    return decodeJsonFields(Object.fromEntries(new URLSearchParams(raw)));
  }
  return { _raw: raw };
}

function parseJsonObject(raw: string): DecodedBody {
  const parsed: unknown = JSON.parse(raw);
  const isObject = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  return isObject ? (parsed as DecodedBody) : { _raw: parsed };
}

function decodeJsonFields(fields: DecodedBody): DecodedBody {
  const decoded: DecodedBody = {};
  for (const [key, value] of Object.entries(fields)) {
    decoded[key] = TEXT_FIELDS.has(key) ? value : tryParseJsonString(value);
  }
  return decoded;
}

function tryParseJsonString(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return value;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return value;
  }
}
