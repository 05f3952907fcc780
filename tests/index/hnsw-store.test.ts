import { readdirSync } from 'node:fs';
import { Document } from '@langchain/core/documents';
import { SaveableVectorStore, VectorStore } from '@langchain/core/vectorstores';
import { describe, expect, it } from 'vitest';
import { HashingEmbeddings } from '../../src/embeddings/index.js';
import { HnswStore } from '../../src/index/index.js';
import { tempDir } from '../helpers/guide-files.js';

const DOCS = [
  new Document({ pageContent: 'Entry-level coders earn $28,000 to $35,000 a year', metadata: { id: 'salary', topic: 'pay' } }),
  new Document({ pageContent: 'The CCS is an AHIMA credential for hospital inpatient coding', metadata: { id: 'ccs', topic: 'cert' } }),
  new Document({ pageContent: 'The CPC is an AAPC certification for outpatient coding', metadata: { id: 'cpc', topic: 'cert' } }),
  new Document({ pageContent: 'Remote positions let coders work from home offices', metadata: { id: 'remote', topic: 'work' } }),
  new Document({ pageContent: 'Continuing education credits keep a certification active', metadata: { id: 'ceu', topic: 'cert' } }),
];

function newStore(embeddings = new HashingEmbeddings()): HnswStore {
  return new HnswStore(embeddings, { space: 'cosine', dimension: 256 });
}

const ids = (docs: Array<{ metadata: Record<string, unknown> }>) => docs.map((d) => d.metadata.id);

describe('HnswStore as a LangChain vector store', () => {
  it('is a SaveableVectorStore', () => {
    const store = newStore();
    expect(store).toBeInstanceOf(SaveableVectorStore);
    expect(store).toBeInstanceOf(VectorStore);
    expect(store._vectorstoreType()).toBe('hnswlib-node');
  });

  it('addDocuments + similaritySearch through the base-class API find the right document', async () => {
    const store = newStore();
    await store.addDocuments(DOCS);
    expect(store.size).toBe(DOCS.length);

    const [top] = await store.similaritySearch('hospital inpatient coding credential AHIMA', 1);
    expect(top).toBeDefined();
    expect(top!.metadata.id).toBe('ccs');
    expect(top!.pageContent).toBe(DOCS[1]!.pageContent);

    const scored = await store.similaritySearchWithScore('coders earn salary per year', 3);
    expect(scored).toHaveLength(3);
    expect(scored[0]![0].metadata.id).toBe('salary');
    // Cosine similarities, best first.
    const scores = scored.map(([, s]) => s);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const s of scores) expect(s).toBeLessThanOrEqual(1 + 1e-6);
    // The exact text of a stored document is its own nearest neighbour with similarity ~1.
    const [[self, selfScore]] = (await store.similaritySearchWithScore(DOCS[3]!.pageContent, 1)) as [[Document, number]];
    expect(self.metadata.id).toBe('remote');
    expect(selfScore).toBeCloseTo(1, 5);
  });

  it('caps k at the number of stored documents and returns nothing when empty', async () => {
    const empty = newStore();
    expect(await empty.similaritySearch('anything', 5)).toEqual([]);
    const store = newStore();
    await store.addDocuments(DOCS.slice(0, 2));
    expect(await store.similaritySearch('coding', 10)).toHaveLength(2);
  });

  it('supports a document filter', async () => {
    const store = newStore();
    await store.addDocuments(DOCS);
    const results = await store.similaritySearch('coders earn salary per year', 5, (d) => d.metadata.topic === 'cert');
    expect(results.length).toBeGreaterThan(0);
    expect(new Set(results.map((d) => d.metadata.topic))).toEqual(new Set(['cert']));
  });

  it('works as a retriever (asRetriever().invoke)', async () => {
    const store = newStore();
    await store.addDocuments(DOCS);
    const docs = await store.asRetriever({ k: 2 }).invoke('AAPC outpatient certification CPC');
    expect(docs).toHaveLength(2);
    expect(docs[0]!.metadata.id).toBe('cpc');
  });

  it('grows past its initial capacity across several addDocuments calls', async () => {
    const store = newStore();
    const many = Array.from({ length: 40 }, (_, i) => new Document({ pageContent: `note number ${i} about topic${i} and subject${i}`, metadata: { id: `n${i}` } }));
    await store.addDocuments(many.slice(0, 10));
    await store.addDocuments(many.slice(10));
    expect(store.size).toBe(40);
    const [hit] = await store.similaritySearch('topic37 subject37', 1);
    expect(hit!.metadata.id).toBe('n37');
  });

  it('rejects vectors of the wrong dimension and mismatched lengths', async () => {
    const store = newStore();
    await expect(store.addVectors([[1, 2, 3]], [DOCS[0]!])).rejects.toThrow(/dimension/);
    await expect(store.addVectors([], [DOCS[0]!])).rejects.toThrow(/length/);
  });

  it('save(dir) / HnswStore.load(dir) round-trip documents, metadata and search results', async () => {
    const embeddings = new HashingEmbeddings();
    const store = newStore(embeddings);
    await store.addDocuments(DOCS);
    const dir = tempDir();
    await store.save(dir);
    expect(readdirSync(dir).sort()).toEqual(['docstore.json', 'vectors.hnsw']);

    const loaded = await HnswStore.load(dir, embeddings);
    expect(loaded).toBeInstanceOf(HnswStore);
    expect(loaded.size).toBe(DOCS.length);
    for (let i = 0; i < DOCS.length; i++) {
      expect(loaded.documentAt(i)?.pageContent).toBe(DOCS[i]!.pageContent);
      expect(loaded.documentAt(i)?.metadata).toEqual(DOCS[i]!.metadata);
    }
    for (const q of ['hospital inpatient', 'salary per year', 'work from home', 'keep certification active']) {
      const a = await store.similaritySearchWithScore(q, 3);
      const b = await loaded.similaritySearchWithScore(q, 3);
      expect(ids(b.map(([d]) => d))).toEqual(ids(a.map(([d]) => d)));
      b.forEach(([, s], i) => expect(s).toBeCloseTo(a[i]![1], 5));
    }
    // A loaded store keeps accepting documents.
    await loaded.addDocuments([new Document({ pageContent: 'Zebra stripes are unique', metadata: { id: 'zebra' } })]);
    expect((await loaded.similaritySearch('zebra stripes unique', 1))[0]!.metadata.id).toBe('zebra');
  });

  it('an empty store saves and loads', async () => {
    const dir = tempDir();
    await newStore().save(dir);
    const loaded = await HnswStore.load(dir, new HashingEmbeddings());
    expect(loaded.size).toBe(0);
    expect(await loaded.similaritySearch('x', 3)).toEqual([]);
  });
});
