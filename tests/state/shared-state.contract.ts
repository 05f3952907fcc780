import { describe, expect, it } from 'vitest';
import { updateJson, type SharedState } from '../../src/state/index.js';

/**
 * The behaviour every SharedState must have. `make` gives a fresh, empty state; `sleep` lets
 * time pass (real time for Redis, a fake clock for memory).
 */
export function sharedStateContract(make: () => Promise<SharedState>, sleep: (ms: number) => Promise<void>): void {
  describe('values with a time to live', () => {
    it('stores, replaces and deletes values', async () => {
      const state = await make();
      expect(await state.get('a')).toBeUndefined();
      await state.set('a', 'one', 60_000);
      expect(await state.get('a')).toBe('one');
      await state.set('a', 'two', 60_000);
      expect(await state.get('a')).toBe('two');
      await state.delete('a');
      expect(await state.get('a')).toBeUndefined();
    });

    it('forgets values once their TTL has passed', async () => {
      const state = await make();
      await state.set('short', 'x', 50);
      await state.set('long', 'y', 60_000);
      await sleep(120);
      expect(await state.get('short')).toBeUndefined();
      expect(await state.get('long')).toBe('y');
    });
  });

  describe('setIfAbsent (de-duplication)', () => {
    it('lets exactly one of many simultaneous claims win', async () => {
      const state = await make();
      const wins = await Promise.all(Array.from({ length: 20 }, (_, i) => state.setIfAbsent('event', String(i), 60_000)));
      expect(wins.filter(Boolean)).toHaveLength(1);
    });

    it('can claim again after the claim expires', async () => {
      const state = await make();
      expect(await state.setIfAbsent('event', '1', 50)).toBe(true);
      expect(await state.setIfAbsent('event', '1', 50)).toBe(false);
      await sleep(120);
      expect(await state.setIfAbsent('event', '1', 50)).toBe(true);
    });
  });

  describe('compareAndSet', () => {
    it('swaps only from the expected value, and deletes with undefined', async () => {
      const state = await make();
      expect(await state.compareAndSet('k', 'nope', 'v1', 60_000)).toBe(false);
      expect(await state.compareAndSet('k', undefined, 'v1', 60_000)).toBe(true);
      expect(await state.compareAndSet('k', undefined, 'v2', 60_000)).toBe(false);
      expect(await state.compareAndSet('k', 'v1', 'v2', 60_000)).toBe(true);
      expect(await state.get('k')).toBe('v2');
      expect(await state.compareAndSet('k', 'v2', undefined, 60_000)).toBe(true);
      expect(await state.get('k')).toBeUndefined();
    });

    it('updateJson applies every concurrent change exactly once', async () => {
      const state = await make();
      await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          updateJson<{ players: string[] }, void>(state, 'quiz', 60_000, (current) => ({ value: { players: [...(current?.players ?? []), `p${i}`] }, result: undefined })),
        ),
      );
      const players = JSON.parse((await state.get('quiz'))!).players as string[];
      expect(players.sort()).toEqual(Array.from({ length: 25 }, (_, i) => `p${i}`).sort());
    });
  });

  describe('increment', () => {
    it('counts atomically from zero', async () => {
      const state = await make();
      const values = await Promise.all(Array.from({ length: 30 }, () => state.increment('n', 1, 60_000)));
      expect(values.sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      expect(await state.increment('n', 5, 60_000)).toBe(35);
      expect(await state.get('n')).toBe('35');
    });
  });

  it('reports ok while its back end is reachable', async () => {
    expect((await make()).status()).toBe('ok');
  });
}
