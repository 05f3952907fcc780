// Runs the eval on every set named in quality-floors.json and checks each metric against its floor
// (min) or ceiling (max); exits 1 naming every metric out of bounds. Sets whose file is missing
// (the shared dev set outside this workspace) are reported and skipped. A set with `guides` is
// evaluated with only those guide files loaded (a fresh knowledge folder and index of its own), so
// guides the code was never tuned on are gated as well as the shipped one.
//   node scripts/check-quality-floors.mjs [quality-floors.json]
import { existsSync, readFileSync } from 'node:fs';
import { evaluateSets, setLabel } from './quality/eval-sets.mjs';

const floorsPath = process.argv[2] ?? 'quality-floors.json';
const { sets } = JSON.parse(readFileSync(floorsPath, 'utf8'));
const present = sets.filter((s) => existsSync(s.file));
for (const s of sets.filter((x) => !present.includes(x))) console.log(`No ${s.file} here: skipping its gate.`);

const reports = evaluateSets(present);
const problems = [];
for (const s of present) {
  const report = reports[s.file];
  const label = setLabel(s);
  for (const [metric, floor] of Object.entries(s.min ?? {})) if (!(report[metric] >= floor)) problems.push(`${label}: ${metric} ${report[metric]} < ${floor}`);
  for (const [metric, ceiling] of Object.entries(s.max ?? {})) if (!(report[metric] <= ceiling)) problems.push(`${label}: ${metric} ${report[metric]} > ${ceiling}`);
  const summary = Object.keys({ ...s.min, ...s.max }).map((m) => `${m}=${Number(report[m]).toFixed(3)}`).join(' ');
  console.log(`${label}: ${summary}`);
}
if (problems.length) {
  console.error(`Quality gate FAILED: ${problems.join('; ')}`);
  process.exit(1);
}
console.log('Quality gate passed.');
