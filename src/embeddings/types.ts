import type { EmbeddingsInterface } from '@langchain/core/embeddings';

/** An embedder the index can trust: it knows its own identity and vector size. */
export interface IdentifiedEmbeddings extends EmbeddingsInterface {
  /** Stable id of model + settings; the index and the cache are keyed by it. */
  readonly id: string;
  /** Vector dimension, known after the first call (or up front). */
  dimension(): Promise<number>;
}
