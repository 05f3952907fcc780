import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../config/index.js';
import type { CareerAdvisor } from '../core/index.js';
import type { IdentifiedEmbeddings } from '../embeddings/index.js';
import { isInScope, type EvalItem } from '../eval/index.js';
import { firstHitRank, mean } from '../eval/metrics.js';
import { formatHeadingPath, listKnowledgeFiles } from '../ingest/index.js';
import { buildIndex } from '../index/index.js';
import { denseOnly, keywordOnly, langchainDefault, type RankedRetriever } from './baselines.js';

export interface MethodResult {
  name: string;
  hit_at_1: number;
  hit_at_3: number;
  mrr_at_5: number;
  p50_ms: number;
  p95_ms: number;
}

export interface BenchReport {
  questions: number;
  methods: MethodResult[];
  answer_latency: { p50_ms: number; p95_ms: number };
  cold_start_ms: number;
  cold_start_rss_mb: number;
  ingest: { cold_ms: number; cached_ms: number; cached_embedded: number };
  bench_process_peak_rss_mb: number;
}

export interface BenchOptions {
  config: Config;
  advisor: CareerAdvisor;
  embedder: IdentifiedEmbeddings;
  items: EvalItem[];
  /** Timed passes over the questions after one warm-up pass. */
  rounds: number;
  /** The built CLI, spawned to measure cold start. */
  cliPath: string;
}

/** Nearest-rank percentile of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

async function measure(method: RankedRetriever, items: Array<{ question: string; sections: string[] }>, rounds: number): Promise<MethodResult> {
  const ranks = [];
  for (const item of items) ranks.push(firstHitRank(await method.rank(item.question), item.sections, 5));
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const item of items) {
      const t = performance.now();
      await method.rank(item.question);
      times.push(performance.now() - t);
    }
  }
  return {
    name: method.name,
    hit_at_1: mean(ranks.map((r) => (r === 1 ? 1 : 0))),
    hit_at_3: mean(ranks.map((r) => (r !== undefined && r <= 3 ? 1 : 0))),
    mrr_at_5: mean(ranks.map((r) => (r ? 1 / r : 0))),
    p50_ms: percentile(times, 50),
    p95_ms: percentile(times, 95),
  };
}

/**
 * Runs the project's retrieval and three baselines on the same chunks and questions, then the
 * end-to-end numbers: warm answer latency, cold start to first answer, ingest time and memory.
 */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const { advisor, embedder, config, rounds } = options;
  const items = options.items.filter(isInScope);
  const index = advisor.index;
  const hybrid: RankedRetriever = {
    name: 'career-advisor hybrid + rerank',
    async rank(question) {
      const { retrieval } = await advisor.askWithRetrieval(question);
      return (retrieval?.sections ?? []).map((s) => formatHeadingPath(s.entry.section.headingPath));
    },
  };
  const files = listKnowledgeFiles(config.knowledgeDir);
  const methods = [hybrid, keywordOnly(index), denseOnly(index, embedder), await langchainDefault(index, files, embedder)];
  const results: MethodResult[] = [];
  for (const method of methods) results.push(await measure(method, items, rounds));

  const answerTimes: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const item of items) answerTimes.push((await advisor.ask(item.question)).timings.total_ms);
  }

  const cold = coldStart(options.cliPath, config);
  const ingest = await ingestTimes(config, embedder);
  return {
    questions: items.length,
    methods: results,
    answer_latency: { p50_ms: percentile(answerTimes, 50), p95_ms: percentile(answerTimes, 95) },
    cold_start_ms: cold.ms,
    cold_start_rss_mb: cold.rssMb,
    ingest,
    bench_process_peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  };
}

/** Spawns `career-advisor ask --json` on the built index: process start to first answer, and its peak RSS. */
function coldStart(cliPath: string, config: Config): { ms: number; rssMb: number } {
  const started = performance.now();
  const child = spawnSync(process.execPath, [cliPath, 'ask', '--json', 'How much do entry-level coders make?'], {
    env: { ...process.env, INDEX_DIR: config.indexDir, CACHE_DIR: config.cacheDir, KNOWLEDGE_DIR: config.knowledgeDir, CAREER_ADVISOR_REPORT_RSS: '1' },
    encoding: 'utf8',
  });
  const ms = performance.now() - started;
  if (child.status !== 0) throw new Error(`cold-start run failed: ${child.stderr}`);
  const rss = /peak_rss_kb=(\d+)/.exec(child.stderr)?.[1];
  return { ms, rssMb: rss ? Number(rss) / 1024 : Number.NaN };
}

/** Builds the index twice into a scratch folder: once with an empty embedding cache, once cached. */
async function ingestTimes(config: Config, embedder: IdentifiedEmbeddings): Promise<BenchReport['ingest']> {
  const dir = mkdtempSync(join(tmpdir(), 'career-advisor-bench-'));
  try {
    const paths = { knowledgeDir: config.knowledgeDir, indexDir: join(dir, 'index'), cacheDir: join(dir, 'cache'), embedder };
    const first = await buildIndex(paths);
    const second = await buildIndex(paths);
    return { cold_ms: first.summary.ms, cached_ms: second.summary.ms, cached_embedded: second.summary.cache.misses };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
