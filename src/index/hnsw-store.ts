import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, type DocumentInterface } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { SaveableVectorStore } from '@langchain/core/vectorstores';
import hnswlib from 'hnswlib-node';

const VECTORS_FILE = 'vectors.hnsw';
const DOCSTORE_FILE = 'docstore.json';

interface StoredArgs {
  space: 'cosine';
  dimension: number;
}

/**
 * A small hnswlib-node vector store behind LangChain's `SaveableVectorStore` interface
 * (written here because @langchain/community's peer dependencies do not resolve on this stack).
 * Labels are positions in the docstore; `save(dir)` / `HnswStore.load(dir)` round-trip both.
 */
export class HnswStore extends SaveableVectorStore {
  declare FilterType: (doc: DocumentInterface) => boolean;
  private index: hnswlib.HierarchicalNSW | undefined;
  private readonly docs: DocumentInterface[] = [];

  constructor(
    embeddings: EmbeddingsInterface,
    private readonly args: StoredArgs,
  ) {
    super(embeddings, args);
  }

  _vectorstoreType(): string {
    return 'hnswlib-node';
  }

  get size(): number {
    return this.docs.length;
  }

  /** The stored document at a label. */
  documentAt(label: number): DocumentInterface | undefined {
    return this.docs[label];
  }

  async addDocuments(documents: DocumentInterface[]): Promise<void> {
    const vectors = await this.embeddings.embedDocuments(documents.map((d) => d.pageContent));
    await this.addVectors(vectors, documents);
  }

  async addVectors(vectors: number[][], documents: DocumentInterface[]): Promise<void> {
    if (vectors.length !== documents.length) throw new Error('addVectors: vectors and documents differ in length');
    const index = this.ensureIndex(this.docs.length + vectors.length);
    vectors.forEach((vector, i) => {
      if (vector.length !== this.args.dimension) {
        throw new Error(`addVectors: expected dimension ${this.args.dimension}, got ${vector.length}`);
      }
      index.addPoint(vector, this.docs.length + i);
    });
    this.docs.push(...documents);
  }

  /** Nearest documents with cosine similarity (1 − cosine distance). */
  async similaritySearchVectorWithScore(query: number[], k: number, filter?: this['FilterType']): Promise<[DocumentInterface, number][]> {
    return this.searchLabels(query, k, filter).map(({ label, similarity }) => [this.docs[label]!, similarity]);
  }

  /** Synchronous search returning labels; the retrieval hot path avoids promise overhead. */
  searchLabels(query: number[], k: number, filter?: this['FilterType']): Array<{ label: number; similarity: number }> {
    if (!this.index || this.docs.length === 0) return [];
    const n = Math.min(k, this.docs.length);
    const labelFilter = filter ? (label: number) => filter(this.docs[label]!) : undefined;
    const { neighbors, distances } = this.index.searchKnn(query, n, labelFilter);
    return neighbors.map((label, i) => ({ label, similarity: 1 - distances[i]! }));
  }

  /** The stored (unit-length, for cosine space) vector of a label; empty when there is none. */
  vectorAt(label: number): Float32Array {
    if (!this.index || label < 0 || label >= this.docs.length) return new Float32Array(0);
    // The constructor copies an array in one pass; Float32Array.from's iterator took 3× as long over an index at start-up.
    return new Float32Array(this.index.getPoint(label));
  }

  async save(directory: string): Promise<void> {
    if (this.index) this.index.writeIndexSync(join(directory, VECTORS_FILE));
    const docs = this.docs.map((d) => ({ pageContent: d.pageContent, metadata: d.metadata }));
    writeFileSync(join(directory, DOCSTORE_FILE), JSON.stringify({ args: this.args, docs }));
  }

  static override async load(directory: string, embeddings: EmbeddingsInterface): Promise<HnswStore> {
    const { args, docs } = JSON.parse(readFileSync(join(directory, DOCSTORE_FILE), 'utf8')) as {
      args: StoredArgs;
      docs: Array<{ pageContent: string; metadata: Record<string, unknown> }>;
    };
    const store = new HnswStore(embeddings, args);
    store.docs.push(...docs.map((d) => new Document(d)));
    if (docs.length > 0) {
      const index = new hnswlib.HierarchicalNSW(args.space, args.dimension);
      index.readIndexSync(join(directory, VECTORS_FILE));
      if (index.getCurrentCount() !== docs.length) {
        throw new Error(`vector count ${index.getCurrentCount()} does not match ${docs.length} stored documents`);
      }
      index.setEf(Math.max(64, Math.min(docs.length, 200)));
      store.index = index;
    }
    return store;
  }

  private ensureIndex(capacity: number): hnswlib.HierarchicalNSW {
    if (!this.index) {
      this.index = new hnswlib.HierarchicalNSW(this.args.space, this.args.dimension);
      this.index.initIndex({ maxElements: Math.max(capacity, 16), m: 16, efConstruction: 200, randomSeed: 42 });
      this.index.setEf(200);
    } else if (capacity > this.index.getMaxElements()) {
      this.index.resizeIndex(Math.max(capacity, this.index.getMaxElements() * 2));
    }
    return this.index;
  }
}
