import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { createCommandHandler, renderText, type CertCard, type CommandHandler, type CommandHandlerOptions, type CommandRequest, type CommandResult } from '../../../src/commands/index.js';
import { openAdvisor } from '../cli-context.js';

/** Opens the advisor and the command layer for one CLI invocation. */
export async function openCommandHandler(options: CommandHandlerOptions = {}): Promise<CommandHandler> {
  return createCommandHandler(await openAdvisor(), options);
}

/** A terminal "conversation": one id per process, the local user. */
export function cliRequester(): (text: string) => CommandRequest {
  const conversationId = `cli-${randomUUID()}`;
  const userId = process.env.USER || 'you';
  return (text) => ({ text, conversationId, userId, userName: userId, platform: 'cli' });
}

/** The JSON shape of a certification card on the command line. */
export function cardJson(card: CertCard): Pick<CertCard, 'acronym' | 'name' | 'organization' | 'focus' | 'citations'> {
  return { acronym: card.acronym, name: card.name, organization: card.organization, focus: card.focus, citations: card.citations };
}

/** Exit code for a result: 2 for bad input, 1 for other errors, 0 otherwise. */
export function exitCodeOf(result: CommandResult): number {
  if (result.kind !== 'error') return 0;
  return result.code === 'INPUT_INVALID' ? 2 : 1;
}

/** Prints a result (text, or `json` when given) and returns its exit code; text errors go to stderr, JSON errors to stdout. */
export function printResult(result: CommandResult, json?: unknown): number {
  if (result.kind === 'error') {
    if (json !== undefined) process.stdout.write(`${JSON.stringify({ error: result.message, code: result.code })}\n`);
    else process.stderr.write(`error [${result.code}]: ${result.message}\n`);
    return exitCodeOf(result);
  }
  process.stdout.write(json !== undefined ? `${JSON.stringify(json, null, 2)}\n` : `${renderText(result)}\n`);
  return 0;
}

/** Reads stdin line by line on demand (works for a terminal and for piped answers); undefined at end of input. */
export function lineReader(prompt: (text: string) => void): { next(question: string): Promise<string | undefined>; close(): void } {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  return {
    async next(question) {
      prompt(question);
      const { value, done } = await lines.next();
      return done ? undefined : String(value);
    },
    close: () => rl.close(),
  };
}
