#!/usr/bin/env node
// Split an eval JSONL file 50/50 into tune.jsonl and test.jsonl, stratified and seeded.
// Usage: node eval/split-once.mjs <input.jsonl> <output-dir> <seed> [--force]
//
// Strata: in-scope rows by "style", out-of-scope rows by "style" (near/far),
// and conversations (rows with "turns") as one group. Within each stratum the rows
// are shuffled with a seeded PRNG; the first half goes to tune, the rest to test.
// When a stratum has an odd count, the extra row goes to tune and test in turn,
// so the two splits stay the same size. Lines are written unchanged, in input order.
// Refuses to overwrite an existing split unless --force is given (the split is meant
// to be done once).
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2).filter((a) => a !== '--force');
const force = process.argv.includes('--force');
if (args.length !== 3) {
  console.error('usage: node split-once.mjs <input.jsonl> <output-dir> <seed> [--force]');
  process.exit(2);
}
const [input, outDir, seed] = args;

// cyrb53-style string hash -> 32-bit seed, then mulberry32 PRNG.
function hashSeed(str) {
  let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  return h1 >>> 0;
}
function mulberry32(a) {
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(hashSeed(String(seed)));

const lines = readFileSync(input, 'utf8').split('\n').filter((l) => l.trim() !== '');
const rows = lines.map((line, index) => {
  let obj;
  try {
    obj = JSON.parse(line);
  } catch (e) {
    console.error(`line ${index + 1}: invalid JSON: ${e.message}`);
    process.exit(1);
  }
  let stratum;
  if (Array.isArray(obj.turns)) stratum = 'conversation';
  else if (obj.out_of_scope) stratum = `out_of_scope:${obj.style ?? 'none'}`;
  else stratum = `in_scope:${obj.style ?? 'none'}`;
  return { line, index, stratum };
});

const strata = new Map();
for (const r of rows) {
  if (!strata.has(r.stratum)) strata.set(r.stratum, []);
  strata.get(r.stratum).push(r);
}

const tune = [], test = [];
let extraToTune = true;
const summary = [];
for (const key of [...strata.keys()].sort()) {
  const group = strata.get(key).slice();
  for (let i = group.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [group[i], group[j]] = [group[j], group[i]];
  }
  let half = Math.floor(group.length / 2);
  if (group.length % 2 === 1) {
    if (extraToTune) half += 1;
    extraToTune = !extraToTune;
  }
  tune.push(...group.slice(0, half));
  test.push(...group.slice(half));
  summary.push(`${key}: tune ${half}, test ${group.length - half}`);
}

const tunePath = join(outDir, 'tune.jsonl');
const testPath = join(outDir, 'test.jsonl');
if (!force && (existsSync(tunePath) || existsSync(testPath))) {
  console.error(`refusing to overwrite existing split in ${outDir} (use --force)`);
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });
const byIndex = (a, b) => a.index - b.index;
writeFileSync(tunePath, tune.sort(byIndex).map((r) => r.line).join('\n') + '\n');
writeFileSync(testPath, test.sort(byIndex).map((r) => r.line).join('\n') + '\n');
console.log(summary.join('\n'));
console.log(`total: tune ${tune.length}, test ${test.length} (seed ${JSON.stringify(seed)})`);
console.log(`wrote ${tunePath}\nwrote ${testPath}`);
