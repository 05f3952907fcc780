import { countFakeTokens } from './chat-completions.js';
import type { EmbeddingsRequest } from './types.js';

/** Dimension used when a request does not ask for `dimensions` (that of `text-embedding-3-small`). */
export const DEFAULT_EMBEDDING_DIMENSIONS = 1536;

/** 32-bit FNV-1a hash followed by the murmur3 finalizer (so the low bits are well mixed). */
function hash32(text: string, seed: number): number {
  let hash = seed;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** Lower-cased words and numbers of `text`. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The deterministic embedding the fake server returns for `text`: a hashed bag of
 * words (signed feature hashing) in `dimensions` slots, L2-normalized and rounded
 * to float32, so it is identical whether the client asked for `float` or `base64`.
 * Texts sharing words have positive cosine similarity; text without words maps
 * to a fixed unit vector.
 */
export function fakeEmbedding(text: string, dimensions = DEFAULT_EMBEDDING_DIMENSIONS): number[] {
  if (!Number.isInteger(dimensions) || dimensions < 1) {
    throw new RangeError(`dimensions must be a positive integer, got ${dimensions}`);
  }
  const vector = new Float64Array(dimensions);
  const tokens = words(text);
  if (tokens.length === 0) {
    vector[0] = 1;
  } else {
    for (const token of tokens) {
      const slot = hash32(token, 0x811c9dc5) % dimensions;
      const sign = hash32(token, 0x9e3779b9) & 1 ? 1 : -1;
      vector[slot] = (vector[slot] ?? 0) + sign;
    }
  }
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0)) || 1;
  return Array.from(vector, (value) => Math.fround(value / norm));
}

/** Normalizes every accepted `input` shape to a list of strings (token arrays are joined). */
export function embeddingInputs(input: EmbeddingsRequest['input']): string[] {
  if (typeof input === 'string') return [input];
  if (input.length === 0) return [];
  if (input.every((item) => typeof item === 'number')) return [input.join(' ')];
  return input.map((item) => (Array.isArray(item) ? item.join(' ') : String(item)));
}

function encodeBase64(vector: number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString('base64');
}

/** Builds the `/embeddings` response body, honouring `dimensions` and `encoding_format`. */
export function embeddingsBody(request: EmbeddingsRequest, defaultDimensions: number): unknown {
  const dimensions = request.dimensions ?? defaultDimensions;
  const inputs = embeddingInputs(request.input);
  const tokens = inputs.reduce((sum, text) => sum + countFakeTokens(text), 0);
  return {
    object: 'list',
    model: request.model,
    data: inputs.map((text, index) => {
      const vector = fakeEmbedding(text, dimensions);
      return {
        object: 'embedding',
        index,
        embedding: request.encoding_format === 'base64' ? encodeBase64(vector) : vector,
      };
    }),
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  };
}
