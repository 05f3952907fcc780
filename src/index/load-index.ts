import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { IdentifiedEmbeddings } from '../embeddings/index.js';
import { IndexError } from '../errors.js';
import type { Chunk, GlossaryEntry, KnowledgeDocument } from '../ingest/index.js';
import { listKnowledgeFiles } from '../ingest/index.js';
import { recoverAbandonedBuilds } from './build-index.js';
import { loadWordVectors } from './word-vectors.js';
import { HnswStore } from './hnsw-store.js';
import { KeywordIndex } from './keyword-index.js';
import type { KnowledgeIndex } from './knowledge-index.js';
import { manifestSchema, staleReason, type Manifest } from './manifest.js';

export interface LoadOptions {
  knowledgeDir: string;
  indexDir: string;
  embedder: IdentifiedEmbeddings;
}

/**
 * Loads the index and checks it against the knowledge files and the embedder. Never returns a
 * stale or mismatched index: throws IndexError (INDEX_MISSING, INDEX_STALE or INDEX_CORRUPT).
 */
export async function loadIndex(options: LoadOptions): Promise<KnowledgeIndex> {
  const { indexDir } = options;
  recoverAbandonedBuilds(dirname(indexDir), basename(indexDir));
  const manifestPath = join(indexDir, 'manifest.json');
  if (existsSync(indexDir)) {
    try {
      accessSync(indexDir, constants.R_OK | constants.X_OK);
    } catch (cause) {
      throw new IndexError('INDEX_CORRUPT', `The index at ${indexDir} cannot be read (${(cause as NodeJS.ErrnoException).code ?? 'permission denied'}).`, { cause });
    }
  }
  if (!existsSync(manifestPath)) throw new IndexError('INDEX_MISSING', `No index found at ${indexDir}.`);
  const manifest = readManifest(manifestPath);
  const files = Object.fromEntries(listKnowledgeFiles(options.knowledgeDir).map((f) => [f.source, f.hash]));
  const reason = staleReason(manifest, options.embedder.id, files);
  if (reason) throw new IndexError('INDEX_STALE', `The index at ${indexDir} is out of date: ${reason}.`);
  try {
    const { documents, chunks, glossary } = JSON.parse(readFileSync(join(indexDir, 'knowledge.json'), 'utf8')) as {
      documents: KnowledgeDocument[];
      chunks: Chunk[];
      glossary: GlossaryEntry[];
    };
    const vectors = await HnswStore.load(indexDir, options.embedder);
    const keywords = KeywordIndex.fromJSON(readFileSync(join(indexDir, 'keywords.json'), 'utf8'));
    if (!Array.isArray(chunks) || chunks.length !== manifest.counts.chunks || vectors.size !== chunks.length) {
      throw new Error(`expected ${manifest.counts.chunks} chunks, found ${chunks?.length} chunks and ${vectors.size} vectors`);
    }
    return { manifest, documents, chunks, glossary, vectors, keywords, words: loadWordVectors(indexDir) };
  } catch (cause) {
    throw new IndexError('INDEX_CORRUPT', `The index at ${indexDir} is damaged (${describe(cause)}).`, { cause });
  }
}

function readManifest(path: string): Manifest {
  try {
    return manifestSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch (cause) {
    throw new IndexError('INDEX_CORRUPT', `The index manifest ${path} is unreadable (${describe(cause)}).`, { cause });
  }
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.slice(0, 200);
}
