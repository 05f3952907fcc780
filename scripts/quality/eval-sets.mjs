// Runs `career-advisor eval --json` over sets of eval files, each set with the guides it names
// loaded alone (a knowledge folder and index of its own) or, without `guides`, with the default
// knowledge folder. Shared by the CI gate (check-quality-floors.mjs) and eval-splits.mjs.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/**
 * Environment for one guide list: the default knowledge folder, or a folder holding only those
 * guides. `keep` names a lasting folder (its index is reused while the guides are unchanged);
 * otherwise a fresh one is made and `dir` is returned for the caller to remove.
 */
function environmentFor(guides, keep) {
  if (!guides) return { env: process.env };
  const dir = keep ? join(tmpdir(), 'career-advisor-eval-sets', createHash('sha1').update(guides.join('\n')).digest('hex').slice(0, 12)) : mkdtempSync(join(tmpdir(), 'career-advisor-floors-'));
  const knowledge = join(dir, 'knowledge');
  rmSync(knowledge, { recursive: true, force: true });
  mkdirSync(knowledge, { recursive: true });
  for (const guide of guides) copyFileSync(guide, join(knowledge, basename(guide)));
  return { dir: keep ? undefined : dir, env: { ...process.env, KNOWLEDGE_DIR: knowledge, INDEX_DIR: join(dir, 'index'), INDEX_AUTO_REBUILD: 'true' } };
}

/** One eval run per distinct guide list; returns each file's report. `keep`: reuse each list's index between runs. */
export function evaluateSets(sets, { keep = false } = {}) {
  const groups = new Map();
  for (const s of sets) {
    const key = JSON.stringify(s.guides ?? null);
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const reports = {};
  for (const group of groups.values()) {
    const files = group.map((s) => s.file);
    const { dir, env } = environmentFor(group[0].guides, keep);
    try {
      const out = execFileSync(process.execPath, ['dist/adapters/cli/main.js', 'eval', '--json', ...files], { encoding: 'utf8', maxBuffer: 64 << 20, env, stdio: ['ignore', 'pipe', 'pipe'] });
      const parsed = JSON.parse(out);
      Object.assign(reports, files.length === 1 ? { [files[0]]: parsed } : parsed);
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  }
  return reports;
}

/** How a set is named in output: its file, and the guides it loads. */
export function setLabel(s) {
  return s.guides ? `${s.file} (${s.guides.map((g) => basename(g)).join(' + ')})` : s.file;
}
