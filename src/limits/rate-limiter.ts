import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { LimitConfigError } from '../errors.js';

/** How many requests one key may make per window. */
export interface LimitConfig {
  points: number;
  durationSeconds: number;
}

/** Options for {@link createRateLimiter}. */
export interface RateLimiterOptions {
  perUser: LimitConfig;
  perChannel: LimitConfig;
  /** Share the counts with every worker through this Redis; default: this process's memory. */
  redis?: Redis;
  /** Redis key prefix (tests isolate themselves with it). */
  keyPrefix?: string;
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

/** Per-user and per-channel rate limiter. */
export interface RateLimiter {
  /** Counts one request against both the user and the channel, or against neither. */
  take(userKey: string, channelKey: string): Promise<TakeResult>;
}

/**
 * Creates a rate limiter on rate-limiter-flexible (fixed windows: `points` per `durationSeconds`).
 * A request passes only if both its user and its channel have room; a refused request does not
 * count against the channel, so a throttled user cannot use up the channel's budget for everyone
 * else. With Redis the counts are shared by every worker; while Redis is unreachable the library's
 * insurance limiter counts in memory, so requests are still limited (per process) and answered.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const users = limiterFor('user', options.perUser, options);
  const channels = limiterFor('channel', options.perChannel, options);

  return {
    async take(userKey, channelKey) {
      const user = await consume(users, userKey);
      if (user) return refused(user, 'user');
      const channel = await consume(channels, channelKey);
      if (!channel) return { ok: true };
      await users.reward(userKey, 1).catch(() => undefined); // the request did not happen
      return refused(channel, 'channel');
    },
  };
}

function limiterFor(scope: 'user' | 'channel', config: LimitConfig, options: RateLimiterOptions): RateLimiterAbstract {
  assertLimitConfig(config);
  const base = { points: config.points, duration: config.durationSeconds, keyPrefix: `${options.keyPrefix ?? 'career-advisor:'}rate:${scope}` };
  if (!options.redis) return new RateLimiterMemory(base);
  return new RateLimiterRedis({ ...base, storeClient: options.redis, insuranceLimiter: new RateLimiterMemory(base) });
}

/** Undefined when the point was taken; the refusal otherwise. */
async function consume(limiter: RateLimiterAbstract, key: string): Promise<RateLimiterRes | undefined> {
  try {
    await limiter.consume(key, 1);
    return undefined;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return rejection;
    throw rejection;
  }
}

function refused(res: RateLimiterRes, limitedBy: 'user' | 'channel'): TakeResult {
  // Round up so "retry in N s" is never too early.
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)), limitedBy };
}

function assertLimitConfig({ points, durationSeconds }: LimitConfig): void {
  if (!Number.isInteger(points) || points < 1) throw new LimitConfigError(`points must be an integer >= 1, got ${points}`);
  if (!Number.isInteger(durationSeconds) || durationSeconds < 1) throw new LimitConfigError(`durationSeconds must be an integer >= 1, got ${durationSeconds}`);
}
