import { CareerAdvisorError } from '../errors.js';
import { askCommand } from './ask-command.js';
import { certCommand } from './cert-command.js';
import { helpCommand } from './help-command.js';
import { answerPlanQuestion, hasPendingPlan, planCommand, type PlanConversation } from './plan-command.js';
import { answerQuiz, hasRunningQuiz, quizCommand } from './quiz-command.js';
import type { QuizSnapshot } from './quiz-session.js';
import { parseCommandLine, runCommand, type AnyCommand, type CommandAdvisor, type CommandContext, type CommandState } from './registry.js';
import { JsonStore, MemoryState, type SharedState } from '../state/index.js';
import { topicsCommand } from './topics-command.js';
import type { CommandHandler, CommandRequest, CommandResult } from './types.js';

/** Every command, in the order help lists them. */
export const COMMANDS: readonly AnyCommand[] = [askCommand, certCommand, planCommand, topicsCommand, quizCommand, helpCommand];

export interface CommandHandlerOptions {
  /** Makes quizzes reproducible (tests, demos). Without it every quiz is a new mix. */
  quizSeed?: string | number;
  /** Questions per quiz when the user gives no number (default 5). */
  quizLength?: number;
  /** Idle plan conversations are forgotten after this (default 60 minutes). */
  planTtlMs?: number;
  /** Idle quizzes are forgotten after this (default 6 hours). */
  quizTtlMs?: number;
  /** Longest message accepted (default 2000 characters; questions are also limited by the advisor). */
  maxTextChars?: number;
  /** Clock for the expiring state (tests; memory state only). */
  now?: () => number;
  /** Where plans and quizzes live (Redis when several workers share them); default: this process's memory. */
  state?: SharedState;
}

/** "B", "b", "(c)", "D." — a bare option letter. */
const BARE_OPTION = /^\(?([A-Za-z])\)?[.!]?$/;

/**
 * The command layer every front end calls. A line starting with a command word (optionally
 * "/"-prefixed) runs that command; while a quiz runs in the conversation a bare letter answers
 * it; while this person's plan waits for an answer, their next message answers it; anything else
 * is a question for the advisor. Coded errors come back as `{kind: 'error'}` results.
 */
export function createCommandHandler(advisor: CommandAdvisor, options: CommandHandlerOptions = {}): CommandHandler {
  const shared = options.state ?? new MemoryState({ maxEntries: 7000, now: options.now });
  const state: CommandState = {
    plans: new JsonStore<PlanConversation>(shared, 'plan', options.planTtlMs ?? 60 * 60_000),
    quizzes: new JsonStore<QuizSnapshot>(shared, 'quiz', options.quizTtlMs ?? 6 * 60 * 60_000),
    quizSeed: options.quizSeed,
    quizLength: options.quizLength ?? 5,
    quizzesStarted: 0,
    commands: COMMANDS,
  };
  const maxChars = options.maxTextChars ?? 2000;

  async function route(request: CommandRequest): Promise<CommandResult> {
    const text = request.text.trim();
    const context: CommandContext = { advisor, request, state };
    if (!text) return { kind: 'error', code: 'INPUT_INVALID', message: 'The message is empty. Ask a question, or type “help” to see what I can do.' };
    if (text.length > maxChars) return { kind: 'error', code: 'INPUT_INVALID', message: `The message is ${text.length} characters long; the limit is ${maxChars}. Please shorten it.` };

    const line = parseCommandLine(text, COMMANDS);
    // "help me find a job" is a question, not a request for the command list.
    const helpQuestion = line?.command === helpCommand && line.args !== '' && !COMMANDS.some((c) => c.name === line.args.replace(/^\//, '').toLowerCase() || c.aliases.includes(line.args.toLowerCase()));
    if (line && !helpQuestion) return runCommand(line.command, line.args, context);

    const letter = BARE_OPTION.exec(text);
    if (letter && (await hasRunningQuiz(context))) return answerQuiz(context, letter[1]!);
    const planPending = await hasPendingPlan(context);
    if (letter && /^[a-e]$/i.test(letter[1]!) && !planPending) {
      return { kind: 'error', code: 'QUIZ_NOT_RUNNING', message: 'No quiz is running in this conversation, so there is nothing to answer. Start one with “quiz”.' };
    }
    if (planPending) return answerPlanQuestion(context, text);
    return runCommand(askCommand, text, context);
  }

  return {
    async handle(request) {
      try {
        return await route(request);
      } catch (error) {
        if (error instanceof CareerAdvisorError) return { kind: 'error', code: error.code, message: error.message };
        throw error;
      }
    },
  };
}
