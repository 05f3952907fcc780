import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Document } from '@langchain/core/documents';
import { EmbeddingCache, type CacheStats, type IdentifiedEmbeddings } from '../embeddings/index.js';
import { chunkDocument, chunkSearchText, guideWords, headingChunks, extractGlossary, listKnowledgeFiles, parseKnowledgeFile, type KnowledgeDocument } from '../ingest/index.js';
import { escapeRegExp } from '../text/index.js';
import { HnswStore } from './hnsw-store.js';
import { KeywordIndex } from './keyword-index.js';
import type { KnowledgeIndex } from './knowledge-index.js';
import { INDEX_SCHEMA_VERSION, type Manifest } from './manifest.js';
import { embeddableWords, saveWordVectors, type WordVectors } from './word-vectors.js';

export interface BuildOptions {
  knowledgeDir: string;
  indexDir: string;
  /** Folder of the embedding cache; omit to embed everything afresh. */
  cacheDir?: string;
  embedder: IdentifiedEmbeddings;
  /** Called as chunks are embedded: (done, total). */
  onProgress?: (done: number, total: number) => void;
}

export interface BuildSummary {
  files: number;
  sections: number;
  chunks: number;
  glossary: number;
  /** Guide words embedded one by one for meaning-based matching (through the same cache as chunks). */
  words: number;
  /** Embedding cache use over chunks and words together. */
  cache: CacheStats;
  ms: number;
}

/**
 * Parses every guide, chunks it, extracts the glossary, embeds (through the cache) and writes the
 * index. The new index is written to a temporary folder and swapped in by rename, so a crash
 * mid-build leaves the previous index intact.
 */
export async function buildIndex(options: BuildOptions): Promise<{ index: KnowledgeIndex; summary: BuildSummary }> {
  const started = performance.now();
  const files = listKnowledgeFiles(options.knowledgeDir);
  const documents = files.map(parseKnowledgeFile);
  const chunks = documents.flatMap((doc) => [...chunkDocument(doc), ...headingChunks(doc)]);
  const glossary = documents.flatMap(extractGlossary);
  const texts = chunks.map(chunkSearchText);

  const cache = new EmbeddingCache(join(options.cacheDir ?? join(options.indexDir, '..', '.cache'), `${safeName(options.embedder.id)}.json`));
  const vectors = await cache.embed(options.embedder, texts, (done) => options.onProgress?.(done, texts.length));

  const dimension = vectors[0]?.length ?? (await options.embedder.dimension());
  const store = new HnswStore(options.embedder, { space: 'cosine', dimension });
  await store.addVectors(
    vectors,
    chunks.map((c) => new Document({ pageContent: c.text, metadata: { id: c.id, sectionId: c.sectionId, kind: c.kind } })),
  );
  const keywords = KeywordIndex.build(chunks.map((c) => ({ heading: c.headingPath.join(' '), text: c.text })));

  const words = await embedGuideWords(cache, options.embedder, documents);
  if (options.cacheDir) cache.save();

  const manifest: Manifest = {
    schemaVersion: INDEX_SCHEMA_VERSION,
    embedder: { id: options.embedder.id, dimension },
    files: Object.fromEntries(files.map((f) => [f.source, f.hash])),
    builtAt: new Date().toISOString(),
    counts: {
      files: files.length,
      sections: documents.reduce((n, d) => n + d.sections.length, 0),
      chunks: chunks.length,
      glossary: glossary.length,
    },
  };
  const index: KnowledgeIndex = { manifest, documents, chunks, glossary, vectors: store, keywords, words };
  await writeIndexAtomically(options.indexDir, index);
  return {
    index,
    summary: { ...manifest.counts, words: words.words.length, cache: { ...cache.stats }, ms: performance.now() - started },
  };
}

/** The guides' vocabulary embedded word by word (through the cache, so a rebuild re-embeds only new words). */
async function embedGuideWords(cache: EmbeddingCache, embedder: IdentifiedEmbeddings, documents: KnowledgeDocument[]): Promise<WordVectors> {
  const words = embeddableWords(guideWords(documents));
  const vectors = await cache.embed(embedder, words);
  return { words, vectors: vectors.map((v) => Float32Array.from(v)) };
}

async function writeIndexAtomically(indexDir: string, index: KnowledgeIndex): Promise<void> {
  const parent = dirname(indexDir);
  mkdirSync(parent, { recursive: true });
  recoverAbandonedBuilds(parent, basename(indexDir));
  const stamp = `${process.pid}-${Date.now()}`;
  const tmp = join(parent, `${basename(indexDir)}.tmp-${stamp}`);
  mkdirSync(tmp);
  try {
    await index.vectors.save(tmp);
    writeFileSync(join(tmp, 'keywords.json'), index.keywords.toJSON());
    saveWordVectors(tmp, index.words);
    writeFileSync(join(tmp, 'knowledge.json'), JSON.stringify({ documents: index.documents, chunks: index.chunks, glossary: index.glossary }));
    // The manifest goes last: an index folder without one is never mistaken for a complete index.
    writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(index.manifest, null, 2));
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  const old = join(parent, `${basename(indexDir)}.old-${stamp}`);
  const hadIndex = existsSync(indexDir);
  let movedAside = false;
  try {
    if (hadIndex) renameSync(indexDir, old);
    movedAside = hadIndex;
    renameSync(tmp, indexDir);
  } catch (error) {
    // Put the previous index back so a failed swap never leaves the bot without one.
    if (movedAside) renameSync(old, indexDir);
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  try {
    rmSync(old, { recursive: true, force: true });
  } catch {
    // The new index is in place; an old copy we may not delete (permissions) is only clutter,
    // and the next build's recovery step tries again.
  }
}

/**
 * Cleans up after a build that was killed (kill -9, power loss): its half-written temp folder is
 * removed, and if it died between moving the old index aside and moving the new one in, the old
 * index is put back. Folders of builds still running (live pid) are left alone.
 */
export function recoverAbandonedBuilds(parent: string, base: string): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const match = new RegExp(`^${escapeRegExp(base)}\\.(tmp|old)-(\\d+)-\\d+$`).exec(name);
    if (!match || isAlive(Number(match[2]))) continue;
    const path = join(parent, name);
    if (match[1] === 'old' && !existsSync(join(parent, base))) renameSync(path, join(parent, base));
    else rmSync(path, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  // This process cleans up its own failed builds as they fail; only other, dead processes leave debris.
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function safeName(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]+/g, '_');
}
