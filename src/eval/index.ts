export { readEvalFile, evalItemSchema, isConversation, isInScope, isOutOfScope } from './dataset.js';
export type { EvalItem, Fact } from './dataset.js';
export { firstHitRank, hasFact, mean, sectionMatches } from './metrics.js';
export { runEval, sweepThresholds } from './run-eval.js';
export type { EvalReport, SweepRow } from './run-eval.js';
