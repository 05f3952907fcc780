import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../../../src/config/index.js';
import { LlmEvalRecorder, readEvalFile, runEval, summarizeLlmRun, type EvalReport } from '../../../src/eval/index.js';
import { InputError } from '../../../src/errors.js';
import { openAdvisor } from '../cli-context.js';
import type { CliCommand } from '../command.js';
import { formatTable } from '../format-table.js';

export const evalCommand: CliCommand = {
  name: 'eval',
  summary: 'Score retrieval and answers on an eval set (JSONL); --llm through the configured model',
  usage: 'career-advisor eval [--json] [--failures] [--llm] FILE',
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, failures: { type: 'boolean' }, llm: { type: 'boolean' } } });
    const file = positionals[0];
    if (!file) throw new InputError('eval needs a file: career-advisor eval ../shared/eval/dev.jsonl');
    const items = readEvalFile(file);
    const config = evalConfig(values.llm ?? false);
    const recorder = new LlmEvalRecorder();
    const advisor = await openAdvisor(config, { llmLogger: recorder });
    const report = await runEval(advisor, items);
    if (values.llm) report.llm = summarizeLlmRun(recorder);
    if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else process.stdout.write(`${renderReport(report, values.failures ?? false)}\n`);
    return 0;
  },
};

/** Without --llm the eval is the extractive baseline whatever the environment says; --llm needs a configured model. */
function evalConfig(llm: boolean): Config {
  const config = loadConfig();
  if (!llm) return { ...config, LLM_PROVIDER: 'none' };
  if (config.LLM_PROVIDER !== 'openai') {
    throw new InputError('eval --llm runs the answers through the configured model: set LLM_PROVIDER=openai, LLM_MODEL and OPENAI_BASE_URL or OPENAI_API_KEY (see docs/generated-answers.md).');
  }
  return config;
}

function renderReport(report: EvalReport, withFailures: boolean): string {
  const pct = (x: number) => x.toFixed(3);
  const rows = [
    ['hit@1', pct(report.hit_at_1)],
    ['hit@3', pct(report.hit_at_3)],
    ['MRR@5', pct(report.mrr_at_5)],
    ['citation precision', pct(report.citation_precision)],
    ['fact recall', pct(report.fact_recall)],
    ['out-of-scope abstention', pct(report.out_of_scope_abstention)],
    ['false abstention', pct(report.false_abstention)],
    ['follow-up fact recall', pct(report.follow_up_fact_recall)],
    ['latency p50 (ms)', report.latency_ms.p50.toFixed(1)],
    ['latency p95 (ms)', report.latency_ms.p95.toFixed(1)],
    ...llmRows(report),
  ];
  const c = report.counts;
  const out = [
    `${c.in_scope} in-scope, ${c.out_of_scope} out-of-scope, ${c.conversations} conversations (${c.follow_up_turns} follow-up turns)`,
    formatTable(['metric', 'value'], rows),
  ];
  if (withFailures && report.failures.length > 0) {
    out.push('', 'Failures:', ...report.failures.map((f) => `  ${f.id}: ${f.problem}\n      ${f.answer.replace(/\n/g, '\n      ')}`));
  } else if (report.failures.length > 0) {
    out.push(`(${report.failures.length} failing checks; --failures lists them)`);
  }
  return out.join('\n');
}

function llmRows(report: EvalReport): string[][] {
  const llm = report.llm;
  if (!llm) return [];
  const pct = (x: number) => x.toFixed(3);
  const reasons = Object.entries(llm.fallback_reasons).map(([reason, n]) => `${reason} ${n}`).join(', ');
  return [
    ['model answers', String(llm.answers)],
    ['passed verification first time', pct(llm.passed_first_time)],
    ['passed after repair', pct(llm.passed_after_repair)],
    ['fell back to extractive', `${pct(llm.fell_back)}${reasons ? ` (${reasons})` : ''}`],
    ['tokens per answer (in/out/total)', `${llm.tokens_per_answer.input.toFixed(0)}/${llm.tokens_per_answer.output.toFixed(0)}/${llm.tokens_per_answer.total.toFixed(0)}`],
    ['follow-ups rewritten by the model', `${llm.rewrites.rewritten} of ${llm.rewrites.asked} (${llm.rewrites.fell_back} fell back)`],
  ];
}
