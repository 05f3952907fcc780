import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { captureLogger, feedback, NOW, question, tempDir } from './helpers.js';

/** Calls every method; none may throw, and all must return "empty" results. */
function exerciseEverything(store: Store): void {
  expect(() => store.recordQuestion(question())).not.toThrow();
  expect(() => store.recordFeedback(feedback())).not.toThrow();
  expect(store.purgeExpired(NOW)).toEqual({ questions: 0, feedback: 0, featureUses: 0 });
  expect(store.questionsPerDay()).toEqual([]);
  expect(store.abstentionRate()).toEqual({ total: 0, abstained: 0, rate: 0 });
  expect(store.topUnanswered(5)).toEqual([]);
  expect(store.lowestRated(5)).toEqual([]);
  expect(store.topCitedSections(5)).toEqual([]);
  expect(() => store.close()).not.toThrow();
}

describe('store resilience', () => {
  it('survives a file that is not a SQLite database: one warning, unhealthy, file untouched', () => {
    const path = join(tempDir(), 'advisor.db');
    const garbage = Buffer.from('definitely not a sqlite database\n'.repeat(200));
    writeFileSync(path, garbage);
    const logger = captureLogger();

    const store = openStore({ path, retentionDays: 30, logger });
    expect(store.healthy).toBe(false);
    exerciseEverything(store);
    exerciseEverything(store);

    expect(logger.warnings).toHaveLength(1);
    expect(logger.warnings[0]!.obj).toMatchObject({ operation: 'open', path });
    expect(readFileSync(path).equals(garbage)).toBe(true);
  });

  it('survives the file being deleted mid-run', () => {
    const dir = tempDir();
    const path = join(dir, 'advisor.db');
    const logger = captureLogger();
    const store = openStore({ path, retentionDays: 30, logger, now: () => NOW });
    store.recordQuestion(question());
    expect(store.healthy).toBe(true);

    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });

    expect(() => store.recordQuestion(question())).not.toThrow();
    expect(store.healthy).toBe(false);
    exerciseEverything(store);
    expect(logger.warnings).toHaveLength(1);
    expect(logger.warnings[0]!.obj).toMatchObject({ operation: 'recordQuestion' });
  });

  it('survives the file being replaced by garbage mid-run', () => {
    const path = join(tempDir(), 'advisor.db');
    const logger = captureLogger();
    const store = openStore({ path, retentionDays: 30, logger, now: () => NOW });
    store.recordQuestion(question());

    rmSync(path);
    writeFileSync(path, Buffer.alloc(4096, 0x41));

    exerciseEverything(store);
    expect(store.healthy).toBe(false);
    expect(logger.warnings).toHaveLength(1);
  });

  it('survives a directory that cannot hold the database', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'not-a-dir'), 'x');
    const logger = captureLogger();
    const store = openStore({ path: join(dir, 'not-a-dir', 'advisor.db'), retentionDays: 30, logger });
    expect(store.healthy).toBe(false);
    exerciseEverything(store);
    expect(logger.warnings).toHaveLength(1);
  });

  // Root ignores permission bits, so this variant only means something for ordinary users.
  it.skipIf(process.getuid?.() === 0 || process.platform === 'win32')('survives a read-only directory', () => {
    const dir = tempDir();
    chmodSync(dir, 0o555);
    try {
      const logger = captureLogger();
      const store = openStore({ path: join(dir, 'advisor.db'), retentionDays: 30, logger });
      expect(store.healthy).toBe(false);
      exerciseEverything(store);
      expect(logger.warnings).toHaveLength(1);
    } finally {
      chmodSync(dir, 0o755);
    }
  });

  it('logs through console.warn when no logger is injected', () => {
    const path = join(tempDir(), 'advisor.db');
    writeFileSync(path, Buffer.from('garbage'.repeat(100)));
    const original = console.warn;
    const calls: unknown[][] = [];
    console.warn = (...args: unknown[]) => void calls.push(args);
    try {
      const store = openStore({ path, retentionDays: 30 });
      exerciseEverything(store);
    } finally {
      console.warn = original;
    }
    expect(calls).toHaveLength(1);
    expect(String(calls[0]![0])).toContain('question store unavailable');
  });
});
