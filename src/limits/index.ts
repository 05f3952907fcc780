export { createRateLimiter, type LimitConfig, type RateLimiter, type RateLimiterOptions, type TakeResult } from './rate-limiter.js';
export { createAnswerQueue, type AnswerQueue, type AnswerQueueOptions } from './answer-queue.js';
export { BusyError, LimitConfigError, isBusyError } from '../errors.js';
