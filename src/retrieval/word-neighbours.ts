import { LRUCache } from 'lru-cache';
import type { WordVectors } from '../index/index.js';
import { QUALITY } from '../quality/index.js';

/** Embeds a batch of texts (the index's embedder). */
export type EmbedTexts = (texts: string[]) => Promise<number[][]>;

/** Question word → the guide words nearest to it in meaning. */
export type NearbyWords = ReadonlyMap<string, readonly string[]>;

/**
 * Guide words nearest in meaning to a question word the guides never use and the lexicon cannot
 * relate ("coworker" → "colleagues", "x-ray" → "radiology"): the embedder's similarity between
 * single words, against the guides' vocabulary embedded at ingest. Only words the guides actually
 * use come back, so the same mechanism serves any guide.
 */
export class WordNeighbours {
  private readonly looked = new LRUCache<string, readonly string[]>({ max: 5000 });

  /** The table's vectors scaled to unit length once, so a lookup is one dot product per word. */
  private readonly units: Float32Array[];

  constructor(
    private readonly table: WordVectors,
    private readonly params = QUALITY.matching.neighbours,
  ) {
    this.units = table.vectors.map(unitLength);
  }

  /**
   * The nearest guide words of each word; `embed` is called once, for the words not looked up
   * before (the caller may add its own texts to that call and keep their vectors).
   */
  async lookup(words: readonly string[], embed: EmbedTexts): Promise<NearbyWords> {
    const fresh = [...new Set(words)].filter((w) => !this.looked.has(w));
    if (fresh.length > 0 && this.units.length > 0) {
      const vectors = await embed(fresh);
      fresh.forEach((w, i) => this.looked.set(w, this.nearest(vectors[i]!)));
    }
    return new Map(words.flatMap((w) => {
      const found = this.looked.get(w);
      return found && found.length > 0 ? [[w, found] as const] : [];
    }));
  }

  /** Guide words at least `minSimilarity` close to the vector, the closest `perWord` of them. */
  nearest(vector: ArrayLike<number>): string[] {
    const query = unitLength(vector);
    return this.table.words
      .map((word, i) => ({ word, similarity: dot(query, this.units[i]!) }))
      .filter((n) => n.similarity >= this.params.minSimilarity)
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, this.params.perWord)
      .map((n) => n.word);
  }
}

function unitLength(vector: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(vector);
  const norm = Math.sqrt(dot(out, out));
  if (norm > 0) for (let i = 0; i < out.length; i++) out[i]! /= norm;
  return out;
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}
