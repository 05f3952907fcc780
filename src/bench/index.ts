export { runBench, percentile } from './run-bench.js';
export type { BenchOptions, BenchReport, MethodResult } from './run-bench.js';
export { denseOnly, keywordOnly, langchainDefault } from './baselines.js';
export type { RankedRetriever } from './baselines.js';
