import { Document } from '@langchain/core/documents';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import type { IdentifiedEmbeddings } from '../embeddings/index.js';
import { formatHeadingPath, type KnowledgeFile } from '../ingest/index.js';
import { HnswStore, type KnowledgeIndex } from '../index/index.js';
import { analyzeQuery } from '../retrieval/index.js';

/** A retrieval method under test: question → ranked section heading paths (best first). */
export interface RankedRetriever {
  name: string;
  rank(question: string): Promise<string[]>;
}

function uniqueSections(index: KnowledgeIndex, labels: number[]): string[] {
  const seen = new Set<string>();
  for (const label of labels) seen.add(formatHeadingPath(index.chunks[label]!.headingPath));
  return [...seen];
}

/** BM25 only, over the project's section-aware chunks (stop words removed, stemmed). */
export function keywordOnly(index: KnowledgeIndex): RankedRetriever {
  return {
    name: 'keyword only (BM25)',
    async rank(question) {
      const terms = analyzeQuery(question).terms.map((t) => ({ term: t.term, weight: 1 }));
      return uniqueSections(index, index.keywords.query(terms, 40).map((h) => h.label));
    },
  };
}

/** Dense only (hnswlib) over the project's section-aware chunks. */
export function denseOnly(index: KnowledgeIndex, embedder: IdentifiedEmbeddings): RankedRetriever {
  return {
    name: 'dense only (hnswlib)',
    async rank(question) {
      const vector = await embedder.embedQuery(question);
      return uniqueSections(index, index.vectors.searchLabels(vector, 40).map((h) => h.label));
    },
  };
}

/**
 * The recipe a LangChain user would reach for: RecursiveCharacterTextSplitter (1000/200) over
 * the raw guide text, the same embedder, top 4. Chunks know no headings, so each is credited
 * with every section its lines overlap.
 */
export async function langchainDefault(index: KnowledgeIndex, files: KnowledgeFile[], embedder: IdentifiedEmbeddings): Promise<RankedRetriever> {
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });
  const docs: Document[] = [];
  for (const file of files) {
    for (const doc of await splitter.createDocuments([file.text], [{ source: file.source }])) {
      const loc = (doc.metadata as { loc?: { lines?: { from: number; to: number } } }).loc?.lines;
      docs.push(new Document({ pageContent: doc.pageContent, metadata: { source: file.source, from: loc?.from ?? 0, to: loc?.to ?? 0 } }));
    }
  }
  const store = new HnswStore(embedder, { space: 'cosine', dimension: await embedder.dimension() });
  await store.addDocuments(docs);
  const sections = index.documents.flatMap((d) => d.sections);
  return {
    name: 'LangChain default recipe (1000/200, top 4)',
    async rank(question) {
      const hits = await store.similaritySearch(question, 4);
      const out = new Set<string>();
      for (const hit of hits) {
        const { source, from, to } = hit.metadata as { source: string; from: number; to: number };
        for (const s of sections) if (s.source === source && s.lineStart <= to && s.lineEnd >= from) out.add(formatHeadingPath(s.headingPath));
      }
      return [...out];
    },
  };
}
