export { readEvalFile, evalItemSchema, guidesNotLoaded, isConversation, isInScope, isOutOfScope } from './dataset.js';
export type { EvalItem, Fact } from './dataset.js';
export { firstHitRank, hasFact, mean, rowsWithoutLoadedSections, sectionMatches } from './metrics.js';
export { runEval, sweepThresholds } from './run-eval.js';
export type { EvalReport, SweepRow } from './run-eval.js';
export { LlmEvalRecorder, summarizeLlmRun, percentile } from './llm-metrics.js';
export type { LlmEvalReport } from './llm-metrics.js';
