import { afterAll, describe, expect, it } from 'vitest';
import { connectRedisState, MemoryState, type SharedState } from '../../src/state/index.js';
import { describeWithService, services, uniquePrefix } from '../helpers/services.js';
import { sharedStateContract } from './shared-state.contract.js';

describe('MemoryState', () => {
  let clock = 0;
  sharedStateContract(
    async () => new MemoryState({ now: () => clock }),
    async (ms) => void (clock += ms),
  );

  it('holds at most maxEntries keys, dropping the stalest writes', async () => {
    const state = new MemoryState({ maxEntries: 3 });
    for (const key of ['a', 'b', 'c', 'd']) await state.set(key, key, 60_000);
    expect(state.size).toBe(3);
    expect(await state.get('a')).toBeUndefined();
    expect(await state.get('d')).toBe('d');
  });
});

describeWithService('Redis', services.redisUrl, 'RedisState', (url) => {
  const opened: SharedState[] = [];
  afterAll(async () => {
    for (const state of opened) await state.close();
  });
  sharedStateContract(
    async () => {
      const state = await connectRedisState(url, { keyPrefix: uniquePrefix('contract') });
      opened.push(state);
      return state;
    },
    (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  );
});
