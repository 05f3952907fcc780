import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { CareerAdvisorError } from '../../../src/errors.js';
import { openAdvisor } from '../cli-context.js';
import type { CliCommand } from '../command.js';
import { renderAnswer } from '../render-answer.js';

const jsonlLine = z.object({ question: z.string(), session: z.string().optional() });

export const askCommand: CliCommand = {
  name: 'ask',
  summary: 'Answer one question (or a JSONL stream with --jsonl)',
  usage: 'career-advisor ask [--json] "question"   |   career-advisor ask --jsonl < questions.jsonl',
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, jsonl: { type: 'boolean' } } });
    const advisor = await openAdvisor();
    if (values.jsonl) {
      await answerJsonl(async (question, session) => advisor.ask(question, { conversationId: session }));
      return 0;
    }
    const question = positionals.join(' ');
    const answer = await advisor.ask(question);
    process.stdout.write(values.json ? `${JSON.stringify(answer)}\n` : `${renderAnswer(answer, { color: process.stdout.isTTY })}\n`);
    return 0;
  },
};

/**
 * Reads `{"question", "session"?}` lines from stdin and writes one JSON answer per line, in order.
 * A bad line yields `{"error": …}` in its place and the stream goes on.
 */
async function answerJsonl(ask: (question: string, session?: string) => Promise<unknown>): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    let output: unknown;
    try {
      const parsed = jsonlLine.safeParse(JSON.parse(line));
      if (!parsed.success) throw new CareerAdvisorError('INPUT_INVALID', `line ${lineNumber}: expected {"question": string, "session"?: string}`);
      output = await ask(parsed.data.question, parsed.data.session);
    } catch (error) {
      const message = error instanceof SyntaxError ? `line ${lineNumber}: not valid JSON` : error instanceof Error ? error.message : String(error);
      output = { error: message, code: error instanceof CareerAdvisorError ? error.code : 'INPUT_INVALID', line: lineNumber };
    }
    process.stdout.write(`${JSON.stringify(output)}\n`);
  }
}
