import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { at, NOW, openAt, seedStore, tempDir } from './helpers.js';

describe('store report queries', () => {
  it('dailyActivity counts questions and abstentions per UTC day inside [since, until)', () => {
    const store = openAt(seedStore());
    // 2025-03-06 00:00 up to (not including) 2025-03-08 11:00, when u4 was asked.
    expect(store.dailyActivity({ since: at(-4, 0), until: at(-2, 11) })).toEqual([
      { day: '2025-03-06', total: 4, abstained: 2 },
      { day: '2025-03-07', total: 2, abstained: 1 },
      { day: '2025-03-08', total: 3, abstained: 0 },
    ]);
    expect(store.dailyActivity().map((d) => d.day)).toContain('2025-03-02');
    store.close();
  });

  it('platformBreakdown orders platforms by volume, then name', () => {
    const store = openAt(seedStore());
    expect(store.platformBreakdown({ since: at(-3, 0) })).toEqual([
      { platform: 'discord', total: 6, abstained: 3 },
      { platform: 'slack', total: 3, abstained: 1 },
      { platform: 'cli', total: 2, abstained: 1 },
    ]);
    store.close();
  });

  it('returns empty results once the store is closed, like the other queries', () => {
    const store = openStore({ path: join(tempDir(), 'a.db'), retentionDays: 30, now: () => NOW });
    store.close();
    expect(store.dailyActivity()).toEqual([]);
    expect(store.platformBreakdown()).toEqual([]);
  });
});
