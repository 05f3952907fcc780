import { parseArgs } from 'node:util';
import { readEvalFile, runEval, type EvalReport } from '../../../src/eval/index.js';
import { InputError } from '../../../src/errors.js';
import { openAdvisor } from '../cli-context.js';
import type { CliCommand } from '../command.js';
import { formatTable } from '../format-table.js';

export const evalCommand: CliCommand = {
  name: 'eval',
  summary: 'Score retrieval and answers on an eval set (JSONL)',
  usage: 'career-advisor eval [--json] [--failures] FILE',
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, failures: { type: 'boolean' } } });
    const file = positionals[0];
    if (!file) throw new InputError('eval needs a file: career-advisor eval ../shared/eval/dev.jsonl');
    const items = readEvalFile(file);
    const advisor = await openAdvisor();
    const report = await runEval(advisor, items);
    if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else process.stdout.write(`${renderReport(report, values.failures ?? false)}\n`);
    return 0;
  },
};

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
    ...(report.right_guide_first !== undefined ? [['right guide cited first', pct(report.right_guide_first)]] : []),
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
