import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Redis } from 'ioredis';
import { createRateLimiter, LimitConfigError, type LimitConfig } from '../../src/limits/index.js';
import { describeWithService, services, uniquePrefix } from '../helpers/services.js';

const roomy: LimitConfig = { points: 1_000, durationSeconds: 60 };

describe('createRateLimiter (memory)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(1_000_000);
  });
  afterEach(() => vi.useRealTimers());

  it('allows `points` requests per window, then refuses with the wait until the window ends', async () => {
    const limiter = createRateLimiter({ perUser: { points: 3, durationSeconds: 60 }, perChannel: roomy });
    const results = [];
    for (let i = 0; i < 3; i += 1) results.push((await limiter.take('u', 'c')).ok);
    expect(results).toEqual([true, true, true]);
    expect(await limiter.take('u', 'c')).toEqual({ ok: false, retryAfterSeconds: 60, limitedBy: 'user' });
    vi.advanceTimersByTime(45_500);
    expect(await limiter.take('u', 'c')).toEqual({ ok: false, retryAfterSeconds: 15, limitedBy: 'user' });
    vi.advanceTimersByTime(14_500);
    expect(await limiter.take('u', 'c')).toEqual({ ok: true });
  });

  it('rounds sub-second waits up to one second', async () => {
    const limiter = createRateLimiter({ perUser: { points: 1, durationSeconds: 1 }, perChannel: roomy });
    await limiter.take('u', 'c');
    vi.advanceTimersByTime(800);
    expect(await limiter.take('u', 'c')).toMatchObject({ ok: false, retryAfterSeconds: 1 });
  });

  it('limits a user across channels, and users separately', async () => {
    const limiter = createRateLimiter({ perUser: { points: 1, durationSeconds: 60 }, perChannel: roomy });
    expect((await limiter.take('u', 'c1')).ok).toBe(true);
    expect(await limiter.take('u', 'c2')).toMatchObject({ ok: false, limitedBy: 'user' });
    expect((await limiter.take('other', 'c2')).ok).toBe(true);
  });

  it('limits a channel across users', async () => {
    const limiter = createRateLimiter({ perUser: roomy, perChannel: { points: 2, durationSeconds: 60 } });
    expect((await limiter.take('a', 'c')).ok).toBe(true);
    expect((await limiter.take('b', 'c')).ok).toBe(true);
    expect(await limiter.take('d', 'c')).toMatchObject({ ok: false, limitedBy: 'channel' });
    expect((await limiter.take('d', 'other')).ok).toBe(true);
  });

  it('a throttled user does not use up the channel, and a channel refusal costs the user nothing', async () => {
    const limiter = createRateLimiter({ perUser: { points: 1, durationSeconds: 60 }, perChannel: { points: 2, durationSeconds: 60 } });
    expect((await limiter.take('spammer', 'c')).ok).toBe(true);
    for (let i = 0; i < 10; i += 1) expect(await limiter.take('spammer', 'c')).toMatchObject({ ok: false, limitedBy: 'user' });
    expect((await limiter.take('polite', 'c')).ok).toBe(true);
    expect(await limiter.take('late', 'c')).toMatchObject({ ok: false, limitedBy: 'channel' });
    expect((await limiter.take('late', 'quiet')).ok).toBe(true);
  });

  it.each([
    [{ points: 0, durationSeconds: 60 }],
    [{ points: 1, durationSeconds: 0 }],
    [{ points: Number.POSITIVE_INFINITY, durationSeconds: 60 }],
    [{ points: 1, durationSeconds: Number.NaN }],
  ])('rejects %j', (bad) => {
    expect(() => createRateLimiter({ perUser: bad, perChannel: roomy })).toThrow(LimitConfigError);
    expect(() => createRateLimiter({ perUser: roomy, perChannel: bad })).toThrow(LimitConfigError);
  });
});

describeWithService('Redis', services.redisUrl, 'createRateLimiter (Redis)', (url) => {
  const clients: Redis[] = [];
  const client = () => {
    const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    clients.push(redis);
    return redis;
  };
  afterAll(() => clients.forEach((c) => c.disconnect()));

  it('shares one budget between limiters on separate connections (separate workers)', async () => {
    const keyPrefix = uniquePrefix('rate');
    const [a, b, c] = [client(), client(), client()];
    await Promise.all([a, b, c].map((r) => new Promise((resolve) => r.once('ready', resolve))));
    const workers = [a, b, c].map((redis) => createRateLimiter({ perUser: { points: 4, durationSeconds: 60 }, perChannel: roomy, redis, keyPrefix }));
    const results = await Promise.all(Array.from({ length: 9 }, (_, i) => workers[i % 3]!.take('u', `c${i}`)));
    expect(results.filter((r) => r.ok)).toHaveLength(4);
    expect(results.find((r) => !r.ok)).toMatchObject({ limitedBy: 'user' });
  });
});
