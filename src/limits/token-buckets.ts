import { LimitConfigError } from '../errors.js';

/** Token-bucket shape: holds up to `capacity` tokens, regains `refillPerSecond` per second. */
export interface BucketConfig {
  capacity: number;
  refillPerSecond: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

// Float refill math (e.g. 0.1/s) can land a hair below a whole token.
const EPSILON = 1e-9;

/** A keyed set of token buckets that forgets keys once their bucket would be full again. */
export interface TokenBuckets {
  /** Tokens available for `key` at time `now` (ms), without consuming any. */
  level(key: string, now: number): number;
  /** Seconds until `key` has one whole token at `now`. */
  waitSeconds(key: string, now: number): number;
  /** Takes one token from `key`; call only after `level` showed at least one. */
  consume(key: string, now: number): void;
  /** Drops buckets that have refilled completely: they equal a fresh bucket. */
  evictIdle(now: number): void;
  readonly size: number;
}

/** Creates a bucket set; `maxKeys` is a hard memory cap on top of idle eviction. */
export function createTokenBuckets(config: BucketConfig, maxKeys: number): TokenBuckets {
  assertBucketConfig(config);
  // Map iteration order is insertion order; re-inserting on every consume keeps
  // it ordered by last use, so idle buckets are always at the front.
  const buckets = new Map<string, Bucket>();
  const refillMs = (config.capacity / config.refillPerSecond) * 1000;

  const level = (key: string, now: number): number => {
    const b = buckets.get(key);
    if (!b) return config.capacity;
    const elapsed = Math.max(0, now - b.updatedAt); // an injected clock may step back
    return Math.min(config.capacity, b.tokens + (elapsed / 1000) * config.refillPerSecond);
  };

  return {
    level,
    waitSeconds: (key, now) => Math.max(0, (1 - level(key, now)) / config.refillPerSecond),
    consume(key, now) {
      const tokens = level(key, now) - 1;
      buckets.delete(key);
      if (buckets.size >= maxKeys) {
        // Over the cap, the least recently used key gets a fresh bucket next
        // time: a little leniency for it, in exchange for bounded memory.
        const oldest = buckets.keys().next();
        if (!oldest.done) buckets.delete(oldest.value);
      }
      buckets.set(key, { tokens: Math.max(0, tokens), updatedAt: now });
    },
    evictIdle(now) {
      // Anything untouched for a full refill period is full; stop at the first recent one.
      for (const [key, b] of buckets) {
        if (now - b.updatedAt < refillMs) break;
        buckets.delete(key);
      }
    },
    get size() {
      return buckets.size;
    },
  };
}

/** True when `tokens` covers one request, allowing for float error. */
export function hasToken(tokens: number): boolean {
  return tokens >= 1 - EPSILON;
}

function assertBucketConfig({ capacity, refillPerSecond }: BucketConfig): void {
  if (!Number.isFinite(capacity) || capacity < 1) {
    throw new LimitConfigError(`bucket capacity must be a finite number >= 1, got ${capacity}`);
  }
  if (!Number.isFinite(refillPerSecond) || refillPerSecond <= 0) {
    throw new LimitConfigError(`refillPerSecond must be a finite number > 0, got ${refillPerSecond}`);
  }
}
