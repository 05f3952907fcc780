import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { sha256 } from '../text/hash.js';
import type { IdentifiedEmbeddings } from './types.js';

export interface CacheStats {
  hits: number;
  misses: number;
}

/**
 * A persistent embedding cache keyed by embedder id and text hash, so re-ingesting unchanged
 * text embeds nothing. Stored as one JSON file per embedder; vectors as base64 float32.
 * A missing or unreadable cache file just means an empty cache.
 */
export class EmbeddingCache {
  private readonly entries = new Map<string, string>();
  readonly stats: CacheStats = { hits: 0, misses: 0 };
  private dirty = false;

  constructor(private readonly file: string) {
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
      for (const [k, v] of Object.entries(data)) this.entries.set(k, v);
    } catch {
      // first run or damaged cache: start empty, the index build refills it
    }
  }

  /** Embeds texts through `embedder`, reusing cached vectors and embedding only the misses. */
  async embed(embedder: IdentifiedEmbeddings, texts: string[], onProgress?: (done: number) => void): Promise<number[][]> {
    const keys = texts.map((t) => sha256(`${embedder.id}\n${t}`));
    const result: Array<number[] | undefined> = keys.map((k) => {
      const hit = this.entries.get(k);
      return hit === undefined ? undefined : decode(hit);
    });
    const missing = result.flatMap((v, i) => (v ? [] : [i]));
    this.stats.hits += texts.length - missing.length;
    this.stats.misses += missing.length;
    onProgress?.(texts.length - missing.length);
    for (let i = 0; i < missing.length; i += 64) {
      const batch = missing.slice(i, i + 64);
      const vectors = await embedder.embedDocuments(batch.map((j) => texts[j]!));
      batch.forEach((j, n) => {
        result[j] = vectors[n]!;
        this.entries.set(keys[j]!, encode(vectors[n]!));
      });
      this.dirty = true;
      onProgress?.(texts.length - missing.length + i + batch.length);
    }
    return result as number[][];
  }

  /** Writes the cache atomically if anything was added. */
  save(): void {
    if (!this.dirty) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(Object.fromEntries(this.entries)));
    renameSync(tmp, this.file);
    this.dirty = false;
  }
}

function encode(vector: number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString('base64');
}

function decode(text: string): number[] {
  const buf = Buffer.from(text, 'base64');
  return Array.from(new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4));
}
