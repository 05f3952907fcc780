import { Embeddings } from '@langchain/core/embeddings';
import { contentTerms } from '../text/tokenize.js';
import { sha256 } from '../text/hash.js';
import type { IdentifiedEmbeddings } from './types.js';

/**
 * A deterministic bag-of-stemmed-words embedder (feature hashing). No model, instant, and
 * stable across runs: used by unit tests and as a fallback where no model can run.
 */
export class HashingEmbeddings extends Embeddings implements IdentifiedEmbeddings {
  readonly id: string;

  constructor(private readonly size = 256) {
    super({});
    this.id = `hashing:${size}`;
  }

  async dimension(): Promise<number> {
    return this.size;
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((d) => this.vector(d));
  }

  async embedQuery(document: string): Promise<number[]> {
    return this.vector(document);
  }

  private vector(text: string): number[] {
    const v = new Array<number>(this.size).fill(0);
    for (const term of contentTerms(text)) {
      const h = Number.parseInt(sha256(term).slice(0, 8), 16);
      v[h % this.size]! += (h & 0x100) === 0 ? 1 : -1;
    }
    const norm = Math.hypot(...v) || 1;
    return v.map((x) => x / norm);
  }
}
