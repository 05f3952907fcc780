import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isStopWord } from '../text/index.js';

/**
 * The guides' own words with their embeddings, saved beside the index at ingest so that a
 * question word the guides never use can be matched to the guide words nearest in meaning
 * without embedding the vocabulary at start-up.
 */
export interface WordVectors {
  words: string[];
  vectors: Float32Array[];
}

const FILE = 'words.json';

/** Words worth a vector: real words of three letters or more that are not stop words. */
export function embeddableWords(words: readonly string[]): string[] {
  return words.filter((w) => w.length >= 3 && !isStopWord(w));
}

export function saveWordVectors(directory: string, table: WordVectors): void {
  const vectors = table.vectors.map((v) => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64'));
  writeFileSync(join(directory, FILE), JSON.stringify({ words: table.words, vectors }));
}

export function loadWordVectors(directory: string): WordVectors {
  const path = join(directory, FILE);
  if (!existsSync(path)) throw new Error(`${FILE} is missing`);
  const { words, vectors } = JSON.parse(readFileSync(path, 'utf8')) as { words: string[]; vectors: string[] };
  if (!Array.isArray(words) || !Array.isArray(vectors) || words.length !== vectors.length) throw new Error(`${FILE} does not pair each word with a vector`);
  return { words, vectors: vectors.map(decode) };
}

function decode(text: string): Float32Array {
  const buf = Buffer.from(text, 'base64');
  // A copy keeps the vector aligned whatever offset the pooled buffer had.
  return new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}
