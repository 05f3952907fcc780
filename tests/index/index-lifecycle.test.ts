import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HashingEmbeddings } from '../../src/embeddings/index.js';
import { IndexError } from '../../src/errors.js';
import { buildIndex, loadIndex, openIndex, type BuildSummary, type KnowledgeIndex } from '../../src/index/index.js';
import { copyKnowledge, CountingEmbeddings, GUIDE_MD_NAME, tempDir } from '../helpers/guide-files.js';

const QUESTIONS = ['How much do entry-level coders make?', 'Which AHIMA certification is for hospital inpatient coding?', 'remote work from home', 'continuing education credits'];

/** A fresh knowledge copy plus index/cache paths in one temp folder. */
function workspace() {
  const knowledgeDir = copyKnowledge();
  const root = dirname(knowledgeDir);
  return { knowledgeDir, indexDir: join(root, 'index'), cacheDir: join(root, 'cache'), root };
}

async function searchLabels(index: KnowledgeIndex, embedder: HashingEmbeddings): Promise<number[][]> {
  const out: number[][] = [];
  for (const q of QUESTIONS) out.push(index.vectors.searchLabels(await embedder.embedQuery(q), 10).map((h) => h.label));
  return out;
}

/** The rejection of a promise, which must be an IndexError. */
async function indexErrorOf(promise: Promise<unknown>): Promise<IndexError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IndexError);
  return error as IndexError;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('index build → load', () => {
  it('round-trips: same manifest, documents, chunks, glossary, and identical search results', async () => {
    const ws = workspace();
    const embedder = new HashingEmbeddings();
    const { index: built, summary } = await buildIndex({ ...ws, embedder });
    const loaded = await loadIndex({ ...ws, embedder });

    expect(summary.files).toBe(1);
    expect(summary.chunks).toBe(built.chunks.length);
    expect(loaded.chunks).toHaveLength(built.chunks.length);
    expect(loaded.vectors.size).toBe(built.chunks.length);
    expect(loaded.manifest).toEqual(built.manifest);
    expect(loaded.manifest.files).toEqual({ [GUIDE_MD_NAME]: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(loaded.manifest.embedder).toEqual({ id: 'hashing:256', dimension: 256 });
    expect(loaded.documents).toEqual(built.documents);
    expect(loaded.chunks).toEqual(built.chunks);
    expect(loaded.glossary).toEqual(built.glossary);
    // The guide's vocabulary, embedded word by word for meaning-based matching of unknown question words.
    expect(loaded.words).toEqual(built.words);
    expect(loaded.words.words).toContain('salary');
    expect(loaded.words.words).not.toContain('the');
    expect(loaded.words.vectors.every((v) => v.length === 256)).toBe(true);

    const before = await searchLabels(built, embedder);
    expect(before.every((labels) => labels.length === 10)).toBe(true);
    expect(await searchLabels(loaded, embedder)).toEqual(before);
    // Vector label i is chunk i, in both.
    for (const label of before[0]!) {
      expect(loaded.vectors.documentAt(label)?.metadata.id).toBe(loaded.chunks[label]!.id);
      expect(loaded.vectors.documentAt(label)?.pageContent).toBe(loaded.chunks[label]!.text);
    }
    const terms = [{ term: 'salari', weight: 1 }, { term: 'entri', weight: 1 }];
    expect(loaded.keywords.query(terms, 10)).toEqual(built.keywords.query(terms, 10));
    expect(loaded.keywords.query(terms, 10).length).toBeGreaterThan(0);
  });

  it('writes nothing but the index folder (no temp or old folders left behind)', async () => {
    const ws = workspace();
    await buildIndex({ ...ws, embedder: new HashingEmbeddings() });
    await buildIndex({ ...ws, embedder: new HashingEmbeddings() });
    expect(readdirSync(ws.root).sort()).toEqual(['cache', 'index', 'knowledge']);
    expect(readdirSync(ws.indexDir).sort()).toEqual(['docstore.json', 'keywords.json', 'knowledge.json', 'manifest.json', 'vectors.hnsw', 'words.json']);
  });
});

describe('stale, missing and corrupt indexes', () => {
  it('editing a knowledge file → INDEX_STALE naming the file and the fix', async () => {
    const ws = workspace();
    const embedder = new HashingEmbeddings();
    await buildIndex({ ...ws, embedder });
    appendFileSync(join(ws.knowledgeDir, GUIDE_MD_NAME), '\n## New Section\n\nA new line.\n');
    const error = await indexErrorOf(loadIndex({ ...ws, embedder }));
    expect(error.code).toBe('INDEX_STALE');
    expect(error.message).toContain(GUIDE_MD_NAME);
    expect(error.message).toContain('career-advisor ingest');
  });

  it('adding or removing a knowledge file → INDEX_STALE naming that file', async () => {
    const ws = workspace();
    const embedder = new HashingEmbeddings();
    writeFileSync(join(ws.knowledgeDir, 'extra-guide.txt'), 'Extra Guide\nSome Heading\nSome text.\n');
    await buildIndex({ ...ws, embedder });
    rmSync(join(ws.knowledgeDir, 'extra-guide.txt'));
    const removed = await indexErrorOf(loadIndex({ ...ws, embedder }));
    expect(removed.code).toBe('INDEX_STALE');
    expect(removed.message).toContain('extra-guide.txt');
    expect(removed.message).not.toContain(GUIDE_MD_NAME);

    await buildIndex({ ...ws, embedder });
    mkdirSync(join(ws.knowledgeDir, 'more'));
    writeFileSync(join(ws.knowledgeDir, 'more', 'added.md'), '# Added\n## Heading\nText.\n');
    const added = await indexErrorOf(loadIndex({ ...ws, embedder }));
    expect(added.code).toBe('INDEX_STALE');
    expect(added.message).toContain('more/added.md');
  });

  it('a different embedder id → INDEX_STALE naming both embedders', async () => {
    const ws = workspace();
    await buildIndex({ ...ws, embedder: new HashingEmbeddings() });
    const error = await indexErrorOf(loadIndex({ ...ws, embedder: new HashingEmbeddings(128) }));
    expect(error.code).toBe('INDEX_STALE');
    expect(error.message).toContain('hashing:256');
    expect(error.message).toContain('hashing:128');
    expect(error.message).toContain('career-advisor ingest');
  });

  it('an index from an older schema version → INDEX_STALE', async () => {
    const ws = workspace();
    const embedder = new HashingEmbeddings();
    await buildIndex({ ...ws, embedder });
    const manifestPath = join(ws.indexDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { schemaVersion: number };
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, schemaVersion: manifest.schemaVersion - 1 }));
    const error = await indexErrorOf(loadIndex({ ...ws, embedder }));
    expect(error.code).toBe('INDEX_STALE');
    expect(error.message).toMatch(/schema/);
  });

  it('no index folder, or a folder without manifest.json → INDEX_MISSING', async () => {
    const ws = workspace();
    const embedder = new HashingEmbeddings();
    const never = await indexErrorOf(loadIndex({ ...ws, embedder }));
    expect(never.code).toBe('INDEX_MISSING');
    expect(never.message).toContain('career-advisor ingest');

    await buildIndex({ ...ws, embedder });
    rmSync(join(ws.indexDir, 'manifest.json'));
    const error = await indexErrorOf(loadIndex({ ...ws, embedder }));
    expect(error.code).toBe('INDEX_MISSING');
    expect(error.message).toContain(ws.indexDir);
    expect(error.message).toContain('career-advisor ingest');
  });

  const damage: Array<[file: string, content: string | Buffer]> = [
    ['vectors.hnsw', 'this is not an hnsw index'],
    ['vectors.hnsw', Buffer.alloc(4096, 0xab)],
    ['vectors.hnsw', ''],
    ['knowledge.json', '{"documents": [oops'],
    ['knowledge.json', '{}'],
    ['manifest.json', 'not json at all'],
    ['manifest.json', '{"schemaVersion": 3}'],
    ['docstore.json', '[[['],
    ['keywords.json', 'garbage'],
    ['words.json', '{"words": ["salary"], "vectors": []}'],
    ['words.json', 'garbage'],
  ];
  it.each(damage)('garbage in %s → INDEX_CORRUPT naming `career-advisor ingest` (%#)', async (file, content) => {
    const ws = workspace();
    const embedder = new HashingEmbeddings();
    await buildIndex({ ...ws, embedder });
    writeFileSync(join(ws.indexDir, file), content);
    const error = await indexErrorOf(loadIndex({ ...ws, embedder }));
    expect(error.code).toBe('INDEX_CORRUPT');
    expect(error.message).toContain('career-advisor ingest');
    expect(error.message).toContain(ws.indexDir);
  });

  it.each(['vectors.hnsw', 'words.json'])('a missing %s → INDEX_CORRUPT', async (file) => {
    const ws = workspace();
    const embedder = new HashingEmbeddings();
    await buildIndex({ ...ws, embedder });
    rmSync(join(ws.indexDir, file));
    expect((await indexErrorOf(loadIndex({ ...ws, embedder }))).code).toBe('INDEX_CORRUPT');
  });
});

describe('openIndex', () => {
  it('with autoRebuild, rebuilds a stale index, reports why and what it built, and persists it', async () => {
    const ws = workspace();
    const embedder = new HashingEmbeddings();
    await buildIndex({ ...ws, embedder });
    appendFileSync(join(ws.knowledgeDir, GUIDE_MD_NAME), '\n## Brand New Section\n\nZebra migration patterns are not in the guide.\n');
    const reports: Array<[string, BuildSummary | undefined]> = [];
    const index = await openIndex({ ...ws, embedder, autoRebuild: true, onRebuild: (reason, summary) => reports.push([reason, summary]) });

    expect(reports).toHaveLength(2);
    expect(reports[0]![0]).toMatch(/out of date/);
    expect(reports[0]![0]).toContain(GUIDE_MD_NAME);
    expect(reports[0]![1]).toBeUndefined();
    expect(reports[1]![0]).toBe('done');
    expect(reports[1]![1]).toMatchObject({ files: 1, chunks: index.chunks.length });
    expect(index.chunks.some((c) => c.text.includes('Zebra migration'))).toBe(true);
    // The rebuilt index was saved: a plain load now succeeds and sees the new section.
    const reloaded = await loadIndex({ ...ws, embedder });
    expect(reloaded.chunks.some((c) => c.headingPath.includes('Brand New Section'))).toBe(true);
  });

  it('with autoRebuild, builds a missing index', async () => {
    const ws = workspace();
    const reasons: string[] = [];
    const index = await openIndex({ ...ws, embedder: new HashingEmbeddings(), autoRebuild: true, onRebuild: (r) => reasons.push(r) });
    expect(index.chunks.length).toBeGreaterThan(200);
    expect(reasons[0]).toMatch(/No index found/);
    expect(existsSync(join(ws.indexDir, 'manifest.json'))).toBe(true);
  });

  it('without autoRebuild, a stale index throws INDEX_STALE and nothing is rebuilt', async () => {
    const ws = workspace();
    const embedder = new CountingEmbeddings();
    await buildIndex({ ...ws, embedder });
    const builtAt = JSON.parse(readFileSync(join(ws.indexDir, 'manifest.json'), 'utf8')).builtAt as string;
    appendFileSync(join(ws.knowledgeDir, GUIDE_MD_NAME), '\nOne more line.\n');
    embedder.embedded = 0;
    const onRebuild = vi.fn();
    const error = await indexErrorOf(openIndex({ ...ws, embedder, autoRebuild: false, onRebuild }));
    expect(error.code).toBe('INDEX_STALE');
    expect(onRebuild).not.toHaveBeenCalled();
    expect(embedder.embedded).toBe(0);
    expect(JSON.parse(readFileSync(join(ws.indexDir, 'manifest.json'), 'utf8')).builtAt).toBe(builtAt);
  });

  it('a corrupt index is never silently rebuilt, even with autoRebuild', async () => {
    const ws = workspace();
    const embedder = new HashingEmbeddings();
    await buildIndex({ ...ws, embedder });
    writeFileSync(join(ws.indexDir, 'knowledge.json'), 'garbage');
    const onRebuild = vi.fn();
    const error = await indexErrorOf(openIndex({ ...ws, embedder, autoRebuild: true, onRebuild }));
    expect(error.code).toBe('INDEX_CORRUPT');
    expect(onRebuild).not.toHaveBeenCalled();
  });
});

describe('aborted builds leave the previous index loadable', () => {
  it('a failure while swapping the new index in (rename blocked) keeps the old index and cleans up', async () => {
    const ws = workspace();
    const embedder = new HashingEmbeddings();
    const { index: first } = await buildIndex({ ...ws, embedder });
    const guidePath = join(ws.knowledgeDir, GUIDE_MD_NAME);
    const original = readFileSync(guidePath, 'utf8');
    writeFileSync(guidePath, `${original}\n## Unfinished Section\n\nThis build will not land.\n`);

    // The build swaps folders named `<index>.old-<pid>-<Date.now()>`: pin the clock and put a
    // non-empty folder at that name, so moving the current index aside fails deterministically.
    vi.spyOn(Date, 'now').mockReturnValue(1_700_000_000_000);
    const blocker = join(ws.root, `index.old-${process.pid}-1700000000000`);
    mkdirSync(blocker);
    writeFileSync(join(blocker, 'keep'), 'x');
    await expect(buildIndex({ ...ws, embedder })).rejects.toThrow(/ENOTEMPTY|EEXIST/);
    vi.restoreAllMocks();

    // No half-written temp folder remains, and the previous index is intact.
    expect(readdirSync(ws.root).filter((n) => n.includes('.tmp-'))).toEqual([]);
    writeFileSync(guidePath, original);
    const loaded = await loadIndex({ ...ws, embedder });
    expect(loaded.manifest.builtAt).toBe(first.manifest.builtAt);
    expect(loaded.chunks).toEqual(first.chunks);
    expect(loaded.chunks.some((c) => c.text.includes('This build will not land'))).toBe(false);
  });

  it('an embedder that fails mid-build keeps the old index and writes nothing', async () => {
    const ws = workspace();
    const paths = { knowledgeDir: ws.knowledgeDir, indexDir: ws.indexDir }; // no cache: every chunk is embedded
    const embedder = new HashingEmbeddings();
    const { index: first } = await buildIndex({ ...paths, embedder });

    class FailingEmbeddings extends HashingEmbeddings {
      private batches = 0;
      override async embedDocuments(documents: string[]): Promise<number[][]> {
        if (++this.batches === 2) throw new Error('model crashed on batch 2');
        return super.embedDocuments(documents);
      }
    }
    await expect(buildIndex({ ...paths, embedder: new FailingEmbeddings() })).rejects.toThrow('model crashed on batch 2');
    expect(readdirSync(ws.root).sort()).toEqual(['index', 'knowledge']);
    const loaded = await loadIndex({ ...paths, embedder });
    expect(loaded.manifest.builtAt).toBe(first.manifest.builtAt);
  });
});

describe('embedding cache', () => {
  it('makes a second build embed 0 texts, and an edit embed only the changed chunks', async () => {
    const ws = workspace();
    const first = new CountingEmbeddings();
    const { summary: s1 } = await buildIndex({ ...ws, embedder: first });
    // Every chunk and every guide word is embedded once.
    expect(s1.words).toBeGreaterThan(0);
    expect(first.embedded).toBe(s1.chunks + s1.words);
    expect(s1.cache).toEqual({ hits: 0, misses: s1.chunks + s1.words });
    expect(readdirSync(ws.cacheDir)).toEqual(['hashing_256.json']);

    const second = new CountingEmbeddings();
    const { summary: s2 } = await buildIndex({ ...ws, indexDir: join(ws.root, 'index2'), embedder: second });
    expect(second.embedded).toBe(0);
    expect(second.calls).toBe(0);
    expect(s2.cache).toEqual({ hits: s2.chunks + s2.words, misses: 0 });

    // Same vectors either way: searches agree.
    const a = await loadIndex({ ...ws, embedder: first });
    const b = await loadIndex({ ...ws, indexDir: join(ws.root, 'index2'), embedder: second });
    expect(await searchLabels(b, second)).toEqual(await searchLabels(a, first));

    appendFileSync(join(ws.knowledgeDir, GUIDE_MD_NAME), '\n## Cache Test Section\n\nOnly this needs embedding. And so does this sentence.\n');
    const third = new CountingEmbeddings();
    const { summary: s3 } = await buildIndex({ ...ws, embedder: third });
    // One section chunk, its heading chunk and two sentence units are new, and the words the guide did not use before.
    const newWords = s3.words - s1.words;
    expect(third.embedded).toBe(4 + newWords);
    expect(s3.cache).toEqual({ hits: s3.chunks + s3.words - 4 - newWords, misses: 4 + newWords });
  });

  it('is keyed by embedder: another embedder gets no hits', async () => {
    const ws = workspace();
    await buildIndex({ ...ws, embedder: new CountingEmbeddings() });
    const other = new CountingEmbeddings(128);
    const { summary } = await buildIndex({ ...ws, embedder: other });
    expect(summary.cache.hits).toBe(0);
    expect(other.embedded).toBe(summary.chunks + summary.words);
  });

  it('a damaged cache file is treated as empty (the build still succeeds)', async () => {
    const ws = workspace();
    await buildIndex({ ...ws, embedder: new CountingEmbeddings() });
    writeFileSync(join(ws.cacheDir, 'hashing_256.json'), '{ broken');
    const again = new CountingEmbeddings();
    const { summary } = await buildIndex({ ...ws, embedder: again });
    expect(again.embedded).toBe(summary.chunks + summary.words);
    await expect(loadIndex({ ...ws, embedder: again })).resolves.toBeDefined();
  });

  it('without a cacheDir nothing is cached on disk', async () => {
    const ws = workspace();
    const embedder = new CountingEmbeddings();
    await buildIndex({ knowledgeDir: ws.knowledgeDir, indexDir: ws.indexDir, embedder });
    expect(readdirSync(ws.root).sort()).toEqual(['index', 'knowledge']);
  });
});
