export { openStore } from './open-store.js';
export { STORE_SCHEMA_VERSION } from './migrations.js';
export { StoreConfigError, StoreUnavailableError } from './errors.js';
export type {
  AbstentionStats,
  DayCount,
  FeedbackRecord,
  PurgeResult,
  QuestionOutcome,
  QuestionRecord,
  RatedAnswer,
  SectionCount,
  Store,
  StoreLogger,
  StoreOptions,
  TimeWindow,
  UnansweredQuestion,
} from './store-types.js';
