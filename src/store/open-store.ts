import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createSqliteStore, type SqliteStore } from './sqlite-store.js';
import type { Store, StoreLogger, StoreOptions, StoreReportQueries } from './store-types.js';
import { assertValidOptions, clampLimit, feedbackProblems, questionProblems } from './validate.js';

const consoleLogger: StoreLogger = {
  warn: (obj, msg) => console.warn(`[store] ${msg}`, obj),
};

/**
 * Opens the question & feedback store, creating and migrating the database
 * and purging expired rows. Only invalid options throw (StoreConfigError);
 * an unusable file yields a store with `healthy: false` whose methods are
 * no-ops, after logging one warning. The result also answers the report's
 * extra queries ({@link StoreReportQueries}).
 */
export function openStore(options: StoreOptions): Store & StoreReportQueries {
  assertValidOptions(options);
  const logger = options.logger ?? consoleLogger;
  const now = options.now ?? Date.now;
  let inner: SqliteStore | null = null;
  let closed = false;
  let warned = false;

  // The first failure disables the store for the rest of the process: a
  // half-working database would make the report silently wrong.
  const disable = (err: unknown, operation: string) => {
    if (!warned) {
      warned = true;
      logger.warn(
        { err, operation, path: options.path },
        'question store unavailable; questions and feedback will not be recorded until restart',
      );
    }
    try {
      inner?.close();
    } catch {
      // Already broken; nothing more to release.
    }
    inner = null;
  };

  const guard = <T>(operation: string, fallback: () => T, fn: (s: SqliteStore) => T): T => {
    if (!inner) return fallback();
    try {
      inner.assertFileIntact();
      return fn(inner);
    } catch (err) {
      disable(err, operation);
      return fallback();
    }
  };

  const rejectInvalid = (operation: string, fields: string[]): boolean => {
    if (fields.length === 0) return false;
    logger.warn({ operation, invalidFields: fields }, 'invalid record not stored');
    return true;
  };

  try {
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    inner = createSqliteStore(options);
    inner.purgeExpired(now());
  } catch (err) {
    disable(err, 'open');
  }

  return {
    get healthy() {
      return inner !== null && !closed;
    },
    recordQuestion(record) {
      if (!inner || rejectInvalid('recordQuestion', questionProblems(record))) return;
      guard('recordQuestion', () => undefined, (s) => s.recordQuestion(record));
    },
    recordFeedback(record) {
      if (!inner || rejectInvalid('recordFeedback', feedbackProblems(record))) return;
      guard('recordFeedback', () => undefined, (s) => s.recordFeedback(record));
    },
    purgeExpired: (at = now()) => guard('purgeExpired', () => ({ questions: 0, feedback: 0 }), (s) => s.purgeExpired(at)),
    questionsPerDay: (window = {}) => guard('questionsPerDay', () => [], (s) => s.questionsPerDay(window)),
    abstentionRate: (window = {}) =>
      guard('abstentionRate', () => ({ total: 0, abstained: 0, rate: 0 }), (s) => s.abstentionRate(window)),
    topUnanswered: (limit, window = {}) =>
      guard('topUnanswered', () => [], (s) => s.topUnanswered(clampLimit(limit), window)),
    lowestRated: (limit, window = {}) => guard('lowestRated', () => [], (s) => s.lowestRated(clampLimit(limit), window)),
    topCitedSections: (limit, window = {}) =>
      guard('topCitedSections', () => [], (s) => s.topCitedSections(clampLimit(limit), window)),
    dailyActivity: (window = {}) => guard('dailyActivity', () => [], (s) => s.dailyActivity(window)),
    platformBreakdown: (window = {}) => guard('platformBreakdown', () => [], (s) => s.platformBreakdown(window)),
    voteTotals: (window = {}) => guard('voteTotals', () => ({ up: 0, down: 0 }), (s) => s.voteTotals(window)),
    close() {
      closed = true;
      const current = inner;
      inner = null;
      try {
        current?.close();
      } catch {
        // Closing a broken connection is best effort.
      }
    },
  };
}
