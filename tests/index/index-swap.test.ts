import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { HashingEmbeddings } from '../../src/embeddings/index.js';
import { buildIndex, loadIndex } from '../../src/index/index.js';
import { copyKnowledge } from '../helpers/guide-files.js';

/**
 * The last step of an index build swaps folders: current index → `<index>.old-*`, then the new
 * temporary folder → `<index>`. Here the second rename is made to fail (as a full disk, a
 * permission change or a crash between the two renames would), via a mock of node:fs.
 */
const control = vi.hoisted(() => ({ failRenameInto: undefined as string | undefined }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const renameSync: typeof fs.renameSync = (from, to) => {
    if (control.failRenameInto && String(to) === control.failRenameInto && String(from).includes('.tmp-')) {
      throw Object.assign(new Error(`EACCES: simulated failure, rename '${String(from)}' -> '${String(to)}'`), { code: 'EACCES' });
    }
    return fs.renameSync(from, to);
  };
  return { ...fs, default: { ...fs, renameSync }, renameSync };
});

async function setUp() {
  const knowledgeDir = copyKnowledge();
  const root = dirname(knowledgeDir);
  const paths = { knowledgeDir, indexDir: join(root, 'index') };
  const embedder = new HashingEmbeddings();
  const { index } = await buildIndex({ ...paths, embedder });
  return { paths, root, embedder, builtAt: index.manifest.builtAt };
}

describe('index swap failure', () => {
  it('the failed build is reported and leaves no temporary folder', async () => {
    const { paths, root, embedder } = await setUp();
    control.failRenameInto = paths.indexDir;
    try {
      await expect(buildIndex({ ...paths, embedder })).rejects.toThrow(/simulated failure/);
    } finally {
      control.failRenameInto = undefined;
    }
    expect(readdirSync(root).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('a failure after the old index was moved aside still leaves the previous index loadable', async () => {
    // buildIndex renames the current index to `<index>.old-*` before moving the new one in; when
    // that second rename fails, the catch block only deletes the temp folder and never moves the
    // old index back, so `<index>` no longer exists (INDEX_MISSING) although the docs promise
    // "a crash mid-build leaves the previous index intact".
    const { paths, embedder, builtAt } = await setUp();
    control.failRenameInto = paths.indexDir;
    try {
      await expect(buildIndex({ ...paths, embedder })).rejects.toThrow(/simulated failure/);
    } finally {
      control.failRenameInto = undefined;
    }
    expect(existsSync(join(paths.indexDir, 'manifest.json'))).toBe(true);
    const loaded = await loadIndex({ ...paths, embedder });
    expect(loaded.manifest.builtAt).toBe(builtAt);
  });
});
