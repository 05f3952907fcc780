export { openStore } from './open-store.js';
export { toAsyncStore } from './async-store.js';
export { STORE_SCHEMA_VERSION } from './migrations.js';
export { FEATURE_ACTIONS, isFeatureAction } from './feature-use.js';
export type { FeatureAction, FeatureName, FeatureUse } from './feature-use.js';
export { StoreConfigError, StoreUnavailableError } from '../errors.js';
export type {
  AbstentionStats,
  AsyncStore,
  QuestionRecorder,
  DayActivity,
  DayCount,
  FeatureUseCount,
  FeatureUseRecord,
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
