import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cosine, LocalUseEmbeddings } from '../../src/embeddings/index.js';
import { REPO_ROOT } from '../helpers/guide-files.js';

const THREAD = join(REPO_ROOT, 'dist', 'src', 'embeddings', 'use-model-thread.js');

function runNode(source: string) {
  return spawnSync(process.execPath, ['--input-type=module', '-e', source], { encoding: 'utf8', timeout: 60_000 });
}

describe('the USE-lite model thread', () => {
  it('does not keep a process alive that asked for no vectors (a CLI command that fails early still ends)', () => {
    const run = runNode(`
      import { startUseModel } from '${THREAD}';
      startUseModel();
      process.stdout.write('started\\n');
    `);
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('started\n');
  });

  it('keeps it alive until the vectors asked for arrive, then lets it end', () => {
    const run = runNode(`
      import { startUseModel } from '${THREAD}';
      const [a, b] = await startUseModel().embed(['certification exam', 'exam for certification']);
      process.stdout.write(a.length + ' ' + b.length + '\\n');
    `);
    expect(run.signal).toBeNull();
    expect(run.stdout).toBe('512 512\n');
  }, 90_000);

  it('embeds through LocalUseEmbeddings in order, the same text to the same vector', async () => {
    const embedder = new LocalUseEmbeddings();
    const [pay, exam, payAgain] = await embedder.embedDocuments(['starting salary', 'certification exam', 'starting salary']);
    expect(pay).toEqual(payAgain);
    expect(cosine(pay!, exam!)).toBeLessThan(0.9);
    expect(await embedder.embedQuery('certification exam')).toEqual(exam);
  }, 90_000);
});
