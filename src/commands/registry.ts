import type { z } from 'zod';
import type { CareerAdvisor } from '../core/index.js';
import type { IdentifiedEmbeddings } from '../embeddings/index.js';
import type { SharedState } from '../state/index.js';
import type { CommandRequest, CommandResult } from './types.js';

/** The parts of the advisor commands use (tests may pass a stand-in). */
export type CommandAdvisor = Pick<CareerAdvisor, 'ask' | 'index' | 'retriever' | 'config' | 'subjects'>;

/** Settings given to the command handler; each feature reads the ones it needs. */
export interface CommandSettings {
  /** Makes quizzes reproducible (tests, demos). Without it every quiz is a new mix. */
  quizSeed?: string | number;
  /** Questions per quiz when the user gives no number (default 5). */
  quizLength?: number;
  /** Idle plan conversations are forgotten after this (default 60 minutes). */
  planTtlMs?: number;
  /** Idle quizzes are forgotten after this (default 6 hours). */
  quizTtlMs?: number;
  /** Longest message accepted (default: the advisor's MAX_QUESTION_CHARS, the one length limit). */
  maxTextChars?: number;
  /** Clock for the expiring state (tests; memory state only). */
  now?: () => number;
  /** Where plans and quizzes live (Redis when several workers share them); default: this process's memory. */
  state?: SharedState;
}

/** The settings a feature's state is made from: the handler's, with the shared state chosen. */
export type FeatureSettings = CommandSettings & { state: SharedState };

/**
 * State one feature keeps for the handler's lifetime, made on first use. What must survive a
 * restart or be seen by other workers (plans in progress, running quizzes) goes in `settings.state`.
 */
export interface FeatureState<T> {
  readonly name: string;
  create(settings: FeatureSettings): T;
}

/** Per-handler state: the registered commands and each feature's own state. */
export interface CommandState {
  commands: readonly AnyCommand[];
  /** The state of `feature`, created from the handler's settings the first time it is asked for. */
  of<T>(feature: FeatureState<T>): T;
}

export interface CommandContext {
  advisor: CommandAdvisor;
  request: CommandRequest;
  state: CommandState;
  /** Guide files this request may use (its place's GUIDES_BY_PLACE entry); undefined = every loaded guide. */
  guides?: readonly string[];
  /** This request's embedder: the advisor's, remembering what it embedded, so the message is embedded once. */
  embeddings?: IdentifiedEmbeddings;
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
  /** Ways a message that is no command continues this command's open conversation (a quiz or plan answer). */
  followUps?: readonly FollowUp[];
}

/**
 * A message that starts with no command word is offered to every command's follow-ups, lowest
 * `order` first; the first that returns a result answers it, otherwise it is a question.
 */
export interface FollowUp {
  order: number;
  handle(text: string, context: CommandContext): CommandResult | undefined | Promise<CommandResult | undefined>;
  /**
   * For a session that waits for an answer (a plan's question): the question it waits for in this
   * context, or undefined. A message that asks something else is answered as such, and this is asked again.
   */
  waiting?(context: CommandContext): Promise<string | undefined>;
  /** For a waiting session: true when the message is plainly its answer ("yes", "goal: …"), so no intent takes it. */
  isOwnAnswer?(text: string, context: CommandContext): Promise<boolean>;
  /** True for plain-language routes to a feature ("quiz me on pay"): never an answer to a waiting session. */
  intent?: boolean;
  /** For intents: a better reading of a line that starts with a command word ("quiz me on pay" is a quiz on pay), or undefined. */
  reread?(command: AnyCommand, text: string, context: CommandContext): Promise<CommandResult | undefined>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = CommandDefinition<any>;

/** Identity helper that keeps the input type of a command definition. */
export function defineCommand<Input>(definition: CommandDefinition<Input>): CommandDefinition<Input> {
  return definition;
}

/** The command a line starts with ("cert ABC", "/quiz salary"), and the rest of the line. */
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
