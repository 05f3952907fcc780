import type { Logger } from '@slack/bolt';
import type { Citation } from '../../src/answer/index.js';
import type { CommandHandler, Feedback } from '../../src/commands/types.js';
import type { QuestionInbox } from '../../src/inbox/index.js';
import type { InFlight } from './in-flight.js';
import { JsonStore, type SharedState } from '../../src/state/index.js';
import type { RoundTimers } from '../shared/round-timers.js';

/** The part of the core the adapter calls directly (answers go through the command handler). */
export interface SlackAdvisor {
  recordFeedback(feedback: Feedback): void;
}

/** The question a quiz conversation is currently on, as last rendered. */
export interface OpenQuestion {
  quizId: string;
  index: number;
}

/** Everything the listeners share. */
export interface SlackDeps {
  commands: CommandHandler;
  advisor: SlackAdvisor;
  logger: Logger;
  allowList: ReadonlySet<string>;
  /** Shared with the other workers: event ids already taken, so Slack's retries never produce a second answer. */
  state: SharedState;
  /** Citations behind each "Sources" button, by answer id or card key. */
  sources: JsonStore<Citation[]>;
  /** Open quiz question per conversation, to refuse clicks on questions already closed. */
  openQuestions: JsonStore<OpenQuestion>;
  inFlight: InFlight;
  /** Durable record of acknowledged questions (completed when a listener is done); none in tests that don't need it. */
  inbox?: QuestionInbox;
  /** The open quiz question's timer per quiz conversation. */
  rounds: RoundTimers;
  /** Where each quiz conversation's questions are posted (channel and thread), for the round timer. */
  quizThreads: JsonStore<QuizThread>;
  /** Closes a question whose time ran out and posts it to the quiz's thread (set by the app; tests may leave it out). */
  closeRound?: (conversationId: string, quizId: string, index: number) => Promise<void>;
}

/** The channel and thread a quiz is played in. */
export interface QuizThread {
  channel: string;
  threadTs?: string;
}

const HOUR = 60 * 60_000;

/** What buttons need, in the shared state: a day of sources, a few hours of quizzes. */
export function createCaches(state: SharedState): Pick<SlackDeps, 'state' | 'sources' | 'openQuestions' | 'quizThreads'> {
  return {
    state,
    sources: new JsonStore(state, 'slack:sources', 24 * HOUR),
    openQuestions: new JsonStore(state, 'slack:open-quiz', 6 * HOUR),
    quizThreads: new JsonStore(state, 'slack:quiz-thread', 6 * HOUR),
  };
}
