import { parseArgs } from 'node:util';
import type { CliCommand } from '../command.js';
import { cardJson, cliRequester, openCommandHandler, printResult } from './core-command.js';

/** `career-advisor cert [--json] CPC | compare CPC CCS | list` — certification cards from the guide. */
export const certCommand: CliCommand = {
  name: 'cert',
  summary: 'A certification card from the guide, or two compared',
  usage: 'career-advisor cert [--json] <acronym or name>  |  cert [--json] compare <A> <B>  |  cert [--json] list',
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
    const query = positionals.join(' ').trim();
    const handler = await openCommandHandler();
    const result = await handler.handle(cliRequester()(`cert ${query}`.trim()));
    // A list in answer to a name means the name was not found (exit 1); "cert" or "cert list" asked for it.
    const notFound = result.kind === 'cert-list' && query !== '' && !/^(?:list|all)$/i.test(query);
    let code: number;
    if (!values.json) code = printResult(result);
    else if (result.kind === 'cert') code = printResult(result, cardJson(result.card));
    else if (result.kind === 'cert-compare') code = printResult(result, { left: cardJson(result.left), right: cardJson(result.right), differences: result.differences });
    else if (result.kind === 'cert-list') code = printResult(result, { message: result.message, certifications: result.certifications });
    else code = printResult(result, result);
    return notFound ? 1 : code;
  },
};
