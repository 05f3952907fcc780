import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig, type Config } from '../../../src/config/index.js';
import { CareerAdvisorError } from '../../../src/errors.js';
import { openAdvisor } from '../cli-context.js';
import type { CliCommand } from '../command.js';
import { jsonlLines } from '../jsonl-lines.js';
import { renderAnswer } from '../render-answer.js';
import { UsageError } from '../usage-error.js';

const jsonlLine = z.object({ question: z.string(), session: z.string().optional() });

/** Longest input line read from a JSONL stream; questions are far shorter (MAX_QUESTION_CHARS). */
const MAX_LINE_CHARS = 1_000_000;

export const askCommand: CliCommand = {
  name: 'ask',
  summary: 'Answer one question (or a JSONL stream with --jsonl)',
  usage: 'career-advisor ask [--json] "question"   |   career-advisor ask --jsonl < questions.jsonl',
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, jsonl: { type: 'boolean' } } });
    if (values.jsonl && positionals.length > 0) throw new UsageError('--jsonl reads questions from stdin; do not also give one as an argument.');
    if (!values.jsonl && positionals.length === 0) throw new UsageError('ask needs a question.');
    const config = loadConfig();
    const advisor = await openAdvisor(config);
    if (values.jsonl) {
      const failed = await answerJsonl(config, async (question, session) => advisor.ask(question, { conversationId: session }));
      return failed > 0 ? 2 : 0;
    }
    const question = positionals.join(' ');
    const answer = await advisor.ask(question);
    process.stdout.write(values.json ? `${JSON.stringify(answer)}\n` : `${renderAnswer(answer, { color: process.stdout.isTTY })}\n`);
    return 0;
  },
};

/**
 * Reads `{"question", "session"?}` lines from stdin and writes exactly one JSON line per input line,
 * in order, each carrying its `line` number: the answer, or `{"error", "code", "line"}` (blank and
 * unreadable lines included). Session ids are bounded in length and number so a stream cannot grow
 * the process without limit. Returns how many lines failed.
 */
async function answerJsonl(config: Config, ask: (question: string, session?: string) => Promise<object>): Promise<number> {
  const sessions = new Set<string>();
  let failed = 0;
  for await (const input of jsonlLines(process.stdin, MAX_LINE_CHARS)) {
    let output: object;
    try {
      if ('tooLong' in input) throw new CareerAdvisorError('INPUT_INVALID', `line ${input.line}: longer than ${MAX_LINE_CHARS} characters`);
      const { question, session } = parseLine(input.text, input.line, config);
      if (session !== undefined && !sessions.has(session)) {
        if (sessions.size >= config.JSONL_MAX_SESSIONS) {
          throw new CareerAdvisorError('INPUT_INVALID', `line ${input.line}: more than ${config.JSONL_MAX_SESSIONS} distinct sessions in one run (JSONL_MAX_SESSIONS)`);
        }
        sessions.add(session);
      }
      output = { line: input.line, ...(await ask(question, session)) };
    } catch (error) {
      failed++;
      output = { line: input.line, error: error instanceof Error ? error.message.split('\n')[0] : String(error), code: error instanceof CareerAdvisorError ? error.code : 'INTERNAL' };
    }
    process.stdout.write(`${JSON.stringify(output)}\n`);
  }
  return failed;
}

function parseLine(text: string, line: number, config: Config): { question: string; session?: string } {
  if (text.trim() === '') throw new CareerAdvisorError('INPUT_INVALID', `line ${line}: blank line; expected {"question": string, "session"?: string}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CareerAdvisorError('INPUT_INVALID', `line ${line}: not valid JSON`);
  }
  const parsed = jsonlLine.safeParse(value);
  if (!parsed.success) throw new CareerAdvisorError('INPUT_INVALID', `line ${line}: expected {"question": string, "session"?: string}`);
  const { session } = parsed.data;
  if (session !== undefined && (session.length === 0 || session.length > config.SESSION_ID_MAX_CHARS)) {
    throw new CareerAdvisorError('INPUT_INVALID', `line ${line}: "session" must be 1 to ${config.SESSION_ID_MAX_CHARS} characters (SESSION_ID_MAX_CHARS)`);
  }
  return parsed.data;
}
