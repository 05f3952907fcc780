import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Answer } from '../../src/answer/index.js';
import { HashingEmbeddings } from '../../src/embeddings/index.js';
import { parseMarkdown, type KnowledgeDocument, type Section } from '../../src/ingest/index.js';
import { tempDir } from './temp-dir.js';

/** The repository root (the folder with package.json). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const KNOWLEDGE_DIR = join(REPO_ROOT, 'knowledge');
export const GUIDE_MD_NAME = 'clinical-coding-specialist-guide.md';
export const GUIDE_MD = join(KNOWLEDGE_DIR, GUIDE_MD_NAME);
/** The shared plain-text original the Markdown guide was made from. */
export const GUIDE_TXT = resolve(REPO_ROOT, '../shared/knowledge/clinical-coding-specialist-guide.txt');
export const HAVE_TXT = existsSync(GUIDE_TXT);

export function readGuideMd(): string {
  return readFileSync(GUIDE_MD, 'utf8');
}

export function parseGuideMd(): KnowledgeDocument {
  return parseMarkdown(readGuideMd(), GUIDE_MD_NAME);
}

/** The section whose last heading is `title` (throws if there is not exactly one). */
export function sectionTitled(doc: KnowledgeDocument, title: string): Section {
  const found = doc.sections.filter((s) => s.headingPath.at(-1) === title);
  if (found.length !== 1) throw new Error(`expected one section titled "${title}", found ${found.length}`);
  return found[0]!;
}

export { tempDir } from './temp-dir.js';

/** A temporary copy of the real knowledge folder, so tests may edit it. */
export function copyKnowledge(): string {
  const dir = join(tempDir('career-advisor-core-'), 'knowledge');
  cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
  return dir;
}

const USE_CACHE_PREFIX = 'career-advisor-use-cache-';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * An embedding-cache folder shared by the test files of one vitest run (keyed by the vitest main
 * process, the parent of the fork running this file), so the real USE-lite model embeds the guide
 * once per run rather than once per file. The cache is keyed by embedder id and text hash, so
 * sharing it cannot mix vectors up. Folders left by finished runs are removed.
 */
export function sharedUseCacheDir(): string {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(USE_CACHE_PREFIX)) continue;
    const pid = Number(name.slice(USE_CACHE_PREFIX.length));
    if (Number.isInteger(pid) && pid > 0 && pid !== process.ppid && !processAlive(pid)) {
      rmSync(join(tmpdir(), name), { recursive: true, force: true });
    }
  }
  const dir = join(tmpdir(), `${USE_CACHE_PREFIX}${process.ppid}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Runs `build` while holding the shared USE cache's lock, so test files running in parallel do not
 * embed the guide twice at once: the second one waits, then finds every vector in the cache.
 * A lock older than `staleMs` (a crashed holder) is ignored.
 */
export async function withSharedUseCache<T>(build: (cacheDir: string) => Promise<T>, staleMs = 180_000): Promise<T> {
  const cacheDir = sharedUseCacheDir();
  const lock = join(cacheDir, 'build.lock');
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() - started > staleMs) break;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await build(cacheDir);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Hashing embedder that counts how many texts it was asked to embed. */
export class CountingEmbeddings extends HashingEmbeddings {
  embedded = 0;
  calls = 0;

  override async embedDocuments(documents: string[]): Promise<number[][]> {
    this.calls++;
    this.embedded += documents.length;
    return super.embedDocuments(documents);
  }
}

/** The [n] markers used in an answer text, in order of appearance. */
export function markersIn(text: string): number[] {
  return [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
}

/** Checks the citation contract of an answer; returns a list of problems (empty when fine). */
export function citationProblems(answer: Answer): string[] {
  const problems: string[] = [];
  answer.citations.forEach((c, i) => {
    if (c.n !== i + 1) problems.push(`citation ${i} is numbered ${c.n}, expected ${i + 1}`);
  });
  const used = new Set(markersIn(answer.answer));
  const numbers = new Set(answer.citations.map((c) => c.n));
  for (const n of used) if (!numbers.has(n)) problems.push(`[${n}] in the text has no citation`);
  for (const n of numbers) if (!used.has(n)) problems.push(`citation ${n} is never referenced in the text`);
  const firstUse = markersIn(answer.answer).filter((n, i, all) => all.indexOf(n) === i);
  if (firstUse.some((n, i) => n !== i + 1)) problems.push(`markers first appear out of order: ${firstUse.join(',')}`);
  return problems;
}
