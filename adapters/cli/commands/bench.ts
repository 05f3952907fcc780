import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runBench, type BenchReport } from '../../../src/bench/index.js';
import { loadConfig, packageRoot } from '../../../src/config/index.js';
import { InputError } from '../../../src/errors.js';
import { readEvalFile } from '../../../src/eval/index.js';
import { openAdvisor } from '../cli-context.js';
import type { CliCommand } from '../command.js';
import { formatTable } from '../format-table.js';

export const benchCommand: CliCommand = {
  name: 'bench',
  summary: 'Compare retrieval with baselines; measure latency, cold start, ingest and memory',
  usage: 'career-advisor bench [--json] [--rounds N] [FILE (default ../shared/eval/dev.jsonl)]',
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, rounds: { type: 'string', default: '3' } } });
    const file = positionals[0] ?? join(packageRoot(), '..', 'shared', 'eval', 'dev.jsonl');
    if (!existsSync(file)) throw new InputError(`bench needs a question file (eval JSONL format); ${file} does not exist.`);
    const rounds = Number(values.rounds);
    if (!Number.isInteger(rounds) || rounds < 1 || rounds > 50) throw new InputError('--rounds must be a whole number from 1 to 50');
    const config = loadConfig();
    const advisor = await openAdvisor(config);
    const report = await runBench({
      config,
      advisor,
      embedder: advisor.retriever.embedder,
      items: readEvalFile(file),
      rounds,
      cliPath: join(packageRoot(), 'dist', 'adapters', 'cli', 'main.js'),
    });
    process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${renderBench(report)}\n`);
    return 0;
  },
};

function renderBench(r: BenchReport): string {
  const f = (x: number, d = 3) => x.toFixed(d);
  return [
    `${r.questions} in-scope questions, warm latency over repeated rounds (retrieval including the query embedding)`,
    formatTable(
      ['method', 'hit@1', 'hit@3', 'MRR@5', 'p50 ms', 'p95 ms'],
      r.methods.map((m) => [m.name, f(m.hit_at_1), f(m.hit_at_3), f(m.mrr_at_5), f(m.p50_ms, 1), f(m.p95_ms, 1)]),
    ),
    '',
    formatTable(
      ['measure', 'value'],
      [
        ['answer p50 (warm, end to end)', `${f(r.answer_latency.p50_ms, 1)} ms`],
        ['answer p95 (warm, end to end)', `${f(r.answer_latency.p95_ms, 1)} ms`],
        ['cold start to first answer', `${f(r.cold_start_ms, 0)} ms`],
        ['peak RSS of that process', `${f(r.cold_start_rss_mb, 0)} MB`],
        ['ingest, empty embedding cache', `${f(r.ingest.cold_ms / 1000, 2)} s`],
        ['ingest, cached', `${f(r.ingest.cached_ms / 1000, 2)} s (${r.ingest.cached_embedded} embedded)`],
        ['bench process peak RSS', `${f(r.bench_process_peak_rss_mb, 0)} MB`],
      ],
    ),
  ].join('\n');
}
