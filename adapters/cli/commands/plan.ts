import { parseArgs } from 'node:util';
import type { CliCommand } from '../command.js';
import { renderText } from '../../../src/commands/index.js';
import { cliRequester, lineReader, openCommandHandler, printResult } from './core-command.js';

/**
 * `career-advisor plan [--json] [about you]` — asks what the one-line description leaves open
 * (up to three questions, answered on stdin, so answers can also be piped), shows what it understood
 * (a correction updates it; "yes", an empty line or the end of stdin builds), then prints the plan.
 * With --json the questions go to stderr and only the plan JSON to stdout.
 */
export const planCommand: CliCommand = {
  name: 'plan',
  summary: 'A personal career roadmap from the guide (asks up to three questions)',
  usage: 'career-advisor plan [--json] ["medical assistant, 2 years, want remote work"]',
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
    const handler = await openCommandHandler();
    const request = cliRequester();
    const out = values.json ? process.stderr : process.stdout;
    const reader = lineReader((question) => out.write(`${question}\n> `));
    try {
      let result = await handler.handle(request(`plan ${positionals.join(' ')}`.trim()));
      while (result.kind === 'plan-question') {
        const answer = await reader.next(renderText(result));
        // At the check before building, the end of stdin or an empty line means "build it".
        if (result.confirm && !answer?.trim()) {
          result = await handler.handle(request('yes'));
          continue;
        }
        if (answer === undefined) {
          process.stderr.write('\nerror [INPUT_INVALID]: the plan needs an answer to that question (stdin ended).\n');
          return 2;
        }
        // An empty answer still counts, so the conversation always ends.
        result = await handler.handle(request(answer.trim() || 'not sure'));
      }
      if (!values.json) return printResult(result);
      return result.kind === 'plan' ? printResult(result, { summary: result.summary, steps: result.steps, citations: result.citations }) : printResult(result, result);
    } finally {
      reader.close();
    }
  },
};
