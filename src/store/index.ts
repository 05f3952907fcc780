export { openStore } from './open-store.js';
export { toAsyncStore } from './async-store.js';
export { STORE_SCHEMA_VERSION } from './migrations.js';
export { StoreConfigError, StoreUnavailableError } from '../errors.js';
export type {
  AbstentionStats,
  AsyncStore,
  QuestionRecorder,
  DayActivity,
  DayCount,
  FeedbackRecord,
  PlatformCount,
  VoteTotals,
  PurgeResult,
  QuestionOutcome,
  QuestionRecord,
  RatedAnswer,
  SectionCount,
  Store,
  StoreLogger,
  StoreOptions,
  StoreReportQueries,
  TimeWindow,
  UnansweredQuestion,
} from './store-types.js';
