// Compares an `eval --json` report with quality-floors.json; exits 1 naming every metric out of bounds.
import { readFileSync } from 'node:fs';
const [reportPath, floorsPath] = process.argv.slice(2);
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const floors = JSON.parse(readFileSync(floorsPath, 'utf8'));
const problems = [];
for (const [metric, floor] of Object.entries(floors.min ?? {})) if (!(report[metric] >= floor)) problems.push(`${metric} ${report[metric]} < ${floor}`);
for (const [metric, ceiling] of Object.entries(floors.max ?? {})) if (!(report[metric] <= ceiling)) problems.push(`${metric} ${report[metric]} > ${ceiling}`);
const summary = Object.keys({ ...floors.min, ...floors.max }).map((m) => `${m}=${Number(report[m]).toFixed(3)}`).join(' ');
if (problems.length) {
  console.error(`Quality gate FAILED: ${problems.join('; ')}`);
  process.exit(1);
}
console.log(`Quality gate passed: ${summary}`);
