import { parseArgs } from 'node:util';
import type { CliCommand } from '../command.js';
import { cliRequester, openCommandHandler, printResult } from './core-command.js';

/** `career-advisor topics [--json] [words or number]` — the guide's outline, or one section. */
export const topicsCommand: CliCommand = {
  name: 'topics',
  summary: "The guide's outline, or one section with its text and citations",
  usage: 'career-advisor topics [--json] [words | outline number]',
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
    const handler = await openCommandHandler();
    const result = await handler.handle(cliRequester()(`topics ${positionals.join(' ')}`.trim()));
    if (!values.json) return printResult(result);
    if (result.kind === 'topics') return printResult(result, result.outline);
    if (result.kind === 'topic') return printResult(result, { section: result.section, text: result.text, citations: result.citations });
    return printResult(result, result);
  },
};
