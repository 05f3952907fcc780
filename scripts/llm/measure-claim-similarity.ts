import { loadConfig } from '../../src/config/index.js';
import { EmbeddingClaimSimilarity } from '../../src/llm/claim-similarity.js';
import { quantile, scoreClaimPairs } from './claim-pairs.js';

/**
 * Prints the distribution of claim-to-cited-line similarity (USE-lite) for true pairs and for
 * wrong citations, and how many of each a threshold keeps:
 *
 *   npx vite-node scripts/llm/measure-claim-similarity.ts
 */
const threshold = loadConfig().LLM_CLAIM_MIN_SIMILARITY;
const { truePairs, falsePairs } = await scoreClaimPairs(new EmbeddingClaimSimilarity(), threshold);
const row = (name: string, values: number[]) =>
  `${name.padEnd(22)} n=${String(values.length).padStart(4)}  min ${quantile(values, 0).toFixed(3)}  p5 ${quantile(values, 0.05).toFixed(3)}  p25 ${quantile(values, 0.25).toFixed(3)}  median ${quantile(values, 0.5).toFixed(3)}  p75 ${quantile(values, 0.75).toFixed(3)}  p95 ${quantile(values, 0.95).toFixed(3)}  max ${Math.max(...values).toFixed(3)}`;
const hardest = new Map<string, number>();
for (const f of falsePairs) hardest.set(f.claim, Math.max(hardest.get(f.claim) ?? -1, f.score));
console.log(row('true pairs', truePairs.map((p) => p.score)));
console.log(row('wrong citation (all)', falsePairs.map((p) => p.score)));
console.log(row('wrong citation (best)', [...hardest.values()]));
console.log('\nthreshold  true kept  wrong (all) rejected  wrong (best) rejected');
for (let t = 0.3; t <= 0.71; t += 0.05) {
  const kept = truePairs.filter((p) => p.score >= t).length / truePairs.length;
  const rejected = falsePairs.filter((p) => p.score < t).length / falsePairs.length;
  const rejectedBest = [...hardest.values()].filter((s) => s < t).length / hardest.size;
  console.log(`${t.toFixed(2).padStart(9)}  ${(kept * 100).toFixed(1).padStart(8)}%  ${(rejected * 100).toFixed(1).padStart(18)}%  ${(rejectedBest * 100).toFixed(1).padStart(19)}%`);
}
console.log('\nlowest true pairs:');
for (const p of [...truePairs].sort((a, b) => a.score - b.score).slice(0, 5)) console.log(`  ${p.score.toFixed(3)}  ${p.claim}`);
console.log('highest wrong citations:');
for (const p of [...falsePairs].sort((a, b) => b.score - a.score).slice(0, 5)) console.log(`  ${p.score.toFixed(3)}  ${p.claim}  → ${p.section}`);

const share = (n: number, of: number) => `${n}/${of} (${((n / of) * 100).toFixed(1)} %)`;
console.log(`\nfull verification at LLM_CLAIM_MIN_SIMILARITY=${threshold}:`);
console.log(`  true claims accepted:      ${share(truePairs.filter((p) => p.accepted).length, truePairs.length)}`);
console.log(`  wrong citations rejected:  ${share(falsePairs.filter((p) => !p.accepted).length, falsePairs.length)}`);
const hardestFalse = new Map<string, (typeof falsePairs)[number]>();
for (const f of falsePairs) if (!hardestFalse.has(f.claim) || f.score > hardestFalse.get(f.claim)!.score) hardestFalse.set(f.claim, f);
console.log(`  closest wrong citation of each claim rejected: ${share([...hardestFalse.values()].filter((p) => !p.accepted).length, hardestFalse.size)}`);
for (const p of truePairs.filter((t) => !t.accepted)) console.log(`  rejected true claim: ${p.claim}`);
