import type { IncomingMessage } from 'node:http';
import type { RecordedFile } from './types.js';

/** A parsed request body: JSON (or `payload_json` of a multipart body) plus file parts. */
export interface ParsedBody {
  body: unknown;
  files: RecordedFile[];
}

/** Reads the whole request body. */
export async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Parses a body the way Discord does. discord.js sends JSON, or multipart/form-data with
 * a `payload_json` field and `files[n]` parts whenever attachments are involved.
 */
export async function parseBody(raw: Buffer, contentType: string | undefined): Promise<ParsedBody> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType?.startsWith('multipart/form-data')) return parseMultipart(raw, contentType);
  const text = raw.toString('utf8');
  return { body: contentType?.startsWith('application/json') ? safeJson(text) : text, files: [] };
}

/** Undici's Request implements multipart parsing, so no extra dependency is needed. */
async function parseMultipart(raw: Buffer, contentType: string): Promise<ParsedBody> {
  const form = await new Request('http://fake.local/', {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: raw,
  }).formData();
  const parsed: ParsedBody = { body: undefined, files: [] };
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field === 'payload_json') parsed.body = safeJson(value);
      continue;
    }
    parsed.files.push(await toRecordedFile(field, value));
  }
  return parsed;
}

async function toRecordedFile(field: string, file: File): Promise<RecordedFile> {
  const data = Buffer.from(await file.arrayBuffer());
  return { field, filename: file.name, contentType: file.type, size: data.length, data };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
