import type { Chunk, GlossaryEntry, KnowledgeDocument } from '../ingest/index.js';
import type { HnswStore } from './hnsw-store.js';
import type { KeywordIndex } from './keyword-index.js';
import type { Manifest } from './manifest.js';
import type { WordVectors } from './word-vectors.js';

/** Everything retrieval and answering read: loaded once, then shared read-only. */
export interface KnowledgeIndex {
  manifest: Manifest;
  documents: KnowledgeDocument[];
  /** Chunk at position i has vector label i and keyword id i. */
  chunks: Chunk[];
  glossary: GlossaryEntry[];
  vectors: HnswStore;
  keywords: KeywordIndex;
  /** The guides' words and their embeddings (for question words the guides never use). */
  words: WordVectors;
}
