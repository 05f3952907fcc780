import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../../../src/config/index.js';
import { guidesNotLoaded, LlmEvalRecorder, rowsWithoutLoadedSections, readEvalFile, runEval, summarizeLlmRun, sweepThresholds, type EvalItem, type EvalReport, type SweepRow } from '../../../src/eval/index.js';
import { InputError } from '../../../src/errors.js';
import { openAdvisor } from '../cli-context.js';
import type { CliCommand } from '../command.js';
import { formatTable } from '../format-table.js';

export const evalCommand: CliCommand = {
  name: 'eval',
  summary: 'Score retrieval and answers on eval sets (JSONL); several files give one column each; --llm through the configured model',
  usage: 'career-advisor eval [--json] [--failures] [--sweep] [--llm] FILE [FILE…]',
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, failures: { type: 'boolean' }, sweep: { type: 'boolean' }, llm: { type: 'boolean' } } });
    if (positionals.length === 0) throw new InputError('eval needs a file: career-advisor eval ../shared/eval/dev.jsonl');
    const sets = positionals.map((file) => ({ file, items: readEvalFile(file) }));
    const recorder = new LlmEvalRecorder();
    const advisor = await openAdvisor(evalConfig(values.llm ?? false), { llmLogger: recorder });
    refuseUnloadedGuides(sets, advisor.index.documents.map((d) => d.source));
    refuseSetsForOtherGuides(sets, advisor.index.documents.flatMap((d) => d.sections.map((s) => s.headingPath.join(' › '))));
    if (values.sweep) {
      const sweeps = await Promise.all(sets.map(async (s) => ({ file: s.file, rows: await sweepThresholds(advisor, s.items) })));
      process.stdout.write(values.json ? `${JSON.stringify(positionals.length === 1 ? sweeps[0]!.rows : sweeps, null, 2)}\n` : `${sweeps.map(renderSweep).join('\n\n')}\n`);
      return 0;
    }
    const reports: Array<{ file: string; report: EvalReport }> = [];
    for (const s of sets) {
      recorder.clear();
      const report = await runEval(advisor, s.items);
      reports.push({ file: s.file, report: values.llm ? { ...report, llm: summarizeLlmRun(recorder) } : report });
    }
    if (values.json) process.stdout.write(`${JSON.stringify(reports.length === 1 ? reports[0]!.report : Object.fromEntries(reports.map((r) => [r.file, r.report])), null, 2)}\n`);
    else process.stdout.write(`${renderReports(reports, values.failures ?? false)}\n`);
    return 0;
  },
};

const METRICS: Array<[string, keyof EvalReport]> = [
  ['hit@1', 'hit_at_1'],
  ['hit@3', 'hit_at_3'],
  ['MRR@5', 'mrr_at_5'],
  ['citation precision', 'citation_precision'],
  ['cited section (any)', 'cited_section_hit'],
  ['cited section (first)', 'first_citation_hit'],
  ['fact recall', 'fact_recall'],
  ['out-of-scope abstention', 'out_of_scope_abstention'],
  ['false abstention', 'false_abstention'],
  ['follow-up fact recall', 'follow_up_fact_recall'],
  ['right guide cited first', 'right_guide_first'],
];

/** Rows that name a guide the index does not hold cannot be scored; say which and how to load it. */
function refuseUnloadedGuides(sets: Array<{ file: string; items: EvalItem[] }>, loaded: string[]): void {
  for (const { file, items } of sets) {
    const missing = guidesNotLoaded(items, loaded);
    if (missing.length === 0) continue;
    throw new InputError(
      `${file} asks about ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not loaded (loaded: ${loaded.join(', ') || 'none'}). ` +
        'Point KNOWLEDGE_DIR at a folder holding those guides, with its own INDEX_DIR (see docs/evaluation.md).',
    );
  }
}

/** A set whose rows mostly expect sections no loaded guide has was written for another guide: say so rather than score it near 0. */
function refuseSetsForOtherGuides(sets: Array<{ file: string; items: EvalItem[] }>, headingPaths: string[]): void {
  for (const { file, items } of sets) {
    const { missing, inScope } = rowsWithoutLoadedSections(items, headingPaths);
    if (inScope === 0 || missing.length * 2 <= inScope) continue;
    throw new InputError(
      `${missing.length} of ${inScope} in-scope rows in ${file} expect sections no loaded guide has (e.g. “${missing[0]!.sections[0]}”): the set was written for another guide. ` +
        'Point KNOWLEDGE_DIR at a folder holding that guide, with its own INDEX_DIR (see docs/evaluation.md).',
    );
  }
}

/** Without --llm the eval is the extractive baseline whatever the environment says; --llm needs a configured model. */
function evalConfig(llm: boolean): Config {
  const config = loadConfig();
  if (!llm) return { ...config, LLM_PROVIDER: 'none' };
  if (config.LLM_PROVIDER !== 'openai') {
    throw new InputError('eval --llm runs the answers through the configured model: set LLM_PROVIDER=openai, LLM_MODEL and OPENAI_BASE_URL or OPENAI_API_KEY (see docs/generated-answers.md).');
  }
  return config;
}

function renderReports(reports: Array<{ file: string; report: EvalReport }>, withFailures: boolean): string {
  const pct = (x: unknown) => (typeof x === 'number' ? x.toFixed(3) : '');
  const out = reports.map(({ file, report: { counts: c } }) => `${basename(file)}: ${c.in_scope} in-scope, ${c.out_of_scope} out-of-scope, ${c.conversations} conversations (${c.follow_up_turns} follow-up turns)`);
  // A metric with nothing to measure in a file (no in-scope rows, say) is left blank rather than shown as 0.
  const applies = (r: EvalReport, key: keyof EvalReport) => {
    if (key === 'right_guide_first') return r.right_guide_first !== undefined; // only rows naming their guide measure it
    return key === 'out_of_scope_abstention' ? r.counts.out_of_scope > 0 : key === 'follow_up_fact_recall' ? r.counts.conversations > 0 : r.counts.in_scope > 0;
  };
  const measured = METRICS.filter(([, key]) => key !== 'right_guide_first' || reports.some((r) => applies(r.report, key)));
  const metricRows = measured.map(([label, key]) => [label, ...reports.map((r) => (applies(r.report, key) ? pct(r.report[key]) : ''))]);
  out.push(formatTable(['metric', ...reports.map((r) => basename(r.file))], [...metricRows, ...latencyAndLlmRows(reports.map((r) => r.report))]));
  const styles = [...new Set(reports.flatMap((r) => Object.keys(r.report.by_style)))];
  if (styles.length > 0) {
    const cell = (r: EvalReport, style: string) => {
      const s = r.by_style[style];
      if (!s) return '';
      return s.out_of_scope_abstention !== undefined && s.fact_recall === undefined ? `oos ${pct(s.out_of_scope_abstention)}` : `facts ${pct(s.fact_recall)} · refused ${pct(s.false_abstention)}`;
    };
    out.push('', 'By style', formatTable(['style', ...reports.map((r) => basename(r.file))], styles.map((style) => [style, ...reports.map((r) => cell(r.report, style))])));
  }
  for (const { file, report } of reports) {
    if (withFailures && report.failures.length > 0) {
      out.push('', `Failures in ${basename(file)}:`, ...report.failures.map((f) => `  ${f.id}: ${f.problem}\n      ${f.answer.replace(/\n/g, '\n      ')}`));
    } else if (report.failures.length > 0) {
      out.push(`(${basename(file)}: ${report.failures.length} failing checks; --failures lists them)`);
    }
  }
  return out.join('\n');
}

/** Latency rows, and with --llm how the model's answers fared: one cell per file. */
function latencyAndLlmRows(reports: readonly EvalReport[]): string[][] {
  const rows = [
    ['latency p50 (ms)', ...reports.map((r) => r.latency_ms.p50.toFixed(1))],
    ['latency p95 (ms)', ...reports.map((r) => r.latency_ms.p95.toFixed(1))],
  ];
  if (!reports.some((r) => r.llm)) return rows;
  const cells = (cell: (llm: NonNullable<EvalReport['llm']>) => string) => reports.map((r) => (r.llm ? cell(r.llm) : ''));
  const reasons = (llm: NonNullable<EvalReport['llm']>) => Object.entries(llm.fallback_reasons).map(([reason, n]) => `${reason} ${n}`).join(', ');
  return [
    ...rows,
    ['model answers', ...cells((l) => String(l.answers))],
    ['passed verification first time', ...cells((l) => l.passed_first_time.toFixed(3))],
    ['passed after repair', ...cells((l) => l.passed_after_repair.toFixed(3))],
    ['fell back to extractive', ...cells((l) => `${l.fell_back.toFixed(3)}${reasons(l) ? ` (${reasons(l)})` : ''}`)],
    ['tokens per answer (in/out/total)', ...cells((l) => [l.tokens_per_answer.input, l.tokens_per_answer.output, l.tokens_per_answer.total].map((t) => t.toFixed(0)).join('/'))],
    ['follow-ups rewritten by the model', ...cells((l) => `${l.rewrites.rewritten} of ${l.rewrites.asked} (${l.rewrites.fell_back} fell back)`)],
  ];
}

function renderSweep({ file, rows }: { file: string; rows: SweepRow[] }): string {
  const pct = (x: number) => x.toFixed(3);
  return [
    `${basename(file)}: metrics as the answer threshold moves (the fitted threshold is in src/quality/models)`,
    formatTable(
      ['threshold', 'fact recall', 'false abstention', 'out-of-scope abstention', 'follow-up fact recall'],
      rows.map((r) => [r.threshold.toFixed(2), pct(r.fact_recall), pct(r.false_abstention), pct(r.out_of_scope_abstention), pct(r.follow_up_fact_recall)]),
    ),
  ].join('\n');
}
