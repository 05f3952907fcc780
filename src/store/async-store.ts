import type { AsyncStore, Store, StoreReportQueries } from './store-types.js';

/** The SQLite store behind the AsyncStore interface (its queries are synchronous underneath). */
export function toAsyncStore(store: Store & StoreReportQueries): AsyncStore {
  return {
    get healthy() {
      return store.healthy;
    },
    recordQuestion: (record) => store.recordQuestion(record),
    recordFeedback: (record) => store.recordFeedback(record),
    recordFeatureUse: (record) => store.recordFeatureUse(record),
    purgeExpired: async (now) => store.purgeExpired(now),
    questionsPerDay: async (window) => store.questionsPerDay(window),
    abstentionRate: async (window) => store.abstentionRate(window),
    topUnanswered: async (limit, window) => store.topUnanswered(limit, window),
    lowestRated: async (limit, window) => store.lowestRated(limit, window),
    topCitedSections: async (limit, window) => store.topCitedSections(limit, window),
    dailyActivity: async (window) => store.dailyActivity(window),
    platformBreakdown: async (window) => store.platformBreakdown(window),
    voteTotals: async (window) => store.voteTotals(window),
    featureUse: async (window) => store.featureUse(window),
    close: async () => store.close(),
  };
}
