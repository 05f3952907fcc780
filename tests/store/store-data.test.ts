import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { openDatabase } from '../../src/store/sqlite.js';
import { captureLogger, DAY, feedback, NOW, question, tempDir } from './helpers.js';

function open(options: { retentionDays?: number; idSalt?: string } = {}): { store: Store; path: string } {
  const path = join(tempDir(), 'advisor.db');
  const store = openStore({ path, retentionDays: options.retentionDays ?? 30, idSalt: options.idSalt, now: () => NOW });
  return { store, path };
}

function rows(path: string, sql: string): Array<Record<string, unknown>> {
  const db = openDatabase(path);
  try {
    return db.prepare(sql).all() as Array<Record<string, unknown>>;
  } finally {
    db.close();
  }
}

describe('recordQuestion', () => {
  it('stores keyed hashes instead of raw platform ids', () => {
    const { store, path } = open();
    store.recordQuestion(question({ id: 'a', userId: 'U-RAW-111', conversationId: 'C-RAW-222' }));
    store.recordQuestion(question({ id: 'b', userId: 'U-RAW-111', conversationId: 'C-RAW-333' }));
    store.close();

    const [a, b] = rows(path, 'SELECT user_hash, conversation_hash FROM questions ORDER BY id');
    expect(a!.user_hash).toMatch(/^[0-9a-f]{32}$/);
    expect(a!.user_hash).toBe(b!.user_hash); // same user → same hash, so reports can count users
    expect(a!.conversation_hash).not.toBe(b!.conversation_hash);
    const bytes = Buffer.concat(readdirSync(join(path, '..')).map((f) => readFileSync(join(path, '..', f))));
    expect(bytes.includes('U-RAW-111')).toBe(false);
    expect(bytes.includes('C-RAW-222')).toBe(false);
  });

  it('hashes differently under a different salt', () => {
    const one = open({ idSalt: 'salt-number-one-0123456789' });
    const two = open({ idSalt: 'salt-number-two-0123456789' });
    for (const { store } of [one, two]) {
      store.recordQuestion(question({ id: 'a', userId: 'same-user' }));
      store.close();
    }
    const hashOf = (path: string) => rows(path, 'SELECT user_hash FROM questions')[0]!.user_hash;
    expect(hashOf(one.path)).not.toBe(hashOf(two.path));
  });

  it('keeps the first record when an id is recorded twice', () => {
    const { store } = open();
    store.recordQuestion(question({ id: 'dup', outcome: 'answered' }));
    store.recordQuestion(question({ id: 'dup', outcome: 'abstained' }));
    expect(store.abstentionRate()).toEqual({ total: 1, abstained: 0, rate: 0 });
    expect(store.healthy).toBe(true);
  });

  it('drops an invalid record with a warning naming fields only, and stays healthy', () => {
    const path = join(tempDir(), 'advisor.db');
    const logger = captureLogger();
    const store = openStore({ path, retentionDays: 30, logger, now: () => NOW });
    store.recordQuestion(question({ ts: -5, question: 'pt John Smith SECRET' }) as never);
    store.recordFeedback(feedback({ vote: 'sideways' as never }));
    expect(store.healthy).toBe(true);
    expect(store.abstentionRate().total).toBe(0);
    expect(logger.warnings.map((w) => w.obj.invalidFields)).toEqual([['ts'], ['vote']]);
    expect(JSON.stringify(logger.warnings)).not.toContain('SECRET');
  });
});

describe('recordFeedback', () => {
  it('replaces a user’s earlier vote on the same answer', () => {
    const { store, path } = open();
    store.recordQuestion(question({ id: 'q', question: 'Is CCS harder than CPC?' }));
    store.recordFeedback(feedback({ questionId: 'q', userId: 'u1', vote: 'up', ts: NOW }));
    store.recordFeedback(feedback({ questionId: 'q', userId: 'u1', vote: 'down', ts: NOW + 1000 }));
    store.recordFeedback(feedback({ questionId: 'q', userId: 'u2', vote: 'down', ts: NOW + 2000 }));
    expect(store.lowestRated()).toEqual([
      { questionId: 'q', question: 'Is CCS harder than CPC?', citedSections: ['certifications'], up: 0, down: 2 },
    ]);
    store.close();
    expect(rows(path, 'SELECT vote FROM feedback ORDER BY ts')).toEqual([{ vote: -1 }, { vote: -1 }]);
  });
});

describe('purgeExpired', () => {
  it('deletes questions and feedback older than the retention period', () => {
    const { store } = open({ retentionDays: 30 });
    store.recordQuestion(question({ id: 'old', ts: NOW - 31 * DAY }));
    store.recordQuestion(question({ id: 'edge', ts: NOW - 30 * DAY }));
    store.recordQuestion(question({ id: 'new', ts: NOW - 1 * DAY }));
    store.recordFeedback(feedback({ questionId: 'old', vote: 'down', ts: NOW })); // recent vote on an old question
    store.recordFeedback(feedback({ questionId: 'new', vote: 'down', ts: NOW - 40 * DAY }));
    store.recordFeedback(feedback({ questionId: 'new', userId: 'other', vote: 'down', ts: NOW }));

    expect(store.purgeExpired(NOW)).toEqual({ questions: 1, feedback: 2, featureUses: 0 });
    expect(store.abstentionRate().total).toBe(2);
    expect(store.lowestRated().map((r) => [r.questionId, r.down])).toEqual([['new', 1]]);
    expect(store.purgeExpired(NOW)).toEqual({ questions: 0, feedback: 0, featureUses: 0 });
  });

  it('runs on open, relative to the injected clock', () => {
    const path = join(tempDir(), 'advisor.db');
    const first = openStore({ path, retentionDays: 7, now: () => NOW });
    first.recordQuestion(question({ ts: NOW }));
    first.close();
    const later = openStore({ path, retentionDays: 7, now: () => NOW + 8 * DAY });
    expect(later.abstentionRate().total).toBe(0);
    later.close();
  });
});

describe('report queries', () => {
  function seeded(): Store {
    const { store } = open({ retentionDays: 365 });
    const day1 = Date.UTC(2025, 2, 1, 23, 59);
    const day2 = Date.UTC(2025, 2, 2, 0, 1);
    store.recordQuestion(question({ id: 'a', ts: day1, outcome: 'answered', citedSections: ['salaries', 'cpc'] }));
    store.recordQuestion(question({ id: 'b', ts: day1, outcome: 'abstained', question: 'What is the CDIP pass rate?', citedSections: [] }));
    store.recordQuestion(question({ id: 'c', ts: day2, outcome: 'abstained', question: 'what is the CDIP  pass rate', citedSections: [] }));
    store.recordQuestion(question({ id: 'd', ts: day2 + 1, outcome: 'abstained', question: 'Can I code from home in Guam?', citedSections: [] }));
    store.recordQuestion(question({ id: 'e', ts: day2 + 2, outcome: 'answered', citedSections: ['cpc'] }));
    store.recordFeedback(feedback({ questionId: 'a', userId: 'u1', vote: 'down', ts: day2 }));
    store.recordFeedback(feedback({ questionId: 'a', userId: 'u2', vote: 'up', ts: day2 }));
    store.recordFeedback(feedback({ questionId: 'e', userId: 'u1', vote: 'down', ts: day2 }));
    store.recordFeedback(feedback({ questionId: 'e', userId: 'u2', vote: 'down', ts: day2 }));
    store.recordFeedback(feedback({ questionId: 'b', userId: 'u3', vote: 'up', ts: day2 }));
    return store;
  }

  it('questionsPerDay groups by UTC day', () => {
    expect(seeded().questionsPerDay()).toEqual([
      { day: '2025-03-01', count: 2 },
      { day: '2025-03-02', count: 3 },
    ]);
  });

  it('abstentionRate counts abstained questions, within a window', () => {
    const store = seeded();
    expect(store.abstentionRate()).toEqual({ total: 5, abstained: 3, rate: 0.6 });
    expect(store.abstentionRate({ since: Date.UTC(2025, 2, 2) })).toEqual({ total: 3, abstained: 2, rate: 2 / 3 });
    expect(store.abstentionRate({ until: 0 })).toEqual({ total: 0, abstained: 0, rate: 0 });
  });

  it('topUnanswered groups near-duplicates and returns the latest raw text', () => {
    const store = seeded();
    expect(store.topUnanswered(10)).toEqual([
      { question: 'what is the CDIP  pass rate', count: 2, lastTs: Date.UTC(2025, 2, 2, 0, 1) },
      { question: 'Can I code from home in Guam?', count: 1, lastTs: Date.UTC(2025, 2, 2, 0, 1) + 1 },
    ]);
    expect(store.topUnanswered(1)).toHaveLength(1);
  });

  it('lowestRated lists answers with down votes, worst first', () => {
    expect(seeded().lowestRated().map((r) => [r.questionId, r.up, r.down])).toEqual([
      ['e', 0, 2],
      ['a', 1, 1],
    ]);
  });

  it('lowestRated tolerates feedback for an unknown question', () => {
    const { store } = open();
    store.recordFeedback(feedback({ questionId: 'ghost', vote: 'down' }));
    expect(store.lowestRated()).toEqual([{ questionId: 'ghost', question: null, citedSections: [], up: 0, down: 1 }]);
  });

  it('topCitedSections counts citations across answers', () => {
    const store = seeded();
    expect(store.topCitedSections()).toEqual([
      { section: 'cpc', count: 2 },
      { section: 'salaries', count: 1 },
    ]);
    expect(store.topCitedSections(1)).toEqual([{ section: 'cpc', count: 2 }]);
  });

  it('treats nonsense limits sensibly', () => {
    const store = seeded();
    expect(store.topCitedSections(0)).toHaveLength(1);
    expect(store.topCitedSections(Number.NaN)).toHaveLength(2);
  });
});
