import type { IdentifiedEmbeddings } from '../embeddings/index.js';
import { hasCode } from '../errors.js';
import { buildIndex, type BuildSummary } from './build-index.js';
import type { KnowledgeIndex } from './knowledge-index.js';
import { loadIndex } from './load-index.js';

export interface OpenIndexOptions {
  knowledgeDir: string;
  indexDir: string;
  cacheDir: string;
  embedder: IdentifiedEmbeddings;
  /** Rebuild a missing or stale index instead of throwing. A corrupt index always throws. */
  autoRebuild: boolean;
  /** Told why a rebuild happens and what it built. */
  onRebuild?: (reason: string, summary?: BuildSummary) => void;
}

/** Loads the index, rebuilding it first when it is missing or stale and auto-rebuild is on. */
export async function openIndex(options: OpenIndexOptions): Promise<KnowledgeIndex> {
  try {
    return await loadIndex(options);
  } catch (error) {
    if (!options.autoRebuild || !(hasCode(error, 'INDEX_MISSING') || hasCode(error, 'INDEX_STALE'))) throw error;
    options.onRebuild?.(error.message.split('\n')[0]!);
    const { index, summary } = await buildIndex(options);
    options.onRebuild?.('done', summary);
    return index;
  }
}
