import { describe, expect, it } from 'vitest';
import { previewText, STREAM_CURSOR, StreamThrottle } from '../../../adapters/shared/stream-throttle.js';

/**
 * A virtual clock: `sleep` resolves when the test advances time past its deadline, so every
 * schedule is deterministic. Edits record (start time, text) and can be made slow or failing.
 */
function rig(options: { intervalMs?: number; editMs?: number; failOn?: (n: number) => boolean } = {}) {
  let now = 0;
  const sleepers: Array<{ at: number; resolve: () => void }> = [];
  const edits: Array<{ at: number; text: string; done?: number }> = [];
  const errors: unknown[] = [];
  let active = 0;
  let maxActive = 0;
  const sleep = (ms: number) => new Promise<void>((resolve) => void sleepers.push({ at: now + ms, resolve }));
  const throttle = new StreamThrottle({
    intervalMs: options.intervalMs ?? 1000,
    now: () => now,
    sleep,
    preview: (text) => `${text}|`,
    onError: (error) => void errors.push(error),
    edit: async (text) => {
      const record: { at: number; text: string; done?: number } = { at: now, text };
      edits.push(record);
      active += 1;
      maxActive = Math.max(maxActive, active);
      try {
        if (options.editMs) await sleep(options.editMs);
        if (options.failOn?.(edits.length)) throw new Error(`edit ${edits.length} failed`);
      } finally {
        active -= 1;
        record.done = now;
      }
    },
  });
  /** Lets pending promise callbacks run. */
  const settle = async () => {
    for (let i = 0; i < 20; i += 1) await Promise.resolve();
  };
  /** Moves the clock forward, waking sleepers in deadline order. */
  const advance = async (ms: number) => {
    const target = now + ms;
    for (;;) {
      await settle();
      sleepers.sort((a, b) => a.at - b.at);
      const next = sleepers[0];
      if (!next || next.at > target) break;
      sleepers.shift();
      now = Math.max(now, next.at);
      next.resolve();
    }
    now = target;
    await settle();
  };
  return { throttle, edits, errors, advance, settle, maxActive: () => maxActive };
}

describe('StreamThrottle', () => {
  it('shows the first token at once, then at most one edit per interval with the latest text', async () => {
    const r = rig();
    r.throttle.push('a');
    await r.settle();
    expect(r.edits).toEqual([expect.objectContaining({ at: 0, text: 'a|' })]);
    for (const token of ['b', 'c', 'd']) {
      await r.advance(150);
      r.throttle.push(token);
    }
    await r.advance(100); // t = 550: still inside the first interval
    expect(r.edits).toHaveLength(1);
    await r.advance(450); // t = 1000
    expect(r.edits.map((e) => [e.at, e.text])).toEqual([
      [0, 'a|'],
      [1000, 'abcd|'],
    ]);
    // Nothing new: no edit.
    await r.advance(3000);
    expect(r.edits).toHaveLength(2);
  });

  it('never edits twice at once: a slow edit delays the next one', async () => {
    const r = rig({ intervalMs: 1000, editMs: 1500 });
    r.throttle.push('a');
    await r.advance(100);
    r.throttle.push('b');
    await r.advance(1200); // the first edit is still running at t = 1300
    expect(r.edits).toHaveLength(1);
    await r.advance(300); // first edit done at 1500, the second starts right away (interval passed)
    expect(r.edits.map((e) => [e.at, e.text])).toEqual([
      [0, 'a|'],
      [1500, 'ab|'],
    ]);
    await r.advance(2000);
    expect(r.maxActive()).toBe(1);
  });

  it('finish() waits for the running edit and the interval, then runs the final action once', async () => {
    const r = rig({ intervalMs: 1200 });
    r.throttle.push('Hello ');
    await r.advance(200);
    r.throttle.push('world');
    const order: string[] = [];
    let finalAt = -1;
    const done = r.throttle.finish(async () => {
      finalAt = r.edits.length;
      order.push('final');
      return 'rendered';
    });
    // The pending preview is dropped; the final waits for the slot after the first edit (t = 1200).
    await r.advance(900);
    expect(order).toEqual([]);
    await r.advance(200);
    await expect(done).resolves.toBe('rendered');
    expect(order).toEqual(['final']);
    expect(finalAt).toBe(1);
    expect(r.edits.map((e) => e.text)).toEqual(['Hello |']);
    // Tokens after the end are ignored.
    r.throttle.push('late');
    await r.advance(5000);
    expect(r.edits).toHaveLength(1);
  });

  it('without a final action, finish() flushes the full plain text (no preview marker)', async () => {
    const r = rig();
    r.throttle.push('a');
    r.throttle.push('b');
    await r.settle();
    const done = r.throttle.finish();
    await r.advance(1000);
    await done;
    expect(r.edits.map((e) => [e.at, e.text])).toEqual([
      [0, 'ab|'],
      [1000, 'ab'],
    ]);
  });

  it('swallows failed edits (reporting them) and keeps going; the final action still runs', async () => {
    const r = rig({ failOn: (n) => n === 1 });
    r.throttle.push('a');
    await r.advance(10);
    r.throttle.push('b');
    await r.advance(1000);
    expect(r.errors).toEqual([expect.objectContaining({ message: 'edit 1 failed' })]);
    expect(r.edits.map((e) => e.text)).toEqual(['a|', 'ab|']);
    const done = r.throttle.finish(async () => 'final answer');
    await r.advance(1000);
    await expect(done).resolves.toBe('final answer');
  });

  it('does nothing when no token arrives; close() stops previews without a final edit', async () => {
    const quiet = rig();
    await expect(quiet.throttle.finish()).resolves.toBeUndefined();
    expect(quiet.throttle.started).toBe(false);
    expect(quiet.edits).toEqual([]);

    const r = rig();
    r.throttle.push('a');
    await r.advance(10);
    r.throttle.push('b');
    const closed = r.throttle.close();
    await r.advance(2000);
    await closed;
    expect(r.edits.map((e) => e.text)).toEqual(['a|']);
  });

  it('works with real timers too (default clock)', async () => {
    const shown: string[] = [];
    const throttle = new StreamThrottle({ intervalMs: 30, edit: async (t) => void shown.push(t) });
    throttle.push('x');
    throttle.push('y');
    await throttle.finish();
    expect(shown).toEqual(['xy']);
  });
});

describe('previewText', () => {
  it('adds the cursor and keeps the start of a long text within the limit', () => {
    expect(previewText('Coders earn ', 100)).toBe(`Coders earn${STREAM_CURSOR}`);
    const long = previewText('x'.repeat(5000), 2000);
    expect(long).toHaveLength(2000);
    expect(long.endsWith(`…${STREAM_CURSOR}`)).toBe(true);
  });
});
