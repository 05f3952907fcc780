import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRateLimiter, LimitConfigError, type BucketConfig, type TakeResult } from '../../src/limits/index.js';

/** A clock the test moves by hand. */
function fakeClock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms), set: (ms: number) => void (t = ms) };
}

const roomy: BucketConfig = { capacity: 1_000, refillPerSecond: 1_000 };

describe('createRateLimiter — per user', () => {
  it('allows a burst up to capacity, then refuses with a retry time', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ perUser: { capacity: 3, refillPerSecond: 0.5 }, perChannel: roomy, now: clock.now });
    expect([1, 2, 3].map(() => limiter.take('u', 'c').ok)).toEqual([true, true, true]);
    expect(limiter.take('u', 'c')).toEqual({ ok: false, retryAfterSeconds: 2, limitedBy: 'user' });
  });

  it('refills over time, and retryAfterSeconds counts down', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ perUser: { capacity: 1, refillPerSecond: 0.1 }, perChannel: roomy, now: clock.now });
    expect(limiter.take('u', 'c').ok).toBe(true);
    expect(limiter.take('u', 'c')).toMatchObject({ ok: false, retryAfterSeconds: 10 });
    clock.advance(4_000);
    expect(limiter.take('u', 'c')).toMatchObject({ ok: false, retryAfterSeconds: 6 });
    clock.advance(5_999);
    expect(limiter.take('u', 'c')).toMatchObject({ ok: false, retryAfterSeconds: 1 });
    clock.advance(1);
    expect(limiter.take('u', 'c')).toEqual({ ok: true });
  });

  it('rounds sub-second waits up to one second', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ perUser: { capacity: 1, refillPerSecond: 3 }, perChannel: roomy, now: clock.now });
    limiter.take('u', 'c');
    expect(limiter.take('u', 'c')).toMatchObject({ ok: false, retryAfterSeconds: 1 });
    clock.advance(334);
    expect(limiter.take('u', 'c').ok).toBe(true);
  });

  it('never accumulates more than capacity', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ perUser: { capacity: 2, refillPerSecond: 1 }, perChannel: roomy, now: clock.now });
    clock.advance(3_600_000);
    expect([1, 2, 3].map(() => limiter.take('u', 'c').ok)).toEqual([true, true, false]);
  });

  it('limits a user across channels', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ perUser: { capacity: 1, refillPerSecond: 1 }, perChannel: roomy, now: clock.now });
    expect(limiter.take('u', 'c1').ok).toBe(true);
    expect(limiter.take('u', 'c2')).toMatchObject({ ok: false, limitedBy: 'user' });
    expect(limiter.take('other', 'c2').ok).toBe(true);
  });

  it('does not grant tokens when the clock steps backwards', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ perUser: { capacity: 1, refillPerSecond: 1 }, perChannel: roomy, now: clock.now });
    limiter.take('u', 'c');
    clock.advance(-60_000);
    expect(limiter.take('u', 'c').ok).toBe(false);
  });
});

describe('createRateLimiter — per channel', () => {
  it('shares a channel budget between users', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ perUser: roomy, perChannel: { capacity: 2, refillPerSecond: 0.25 }, now: clock.now });
    expect(limiter.take('a', 'c').ok).toBe(true);
    expect(limiter.take('b', 'c').ok).toBe(true);
    expect(limiter.take('c', 'c')).toEqual({ ok: false, retryAfterSeconds: 4, limitedBy: 'channel' });
    expect(limiter.take('c', 'other-channel').ok).toBe(true);
  });

  it('a refused request costs nothing, so a throttled user cannot drain the channel', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({
      perUser: { capacity: 1, refillPerSecond: 0.01 },
      perChannel: { capacity: 3, refillPerSecond: 0.01 },
      now: clock.now,
    });
    expect(limiter.take('spammer', 'c').ok).toBe(true);
    for (let i = 0; i < 50; i += 1) expect(limiter.take('spammer', 'c').ok).toBe(false);
    expect(limiter.take('alice', 'c').ok).toBe(true);
    expect(limiter.take('bob', 'c').ok).toBe(true);
  });

  it('reports the binding limit when both refuse', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({
      perUser: { capacity: 1, refillPerSecond: 0.1 }, // 10 s to recover
      perChannel: { capacity: 1, refillPerSecond: 0.5 }, // 2 s to recover
      now: clock.now,
    });
    limiter.take('u', 'c');
    expect(limiter.take('u', 'c')).toEqual({ ok: false, retryAfterSeconds: 10, limitedBy: 'user' });
  });
});

describe('createRateLimiter — memory', () => {
  it('evicts buckets that have fully refilled', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({
      perUser: { capacity: 2, refillPerSecond: 1 },
      perChannel: { capacity: 1_000, refillPerSecond: 1_000 },
      now: clock.now,
    });
    for (let i = 0; i < 1_000; i += 1) limiter.take(`user-${i}`, `channel-${i % 7}`);
    expect(limiter.size()).toEqual({ users: 1_000, channels: 7 });
    clock.advance(2_000); // a full refill for every user bucket
    limiter.take('late', 'channel-0');
    expect(limiter.size()).toEqual({ users: 1, channels: 1 });
  });

  it('keeps buckets that are still refilling', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ perUser: { capacity: 2, refillPerSecond: 1 }, perChannel: roomy, now: clock.now });
    limiter.take('a', 'c');
    limiter.take('a', 'c');
    clock.advance(1_500);
    limiter.take('b', 'c');
    expect(limiter.size().users).toBe(2);
    expect(limiter.take('a', 'c').ok).toBe(true);
    expect(limiter.take('a', 'c').ok).toBe(false);
  });

  it('never holds more than maxKeys buckets per scope', () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({
      perUser: { capacity: 1, refillPerSecond: 0.001 },
      perChannel: { capacity: 1_000_000, refillPerSecond: 0.001 },
      now: clock.now,
      maxKeys: 100,
    });
    for (let i = 0; i < 10_000; i += 1) limiter.take(`user-${i}`, `channel-${i}`);
    expect(limiter.size()).toEqual({ users: 100, channels: 100 });
  });
});

describe('createRateLimiter — config', () => {
  it.each([
    [{ capacity: 0, refillPerSecond: 1 }],
    [{ capacity: 1, refillPerSecond: 0 }],
    [{ capacity: Number.POSITIVE_INFINITY, refillPerSecond: 1 }],
    [{ capacity: 1, refillPerSecond: Number.NaN }],
  ])('rejects %j', (bad) => {
    expect(() => createRateLimiter({ perUser: bad, perChannel: roomy })).toThrow(LimitConfigError);
    expect(() => createRateLimiter({ perUser: roomy, perChannel: bad })).toThrow(LimitConfigError);
  });

  it('rejects a bad maxKeys', () => {
    expect(() => createRateLimiter({ perUser: roomy, perChannel: roomy, maxKeys: 0 })).toThrow(LimitConfigError);
  });

  it('uses the real clock by default', () => {
    const limiter = createRateLimiter({ perUser: { capacity: 1, refillPerSecond: 0.001 }, perChannel: roomy });
    expect(limiter.take('u', 'c').ok).toBe(true);
    expect(limiter.take('u', 'c').ok).toBe(false);
  });
});

describe('createRateLimiter — properties', () => {
  const bucket = fc.record({
    capacity: fc.integer({ min: 1, max: 5 }),
    refillPerSecond: fc.constantFrom(0.1, 0.5, 1, 2, 3),
  });
  const step = fc.record({
    advanceMs: fc.integer({ min: 0, max: 3_000 }),
    user: fc.constantFrom('u1', 'u2', 'u3'),
    channel: fc.constantFrom('c1', 'c2'),
  });

  /** The textbook token bucket, never evicting anything. */
  function referenceLimiter(perUser: BucketConfig, perChannel: BucketConfig) {
    const state = new Map<string, { tokens: number; at: number }>();
    const level = (key: string, cfg: BucketConfig, now: number) => {
      const s = state.get(key);
      return s ? Math.min(cfg.capacity, s.tokens + ((now - s.at) / 1000) * cfg.refillPerSecond) : cfg.capacity;
    };
    return (user: string, channel: string, now: number): boolean => {
      const u = level(`u:${user}`, perUser, now);
      const c = level(`c:${channel}`, perChannel, now);
      if (u < 1 - 1e-9 || c < 1 - 1e-9) return false;
      state.set(`u:${user}`, { tokens: u - 1, at: now });
      state.set(`c:${channel}`, { tokens: c - 1, at: now });
      return true;
    };
  }

  it('behaves exactly like a limiter that never evicts', () => {
    fc.assert(
      fc.property(bucket, bucket, fc.array(step, { maxLength: 120 }), (perUser, perChannel, steps) => {
        const clock = fakeClock();
        const limiter = createRateLimiter({ perUser, perChannel, now: clock.now });
        const reference = referenceLimiter(perUser, perChannel);
        for (const s of steps) {
          clock.advance(s.advanceMs);
          expect(limiter.take(s.user, s.channel).ok).toBe(reference(s.user, s.channel, clock.now()));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('never lets a user exceed capacity + rate × elapsed, and a refusal is always retryable', () => {
    fc.assert(
      fc.property(bucket, fc.array(step, { maxLength: 120 }), (perUser, steps) => {
        const clock = fakeClock(0);
        const limiter = createRateLimiter({ perUser, perChannel: roomy, now: clock.now });
        let allowed = 0;
        for (const s of steps) {
          clock.advance(s.advanceMs);
          const result: TakeResult = limiter.take('u', 'c');
          if (result.ok) allowed += 1;
          else expect(result.retryAfterSeconds).toBeGreaterThanOrEqual(1);
          expect(allowed).toBeLessThanOrEqual(perUser.capacity + (clock.now() / 1000) * perUser.refillPerSecond + 1e-9);
        }
      }),
      { numRuns: 200 },
    );
  });
});
