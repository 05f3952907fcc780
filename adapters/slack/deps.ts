import type { Logger } from '@slack/bolt';
import type { Citation } from '../../src/answer/index.js';
import type { CommandHandler, Feedback } from '../../src/commands/types.js';
import type { QuestionInbox } from '../../src/inbox/index.js';
import type { InFlight } from './in-flight.js';
import { TtlCache } from './ttl-cache.js';

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
  /** Citations behind each "Sources" button, by answer id or card key. */
  sources: TtlCache<string, Citation[]>;
  /** Open quiz question per conversation, to refuse clicks on questions already closed. */
  openQuestions: TtlCache<string, OpenQuestion>;
  /** Event ids already taken, so Slack's retries never produce a second answer. */
  seenEvents: TtlCache<string, true>;
  inFlight: InFlight;
  /** Durable record of acknowledged questions (completed when a listener is done); none in tests that don't need it. */
  inbox?: QuestionInbox;
}

const HOUR = 60 * 60_000;

/** Bounded caches sized for a busy workspace: a day of sources, a few hours of quizzes, 15 min of event ids. */
export function createCaches(now?: () => number): Pick<SlackDeps, 'sources' | 'openQuestions' | 'seenEvents'> {
  return {
    sources: new TtlCache(2000, 24 * HOUR, now),
    openQuestions: new TtlCache(1000, 6 * HOUR, now),
    // Slack retries up to three times over about five minutes.
    seenEvents: new TtlCache(10_000, 15 * 60_000, now),
  };
}
