import type { FeatureUse } from './feature-use.js';

/** Anything with a pino-style `warn(obj, msg)`; pino loggers fit as-is. */
export interface StoreLogger {
  warn(obj: Record<string, unknown>, msg: string): void;
}

/** Options for {@link openStore}. */
export interface StoreOptions {
  /** SQLite file path (its directory is created if missing), or ":memory:". */
  path: string;
  /** Rows older than this many days are deleted by `purgeExpired` (and on open). */
  retentionDays: number;
  /** Receives the single "store unavailable" warning and input-validation warnings. */
  logger?: StoreLogger;
  /**
   * Secret key for hashing user/conversation ids. Without it a random key is
   * generated and kept inside the database, which hides ids from casual
   * readers but not from someone who has the file and a list of candidate ids.
   */
  idSalt?: string;
  /** Clock used for the purge on open; defaults to `Date.now`. */
  now?: () => number;
}

/** How a question ended. */
export type QuestionOutcome = 'answered' | 'abstained';

/** One question and how it was answered. */
export interface QuestionRecord {
  /** Caller-generated unique id (e.g. `randomUUID()`); feedback refers to it. Recording an id twice keeps the first. */
  id: string;
  /** Epoch milliseconds. */
  ts: number;
  /** Where the question came from: "discord", "slack", "cli", ... */
  platform: string;
  /** Raw platform conversation/channel id; only a keyed hash is stored. */
  conversationId: string;
  /** Raw platform user id; only a keyed hash is stored. */
  userId: string;
  /** Question text, ALREADY REDACTED by the caller (the store does not redact). */
  question: string;
  outcome: QuestionOutcome;
  /** Guide sections cited by the answer (ids or titles). */
  citedSections: readonly string[];
  latencyMs: number;
}

/** A thumbs up/down on an answer. A user's second vote on the same answer replaces the first. */
export interface FeedbackRecord {
  /** `QuestionRecord.id` of the answered question. */
  questionId: string;
  /** Raw platform user id; only a keyed hash is stored. */
  userId: string;
  vote: 'up' | 'down';
  /** Epoch milliseconds. */
  ts: number;
}

/** One use of a card, plan or quiz. Only fixed words, the platform, the guide's file name and a keyed hash of the user are stored. */
export type FeatureUseRecord = FeatureUse & {
  /** Epoch milliseconds. */
  ts: number;
  /** Where it happened: "discord", "slack", "cli", ... */
  platform: string;
  /** Raw platform user id; only a keyed hash is stored. */
  userId: string;
};

/** How often one feature action happened on one platform, and by how many people. */
export interface FeatureUseCount {
  feature: string;
  action: string;
  platform: string;
  count: number;
  /** Distinct (hashed) users. */
  users: number;
}

/** Optional `[since, until)` bounds in epoch milliseconds for report queries. */
export interface TimeWindow {
  since?: number;
  until?: number;
}

export interface DayCount {
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  count: number;
}

export interface AbstentionStats {
  total: number;
  abstained: number;
  /** abstained / total, or 0 when there were no questions. */
  rate: number;
}

export interface UnansweredQuestion {
  /** Most recent wording of the (redacted) question; near-duplicates are grouped. */
  question: string;
  count: number;
  lastTs: number;
}

export interface RatedAnswer {
  questionId: string;
  /** Null when the question row is gone (purged or never recorded). */
  question: string | null;
  citedSections: string[];
  up: number;
  down: number;
}

export interface SectionCount {
  section: string;
  count: number;
}

/** One UTC day of questions, with how many of them the bot abstained on. */
export interface DayActivity {
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  total: number;
  abstained: number;
}

/** Questions and abstentions from one platform ("discord", "slack", "cli", ...). */
export interface PlatformCount {
  platform: string;
  total: number;
  abstained: number;
}

export interface PurgeResult {
  questions: number;
  feedback: number;
  /** Feature-use events (cards, plans, quizzes). */
  featureUses: number;
}

/**
 * The question & feedback store. No method throws: when the database is
 * unusable every call becomes a no-op (queries return empty results), one
 * warning is logged and `healthy` turns false.
 */
export interface Store {
  /** False once the database failed (or the store was closed); records are then dropped. */
  readonly healthy: boolean;
  recordQuestion(record: QuestionRecord): void;
  recordFeedback(record: FeedbackRecord): void;
  recordFeatureUse(record: FeatureUseRecord): void;
  /** Deletes questions, feedback and feature uses older than the retention period, relative to `now`. */
  purgeExpired(now?: number): PurgeResult;
  questionsPerDay(window?: TimeWindow): DayCount[];
  abstentionRate(window?: TimeWindow): AbstentionStats;
  /** Most frequent abstained questions, grouped case- and punctuation-insensitively. */
  topUnanswered(limit?: number, window?: TimeWindow): UnansweredQuestion[];
  /** Answers with at least one down vote, worst net score first (window applies to vote time). */
  lowestRated(limit?: number, window?: TimeWindow): RatedAnswer[];
  topCitedSections(limit?: number, window?: TimeWindow): SectionCount[];
  close(): void;
}

/**
 * Extra read-only queries for the knowledge-gap report. A separate interface
 * rather than new `Store` members, so existing `Store` fakes stay valid;
 * `openStore` returns both. Like `Store`, no method throws.
 */
export interface StoreReportQueries {
  /** Questions and abstentions per UTC day, days without questions omitted, oldest first. */
  dailyActivity(window?: TimeWindow): DayActivity[];
  /** Questions and abstentions per platform, busiest first. */
  platformBreakdown(window?: TimeWindow): PlatformCount[];
  /** 👍 and 👎 votes cast in the window (vote time), for the overall rating. */
  voteTotals(window?: TimeWindow): VoteTotals;
  /** Card, plan and quiz use per feature, action and platform (zero counts omitted). */
  featureUse(window?: TimeWindow): FeatureUseCount[];
}

/** How many 👍 and 👎 votes were cast. */
export interface VoteTotals {
  up: number;
  down: number;
}

/** What a running bot needs from a store: record questions, votes and feature use, report health, close. */
export interface QuestionRecorder {
  readonly healthy: boolean;
  recordQuestion(record: QuestionRecord): void;
  recordFeedback(record: FeedbackRecord): void;
  /** Optional so recorders written before feature use was counted still fit; both stores have it. */
  recordFeatureUse?(record: FeatureUseRecord): void;
  close(): void | Promise<void>;
}

type QueryName = 'purgeExpired' | 'questionsPerDay' | 'abstentionRate' | 'topUnanswered' | 'lowestRated' | 'topCitedSections' | 'dailyActivity' | 'platformBreakdown' | 'voteTotals' | 'featureUse';
type Queries = Store & StoreReportQueries;

/**
 * The store with Promise-returning queries, for engines reached over the network (PostgreSQL).
 * `toAsyncStore` adapts the SQLite store, so one contract suite and the report run on both.
 * Like `Store`, nothing throws: an unreachable database gives empty results.
 */
export type AsyncStore = QuestionRecorder & Pick<Store, 'recordFeatureUse'> & { close(): Promise<void> } & {
  [K in QueryName]: (...args: Parameters<Queries[K]>) => Promise<ReturnType<Queries[K]>>;
};
