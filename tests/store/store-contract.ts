import { afterEach, describe, expect, it } from 'vitest';
import type { AsyncStore, StoreLogger } from '../../src/store/index.js';
import { captureLogger, DAY, featureUse, feedback, NOW, question } from './helpers.js';

/** Opens a fresh, empty store of the engine under test (the same database for the same `name`). */
export type OpenAsyncStore = (options: { retentionDays: number; now: () => number; logger?: StoreLogger; name?: string }) => Promise<AsyncStore>;

/**
 * The store's behaviour, whatever the engine: SQLite (through toAsyncStore) and PostgreSQL run
 * the same suite. Mirrors store-data.test.ts, which also covers SQLite-only details (the file).
 */
export function storeContract(open: OpenAsyncStore): void {
  const opened: AsyncStore[] = [];
  const fresh = async (options: { retentionDays?: number; now?: () => number; logger?: StoreLogger; name?: string } = {}) => {
    const store = await open({ retentionDays: options.retentionDays ?? 30, now: options.now ?? (() => NOW), ...(options.logger ? { logger: options.logger } : {}), ...(options.name ? { name: options.name } : {}) });
    opened.push(store);
    return store;
  };
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
  });

  it('keeps the first record when an id is recorded twice, and is healthy', async () => {
    const store = await fresh();
    store.recordQuestion(question({ id: 'dup', outcome: 'answered' }));
    store.recordQuestion(question({ id: 'dup', outcome: 'abstained' }));
    expect(await store.abstentionRate()).toEqual({ total: 1, abstained: 0, rate: 0 });
    expect(store.healthy).toBe(true);
  });

  it('drops an invalid record with a warning naming fields only', async () => {
    const logger = captureLogger();
    const store = await fresh({ logger });
    store.recordQuestion(question({ ts: -5, question: 'pt John Smith SECRET' }) as never);
    store.recordFeedback(feedback({ vote: 'sideways' as never }));
    expect((await store.abstentionRate()).total).toBe(0);
    expect(logger.warnings.map((w) => w.obj.invalidFields)).toEqual([['ts'], ['vote']]);
    expect(JSON.stringify(logger.warnings)).not.toContain('SECRET');
  });

  it('replaces a user’s earlier vote on the same answer', async () => {
    const store = await fresh();
    store.recordQuestion(question({ id: 'q', question: 'Is CCS harder than CPC?' }));
    store.recordFeedback(feedback({ questionId: 'q', userId: 'u1', vote: 'up', ts: NOW }));
    store.recordFeedback(feedback({ questionId: 'q', userId: 'u1', vote: 'down', ts: NOW + 1000 }));
    store.recordFeedback(feedback({ questionId: 'q', userId: 'u2', vote: 'down', ts: NOW + 2000 }));
    expect(await store.lowestRated()).toEqual([{ questionId: 'q', question: 'Is CCS harder than CPC?', citedSections: ['certifications'], up: 0, down: 2 }]);
  });

  it('purges questions and feedback older than the retention period', async () => {
    const store = await fresh({ retentionDays: 30 });
    store.recordQuestion(question({ id: 'old', ts: NOW - 31 * DAY }));
    store.recordQuestion(question({ id: 'edge', ts: NOW - 30 * DAY }));
    store.recordQuestion(question({ id: 'new', ts: NOW - 1 * DAY }));
    store.recordFeedback(feedback({ questionId: 'old', vote: 'down', ts: NOW }));
    store.recordFeedback(feedback({ questionId: 'new', vote: 'down', ts: NOW - 40 * DAY }));
    store.recordFeedback(feedback({ questionId: 'new', userId: 'other', vote: 'down', ts: NOW }));
    expect(await store.purgeExpired(NOW)).toEqual({ questions: 1, feedback: 2, featureUses: 0 });
    expect((await store.abstentionRate()).total).toBe(2);
    expect((await store.lowestRated()).map((r) => [r.questionId, r.down])).toEqual([['new', 1]]);
    expect(await store.purgeExpired(NOW)).toEqual({ questions: 0, feedback: 0, featureUses: 0 });
  });

  it('purges on open, relative to the injected clock', async () => {
    const first = await fresh({ retentionDays: 7, name: 'reopened' });
    first.recordQuestion(question({ ts: NOW }));
    expect((await first.abstentionRate()).total).toBe(1);
    await first.close();
    const later = await fresh({ retentionDays: 7, now: () => NOW + 8 * DAY, name: 'reopened' });
    expect((await later.abstentionRate()).total).toBe(0);
  });

  describe('report queries', () => {
    async function seeded(): Promise<AsyncStore> {
      const store = await fresh({ retentionDays: 365 });
      const day1 = Date.UTC(2025, 2, 1, 23, 59);
      const day2 = Date.UTC(2025, 2, 2, 0, 1);
      store.recordQuestion(question({ id: 'a', ts: day1, outcome: 'answered', citedSections: ['salaries', 'cpc'], platform: 'slack' }));
      store.recordQuestion(question({ id: 'b', ts: day1, outcome: 'abstained', question: 'What is the CDIP pass rate?', citedSections: [] }));
      store.recordQuestion(question({ id: 'c', ts: day2, outcome: 'abstained', question: 'what is the CDIP  pass rate', citedSections: [] }));
      store.recordQuestion(question({ id: 'd', ts: day2 + 1, outcome: 'abstained', question: 'Can I code from home in Guam?', citedSections: [] }));
      store.recordQuestion(question({ id: 'e', ts: day2 + 2, outcome: 'answered', citedSections: ['cpc'] }));
      store.recordFeedback(feedback({ questionId: 'a', userId: 'u1', vote: 'down', ts: day2 }));
      store.recordFeedback(feedback({ questionId: 'a', userId: 'u2', vote: 'up', ts: day2 }));
      store.recordFeedback(feedback({ questionId: 'e', userId: 'u1', vote: 'down', ts: day2 }));
      store.recordFeedback(feedback({ questionId: 'e', userId: 'u2', vote: 'down', ts: day2 }));
      store.recordFeedback(feedback({ questionId: 'b', userId: 'u3', vote: 'up', ts: day2 }));
      store.recordFeedback(feedback({ questionId: 'ghost', userId: 'u4', vote: 'down', ts: day1 }));
      return store;
    }

    it('groups by UTC day, counts abstentions in a window, and breaks down platforms', async () => {
      const store = await seeded();
      expect(await store.questionsPerDay()).toEqual([
        { day: '2025-03-01', count: 2 },
        { day: '2025-03-02', count: 3 },
      ]);
      expect(await store.dailyActivity()).toEqual([
        { day: '2025-03-01', total: 2, abstained: 1 },
        { day: '2025-03-02', total: 3, abstained: 2 },
      ]);
      expect(await store.abstentionRate()).toEqual({ total: 5, abstained: 3, rate: 0.6 });
      expect(await store.abstentionRate({ since: Date.UTC(2025, 2, 2) })).toEqual({ total: 3, abstained: 2, rate: 2 / 3 });
      expect(await store.abstentionRate({ until: 0 })).toEqual({ total: 0, abstained: 0, rate: 0 });
      expect(await store.platformBreakdown()).toEqual([
        { platform: 'discord', total: 4, abstained: 3 },
        { platform: 'slack', total: 1, abstained: 0 },
      ]);
    });

    it('groups near-duplicate unanswered questions with their latest wording', async () => {
      const store = await seeded();
      expect(await store.topUnanswered(10)).toEqual([
        { question: 'what is the CDIP  pass rate', count: 2, lastTs: Date.UTC(2025, 2, 2, 0, 1) },
        { question: 'Can I code from home in Guam?', count: 1, lastTs: Date.UTC(2025, 2, 2, 0, 1) + 1 },
      ]);
      expect(await store.topUnanswered(1)).toHaveLength(1);
    });

    it('lists answers with down votes worst first, unknown questions included', async () => {
      const rated = await (await seeded()).lowestRated();
      expect(rated.map((r) => [r.questionId, r.up, r.down])).toEqual([
        ['e', 0, 2],
        ['ghost', 0, 1],
        ['a', 1, 1],
      ]);
      expect(rated[1]).toEqual({ questionId: 'ghost', question: null, citedSections: [], up: 0, down: 1 });
    });

    it('counts cited sections, with sensible limits', async () => {
      const store = await seeded();
      expect(await store.topCitedSections()).toEqual([
        { section: 'cpc', count: 2 },
        { section: 'salaries', count: 1 },
      ]);
      expect(await store.topCitedSections(0)).toHaveLength(1);
      expect(await store.topCitedSections(Number.NaN)).toHaveLength(2);
    });
  });

  describe('feature use', () => {
    it('counts card, plan and quiz use per action and platform, with distinct people, in a window', async () => {
      const store = await fresh({ retentionDays: 365 });
      store.recordFeatureUse(featureUse({ userId: 'u1' }));
      store.recordFeatureUse(featureUse({ userId: 'u1', ts: NOW + 1 }));
      store.recordFeatureUse(featureUse({ userId: 'u2', platform: 'slack' }));
      store.recordFeatureUse(featureUse({ feature: 'quiz', action: 'answered', userId: 'u3', ts: NOW - 2 * DAY }));
      store.recordFeatureUse(featureUse({ feature: 'plan', action: 'finished', userId: 'u1' }));
      const recent = [
        { feature: 'card', action: 'shown', platform: 'discord', count: 2, users: 1 },
        { feature: 'card', action: 'shown', platform: 'slack', count: 1, users: 1 },
        { feature: 'plan', action: 'finished', platform: 'discord', count: 1, users: 1 },
      ];
      expect(await store.featureUse({ since: NOW - DAY })).toEqual(recent);
      expect(await store.featureUse()).toEqual([...recent, { feature: 'quiz', action: 'answered', platform: 'discord', count: 1, users: 1 }]);
      expect(await store.featureUse({ until: NOW - DAY })).toEqual([{ feature: 'quiz', action: 'answered', platform: 'discord', count: 1, users: 1 }]);
    });

    it('takes only its fixed words: free text in place of an action, or a guide name too long, is refused naming fields only', async () => {
      const logger = captureLogger();
      const store = await fresh({ logger });
      store.recordFeatureUse(featureUse({ action: 'how do I pass SECRET' as never }));
      store.recordFeatureUse(featureUse({ feature: 'plan', action: 'shown' as never }));
      store.recordFeatureUse(featureUse({ guide: `SECRET ${'x'.repeat(300)}` }));
      expect(await store.featureUse()).toEqual([]);
      expect(logger.warnings.map((w) => w.obj.invalidFields)).toEqual([['action'], ['action'], ['guide']]);
      expect(JSON.stringify(logger.warnings)).not.toContain('SECRET');
    });

    it('purges uses older than the retention period', async () => {
      const store = await fresh({ retentionDays: 30 });
      store.recordFeatureUse(featureUse({ ts: NOW - 31 * DAY }));
      store.recordFeatureUse(featureUse({ ts: NOW - 1 * DAY }));
      expect(await store.purgeExpired(NOW)).toEqual({ questions: 0, feedback: 0, featureUses: 1 });
      expect((await store.featureUse()).map((r) => r.count)).toEqual([1]);
    });
  });
}
