// Every set the CI gate names (quality-floors.json), read for the split asked for: `tune` (the
// default; what changes are chosen on) or `test` (read once, at the end of a piece of work). Each
// guide's set runs with that guide loaded alone; its index is kept between runs under the system's
// temporary folder. Prints one line per set with the metrics docs/evaluation.md reports.
//   npm run build && node scripts/quality/eval-splits.mjs [tune|test]
import { existsSync, readFileSync } from 'node:fs';
import { evaluateSets, setLabel } from './eval-sets.mjs';

const split = process.argv[2] ?? 'tune';
if (!['tune', 'test'].includes(split)) {
  console.error('usage: node scripts/quality/eval-splits.mjs [tune|test]');
  process.exit(2);
}
const METRICS = ['hit_at_1', 'hit_at_3', 'cited_section_hit', 'first_citation_hit', 'fact_recall', 'false_abstention', 'out_of_scope_abstention', 'follow_up_fact_recall', 'right_guide_first'];

const { sets } = JSON.parse(readFileSync('quality-floors.json', 'utf8'));
// "eval/x/test.jsonl", "oos-test.jsonl", "cross-test.jsonl" name their split; the shared dev set has none.
const forSplit = sets.map((s) => ({ ...s, file: s.file.replace(/(^|\/)((?:oos-|cross-)?)test\.jsonl$/, `$1$2${split}.jsonl`) })).filter((s) => existsSync(s.file));
const reports = evaluateSets(forSplit, { keep: true });
for (const s of forSplit) {
  const r = reports[s.file];
  const values = METRICS.filter((m) => typeof r[m] === 'number').map((m) => `${m}=${r[m].toFixed(3)}`);
  console.log(`${setLabel(s)}: ${values.join(' ')}`);
}
