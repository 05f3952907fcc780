// Runs the eval on every set named in quality-floors.json and checks each metric against its floor
// (min) or ceiling (max); exits 1 naming every metric out of bounds. Sets whose file is missing
// (the shared dev set outside this workspace) are reported and skipped.
//   node scripts/check-quality-floors.mjs [quality-floors.json]
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const floorsPath = process.argv[2] ?? 'quality-floors.json';
const { sets } = JSON.parse(readFileSync(floorsPath, 'utf8'));
const present = sets.filter((s) => existsSync(s.file));
for (const s of sets.filter((x) => !present.includes(x))) console.log(`No ${s.file} here: skipping its gate.`);
const out = execFileSync(process.execPath, ['dist/adapters/cli/main.js', 'eval', '--json', ...present.map((s) => s.file)], { encoding: 'utf8', maxBuffer: 64 << 20 });
const parsed = JSON.parse(out);
const reports = present.length === 1 ? { [present[0].file]: parsed } : parsed;
const problems = [];
for (const s of present) {
  const report = reports[s.file];
  for (const [metric, floor] of Object.entries(s.min ?? {})) if (!(report[metric] >= floor)) problems.push(`${s.file}: ${metric} ${report[metric]} < ${floor}`);
  for (const [metric, ceiling] of Object.entries(s.max ?? {})) if (!(report[metric] <= ceiling)) problems.push(`${s.file}: ${metric} ${report[metric]} > ${ceiling}`);
  const summary = Object.keys({ ...s.min, ...s.max }).map((m) => `${m}=${Number(report[m]).toFixed(3)}`).join(' ');
  console.log(`${s.file}: ${summary}`);
}
if (problems.length) {
  console.error(`Quality gate FAILED: ${problems.join('; ')}`);
  process.exit(1);
}
console.log('Quality gate passed.');
