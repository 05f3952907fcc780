import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createSqliteStore, type SqliteStore } from './sqlite-store.js';
import type { Store, StoreLogger, StoreOptions, StoreReportQueries, TimeWindow } from './store-types.js';
import { assertValidOptions, clampLimit, featureUseProblems, feedbackProblems, questionProblems } from './validate.js';

const consoleLogger: StoreLogger = {
  warn: (obj, msg) => console.warn(`[store] ${msg}`, obj),
};

/**
 * The store as the rest of the program sees it: every call goes through `guard`, so the first
 * failure disables the store for the rest of the process (a half-working database would make the
 * report silently wrong), after one warning.
 */
class GuardedStore implements Store, StoreReportQueries {
  #inner: SqliteStore | null = null;
  #closed = false;
  #warned = false;
  readonly #logger: StoreLogger;
  readonly #now: () => number;

  constructor(private readonly options: StoreOptions) {
    this.#logger = options.logger ?? consoleLogger;
    this.#now = options.now ?? Date.now;
    try {
      if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
      this.#inner = createSqliteStore(options);
      this.#inner.purgeExpired(this.#now());
    } catch (err) {
      this.#disable(err, 'open');
    }
  }

  get healthy(): boolean {
    return this.#inner !== null && !this.#closed;
  }

  #disable(err: unknown, operation: string): void {
    if (!this.#warned) {
      this.#warned = true;
      this.#logger.warn({ err, operation, path: this.options.path }, 'question store unavailable; questions and feedback will not be recorded until restart');
    }
    try {
      this.#inner?.close();
    } catch {
      // Already broken; nothing more to release.
    }
    this.#inner = null;
  }

  #guard<T>(operation: string, fallback: () => T, fn: (s: SqliteStore) => T): T {
    if (!this.#inner) return fallback();
    try {
      this.#inner.assertFileIntact();
      return fn(this.#inner);
    } catch (err) {
      this.#disable(err, operation);
      return fallback();
    }
  }

  #rejectInvalid(operation: string, fields: string[]): boolean {
    if (fields.length === 0) return false;
    this.#logger.warn({ operation, invalidFields: fields }, 'invalid record not stored');
    return true;
  }

  recordQuestion(record: Parameters<Store['recordQuestion']>[0]): void {
    if (!this.#inner || this.#rejectInvalid('recordQuestion', questionProblems(record))) return;
    this.#guard('recordQuestion', () => undefined, (s) => s.recordQuestion(record));
  }

  recordFeedback(record: Parameters<Store['recordFeedback']>[0]): void {
    if (!this.#inner || this.#rejectInvalid('recordFeedback', feedbackProblems(record))) return;
    this.#guard('recordFeedback', () => undefined, (s) => s.recordFeedback(record));
  }

  recordFeatureUse(record: Parameters<Store['recordFeatureUse']>[0]): void {
    if (!this.#inner || this.#rejectInvalid('recordFeatureUse', featureUseProblems(record))) return;
    this.#guard('recordFeatureUse', () => undefined, (s) => s.recordFeatureUse(record));
  }

  purgeExpired(at = this.#now()): ReturnType<Store['purgeExpired']> {
    return this.#guard('purgeExpired', () => ({ questions: 0, feedback: 0, featureUses: 0 }), (s) => s.purgeExpired(at));
  }

  questionsPerDay(window: TimeWindow = {}) {
    return this.#guard('questionsPerDay', () => [], (s) => s.questionsPerDay(window));
  }

  abstentionRate(window: TimeWindow = {}) {
    return this.#guard('abstentionRate', () => ({ total: 0, abstained: 0, rate: 0 }), (s) => s.abstentionRate(window));
  }

  topUnanswered(limit?: number, window: TimeWindow = {}) {
    return this.#guard('topUnanswered', () => [], (s) => s.topUnanswered(clampLimit(limit), window));
  }

  lowestRated(limit?: number, window: TimeWindow = {}) {
    return this.#guard('lowestRated', () => [], (s) => s.lowestRated(clampLimit(limit), window));
  }

  topCitedSections(limit?: number, window: TimeWindow = {}) {
    return this.#guard('topCitedSections', () => [], (s) => s.topCitedSections(clampLimit(limit), window));
  }

  dailyActivity(window: TimeWindow = {}) {
    return this.#guard('dailyActivity', () => [], (s) => s.dailyActivity(window));
  }

  platformBreakdown(window: TimeWindow = {}) {
    return this.#guard('platformBreakdown', () => [], (s) => s.platformBreakdown(window));
  }

  voteTotals(window: TimeWindow = {}) {
    return this.#guard('voteTotals', () => ({ up: 0, down: 0 }), (s) => s.voteTotals(window));
  }

  featureUse(window: TimeWindow = {}) {
    return this.#guard('featureUse', () => [], (s) => s.featureUse(window));
  }

  close(): void {
    this.#closed = true;
    const current = this.#inner;
    this.#inner = null;
    try {
      current?.close();
    } catch {
      // Closing a broken connection is best effort.
    }
  }
}

/**
 * Opens the question & feedback store, creating and migrating the database
 * and purging expired rows. Only invalid options throw (StoreConfigError);
 * an unusable file yields a store with `healthy: false` whose methods are
 * no-ops, after logging one warning. The result also answers the report's
 * extra queries ({@link StoreReportQueries}).
 */
export function openStore(options: StoreOptions): Store & StoreReportQueries {
  assertValidOptions(options);
  return new GuardedStore(options);
}
