import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { LRUCache } from 'lru-cache';
import { cosine, LocalUseEmbeddings } from '../embeddings/index.js';
import { splitSentences } from '../ingest/index.js';

/** How close a claim is to the closest line (or sentence of a line) of the text it cites. */
export interface ClaimSimilarity {
  /** The highest cosine similarity between `claim` and any of `lines` (or their sentences), in [-1, 1]. */
  closest(claim: string, lines: readonly string[]): Promise<number>;
}

/** Guide lines seen recently keep their vectors: the same excerpts come back answer after answer. */
const DEFAULT_CACHE_ENTRIES = 5_000;

/**
 * Claim-to-line similarity with the offline Universal Sentence Encoder (src/embeddings), whatever
 * embedder the index uses: the threshold (LLM_CLAIM_MIN_SIMILARITY) was measured with this model,
 * and it needs no network.
 */
export class EmbeddingClaimSimilarity implements ClaimSimilarity {
  private readonly vectors: LRUCache<string, number[]>;

  constructor(
    private readonly embedder: EmbeddingsInterface = new LocalUseEmbeddings(),
    maxEntries = DEFAULT_CACHE_ENTRIES,
  ) {
    this.vectors = new LRUCache({ max: maxEntries });
  }

  async closest(claim: string, lines: readonly string[]): Promise<number> {
    const candidates = [...new Set(lines.flatMap((line) => [line, ...splitSentences(line)]).map((s) => s.trim()).filter(Boolean))];
    if (candidates.length === 0) return 0;
    const [claimVector, ...lineVectors] = await this.vectorsOf([claim, ...candidates]);
    return Math.max(...lineVectors.map((v) => cosine(claimVector!, v)));
  }

  private async vectorsOf(texts: readonly string[]): Promise<number[][]> {
    const found = new Map(texts.flatMap((t) => (this.vectors.has(t) ? [[t, this.vectors.get(t)!] as const] : [])));
    const missing = [...new Set(texts.filter((t) => !found.has(t)))];
    if (missing.length > 0) {
      const embedded = await this.embedder.embedDocuments(missing);
      missing.forEach((text, i) => {
        found.set(text, embedded[i]!);
        this.vectors.set(text, embedded[i]!);
      });
    }
    return texts.map((t) => found.get(t)!);
  }
}

let shared: EmbeddingClaimSimilarity | undefined;

/** One USE model per process, shared by every writer (it takes ~30 MB and a fraction of a second to load). */
export function sharedClaimSimilarity(): EmbeddingClaimSimilarity {
  shared ??= new EmbeddingClaimSimilarity();
  return shared;
}
