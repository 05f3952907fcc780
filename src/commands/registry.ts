import type { z } from 'zod';
import type { CareerAdvisor } from '../core/index.js';
import type { PlanConversation } from './plan-command.js';
import type { QuizSnapshot } from './quiz-session.js';
import type { JsonStore } from '../state/index.js';
import type { CommandRequest, CommandResult } from './types.js';

/** The parts of the advisor commands use (tests may pass a stand-in). */
export type CommandAdvisor = Pick<CareerAdvisor, 'ask' | 'index' | 'retriever'>;

/** Per-handler state shared by the commands: plans in progress and quizzes, by conversation. */
export interface CommandState {
  plans: JsonStore<PlanConversation>;
  quizzes: JsonStore<QuizSnapshot>;
  /** Makes quizzes reproducible (tests); each new quiz derives its own seed from it. */
  quizSeed?: string | number;
  /** Questions per quiz when the user does not say. */
  quizLength: number;
  /** Quizzes started so far (part of the derived seed). */
  quizzesStarted: number;
  commands: readonly AnyCommand[];
}

export interface CommandContext {
  advisor: CommandAdvisor;
  request: CommandRequest;
  state: CommandState;
}

/** One command: its word, how its arguments are read, the zod schema they must pass, and what it does. */
export interface CommandDefinition<Input> {
  name: string;
  aliases: readonly string[];
  summary: string;
  usage: string;
  examples: readonly string[];
  input: z.ZodType<Input>;
  /** Turns the text after the command word into the object `input` validates. */
  parse(args: string): unknown;
  run(input: Input, context: CommandContext): Promise<CommandResult> | CommandResult;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = CommandDefinition<any>;

/** Identity helper that keeps the input type of a command definition. */
export function defineCommand<Input>(definition: CommandDefinition<Input>): CommandDefinition<Input> {
  return definition;
}

/** The command a line starts with ("cert CPC", "/quiz salary"), and the rest of the line. */
export function parseCommandLine(text: string, commands: readonly AnyCommand[]): { command: AnyCommand; args: string } | undefined {
  const match = /^\/?([A-Za-z][\w-]*)(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!match) return undefined;
  const word = match[1]!.toLowerCase();
  const command = commands.find((c) => c.name === word || c.aliases.includes(word));
  return command ? { command, args: (match[2] ?? '').trim() } : undefined;
}

/** Validates the arguments with the command's schema and runs it; invalid input gets its usage back. */
export async function runCommand(command: AnyCommand, args: string, context: CommandContext): Promise<CommandResult> {
  const parsed = command.input.safeParse(command.parse(args));
  if (!parsed.success) {
    const reason = parsed.error.issues.map((i) => i.message).join('; ');
    return { kind: 'error', code: 'INPUT_INVALID', message: `${reason}\nUsage: ${command.usage}` };
  }
  return command.run(parsed.data, context);
}
