// Runs the eval on every set named in quality-floors.json and checks each metric against its floor
// (min) or ceiling (max); exits 1 naming every metric out of bounds. Sets whose file is missing
// (the shared dev set outside this workspace) are reported and skipped. A set with `guides` is
// evaluated with only those guide files loaded (a fresh knowledge folder and index of its own), so
// guides the code was never tuned on are gated as well as the shipped one.
//   node scripts/check-quality-floors.mjs [quality-floors.json]
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const floorsPath = process.argv[2] ?? 'quality-floors.json';
const { sets } = JSON.parse(readFileSync(floorsPath, 'utf8'));
const present = sets.filter((s) => existsSync(s.file));
for (const s of sets.filter((x) => !present.includes(x))) console.log(`No ${s.file} here: skipping its gate.`);

/** Environment for a set: the default knowledge folder, or a fresh one holding only its guides (`dir`, removed after the run). */
function environmentFor(guides) {
  if (!guides) return { env: process.env };
  const dir = mkdtempSync(join(tmpdir(), 'career-advisor-floors-'));
  const knowledge = join(dir, 'knowledge');
  mkdirSync(knowledge);
  for (const guide of guides) copyFileSync(guide, join(knowledge, basename(guide)));
  return { dir, env: { ...process.env, KNOWLEDGE_DIR: knowledge, INDEX_DIR: join(dir, 'index'), INDEX_AUTO_REBUILD: 'true' } };
}

/** One eval run per distinct guide list, every file of that list in it. */
function reportsFor(group) {
  const files = group.map((s) => s.file);
  const { dir, env } = environmentFor(group[0].guides);
  try {
    const out = execFileSync(process.execPath, ['dist/adapters/cli/main.js', 'eval', '--json', ...files], { encoding: 'utf8', maxBuffer: 64 << 20, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const parsed = JSON.parse(out);
    return files.length === 1 ? { [files[0]]: parsed } : parsed;
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

const groups = new Map();
for (const s of present) {
  const key = JSON.stringify(s.guides ?? null);
  groups.set(key, [...(groups.get(key) ?? []), s]);
}
const problems = [];
for (const group of groups.values()) {
  const reports = reportsFor(group);
  for (const s of group) {
    const report = reports[s.file];
    const label = s.guides ? `${s.file} (${s.guides.map((g) => basename(g)).join(' + ')})` : s.file;
    for (const [metric, floor] of Object.entries(s.min ?? {})) if (!(report[metric] >= floor)) problems.push(`${label}: ${metric} ${report[metric]} < ${floor}`);
    for (const [metric, ceiling] of Object.entries(s.max ?? {})) if (!(report[metric] <= ceiling)) problems.push(`${label}: ${metric} ${report[metric]} > ${ceiling}`);
    const summary = Object.keys({ ...s.min, ...s.max }).map((m) => `${m}=${Number(report[m]).toFixed(3)}`).join(' ');
    console.log(`${label}: ${summary}`);
  }
}
if (problems.length) {
  console.error(`Quality gate FAILED: ${problems.join('; ')}`);
  process.exit(1);
}
console.log('Quality gate passed.');
