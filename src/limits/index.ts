export { createRateLimiter, type RateLimiter, type RateLimiterOptions, type TakeResult } from './rate-limiter.js';
export type { BucketConfig } from './token-buckets.js';
export { createAnswerQueue, type AnswerQueue, type AnswerQueueOptions } from './answer-queue.js';
export { BusyError, LimitConfigError, isBusyError } from '../errors.js';
