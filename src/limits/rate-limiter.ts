import { LimitConfigError } from '../errors.js';
import { createTokenBuckets, hasToken, type BucketConfig } from './token-buckets.js';

/** Options for {@link createRateLimiter}. */
export interface RateLimiterOptions {
  perUser: BucketConfig;
  perChannel: BucketConfig;
  /** Clock in epoch milliseconds; inject a fake one in tests. Defaults to `Date.now`. */
  now?: () => number;
  /** Hard cap on tracked keys per scope (default 10 000), on top of idle eviction. */
  maxKeys?: number;
}

/** Outcome of {@link RateLimiter.take}. */
export type TakeResult =
  | { ok: true }
  | {
      ok: false;
      /** Whole seconds (at least 1) until a retry would succeed, if nothing else happens meanwhile. */
      retryAfterSeconds: number;
      /** Which limit refused: tell the user "you" vs "this channel". */
      limitedBy: 'user' | 'channel';
    };

/** Per-user and per-channel token-bucket rate limiter. */
export interface RateLimiter {
  /** Takes one token from both the user's and the channel's bucket, or from neither. */
  take(userKey: string, channelKey: string): TakeResult;
  /** Number of buckets currently held in memory. */
  size(): { users: number; channels: number };
}

/**
 * Creates a rate limiter. A request passes only if both its user and its
 * channel have a token, and a refused request costs nothing, so a throttled
 * user cannot drain the channel's budget for everyone else.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const maxKeys = options.maxKeys ?? 10_000;
  if (!Number.isInteger(maxKeys) || maxKeys < 1) throw new LimitConfigError(`maxKeys must be a positive integer, got ${maxKeys}`);
  const now = options.now ?? Date.now;
  const users = createTokenBuckets(options.perUser, maxKeys);
  const channels = createTokenBuckets(options.perChannel, maxKeys);

  return {
    take(userKey, channelKey) {
      const t = now();
      users.evictIdle(t);
      channels.evictIdle(t);
      const userOk = hasToken(users.level(userKey, t));
      const channelOk = hasToken(channels.level(channelKey, t));
      if (userOk && channelOk) {
        users.consume(userKey, t);
        channels.consume(channelKey, t);
        return { ok: true };
      }
      const userWait = userOk ? 0 : users.waitSeconds(userKey, t);
      const channelWait = channelOk ? 0 : channels.waitSeconds(channelKey, t);
      return {
        ok: false,
        retryAfterSeconds: toWholeSeconds(Math.max(userWait, channelWait)),
        limitedBy: userWait >= channelWait ? 'user' : 'channel',
      };
    },
    size: () => ({ users: users.size, channels: channels.size }),
  };
}

// Round up so "retry in N s" is never too early; ignore float dust (1.0000000001 → 1).
function toWholeSeconds(seconds: number): number {
  return Math.max(1, Math.ceil(seconds - 1e-9));
}
