import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/index.js';
import { copyKnowledge, GUIDE_MD_NAME, REPO_ROOT, tempDir, withSharedUseCache } from '../helpers/guide-files.js';

const CLI = join(REPO_ROOT, 'dist', 'adapters', 'cli', 'main.js');

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(configSchema.shape)) delete env[key];
  return { ...env, ...extra };
}

describe('kill -9 during ingest', () => {
  it('leaves the previous index usable, and the next start cleans up and rebuilds', async () => {
    const work = tempDir('career-advisor-kill-');
    const knowledgeDir = copyKnowledge();
    const indexDir = join(work, 'index');
    await withSharedUseCache(async (cacheDir) => {
      const built = spawnSync(process.execPath, [CLI, 'ingest', '--quiet'], { env: baseEnv({ KNOWLEDGE_DIR: knowledgeDir, INDEX_DIR: indexDir, CACHE_DIR: cacheDir }), encoding: 'utf8' });
      expect(built.status, built.stderr).toBe(0);
    });

    // A changed guide and an empty embedding cache make the next ingest slow (~10 s of embedding):
    // kill it hard in the middle of that work.
    appendFileSync(join(knowledgeDir, GUIDE_MD_NAME), '\n## Volunteering\n\n- Volunteer Work: Hospital volunteering can show commitment to healthcare.\n');
    const emptyCache = join(work, 'empty-cache');
    const ingest = spawn(process.execPath, [CLI, 'ingest', '--quiet'], { env: baseEnv({ KNOWLEDGE_DIR: knowledgeDir, INDEX_DIR: indexDir, CACHE_DIR: emptyCache }), stdio: 'ignore' });
    const exited = once(ingest, 'exit');
    await new Promise((r) => setTimeout(r, 1500));
    expect(ingest.exitCode, 'ingest should still be embedding when it is killed').toBeNull();
    ingest.kill('SIGKILL');
    await exited;

    // Debris of a build killed during its final swap: a temp folder named after a process that is gone.
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
    mkdirSync(join(work, `index.tmp-${deadPid}-1`));
    writeFileSync(join(work, `index.tmp-${deadPid}-1`, 'vectors.hnsw'), 'half written');

    // The previous index is intact: it loads (and is correctly reported stale, never half-built).
    const stale = spawnSync(process.execPath, [CLI, 'ask', '--json', 'How much do entry-level coders make?'], {
      env: baseEnv({ KNOWLEDGE_DIR: knowledgeDir, INDEX_DIR: indexDir, CACHE_DIR: emptyCache, INDEX_AUTO_REBUILD: 'false' }),
      encoding: 'utf8',
    });
    expect(stale.status).not.toBe(0);
    expect(stale.stderr).toContain('INDEX_STALE');
    expect(stale.stderr).not.toContain('INDEX_CORRUPT');
    expect(existsSync(join(indexDir, 'manifest.json'))).toBe(true);

    // The next start rebuilds (auto-rebuild), answers from the new guide, and removes the abandoned temp folder.
    const next = await withSharedUseCache(async (cacheDir) =>
      spawnSync(process.execPath, [CLI, 'ask', '--json', 'Can hospital volunteering help?'], {
        env: baseEnv({ KNOWLEDGE_DIR: knowledgeDir, INDEX_DIR: indexDir, CACHE_DIR: cacheDir, INDEX_AUTO_REBUILD: 'true' }),
        encoding: 'utf8',
      }),
    );
    expect(next.status, next.stderr).toBe(0);
    expect(JSON.parse(next.stdout).answer).toContain('volunteering');
    expect(readdirSync(work).filter((n) => n.includes('.tmp-') || n.includes('.old-'))).toEqual([]);
  }, 240_000);
});
