import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, STORE_SCHEMA_VERSION, StoreConfigError } from '../../src/store/index.js';
import { migrate } from '../../src/store/migrations.js';
import { openDatabase } from '../../src/store/sqlite.js';
import { captureLogger, NOW, question, tempDir } from './helpers.js';

describe('openStore — schema migrations', () => {
  it('creates and migrates a fresh file (and its directory)', () => {
    const path = join(tempDir(), 'nested', 'dir', 'advisor.db');
    const logger = captureLogger();
    const store = openStore({ path, retentionDays: 30, logger, now: () => NOW });
    expect(store.healthy).toBe(true);
    store.close();

    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(STORE_SCHEMA_VERSION);
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as Array<{ name: string }>).map((t) => t.name);
    expect(tables).toEqual(['feature_events', 'feedback', 'inbox', 'meta', 'questions']);
    db.close();
    expect(logger.warnings).toEqual([]);
  });

  it('re-opens an existing file without re-migrating or losing data', () => {
    const path = join(tempDir(), 'advisor.db');
    const first = openStore({ path, retentionDays: 30, now: () => NOW });
    first.recordQuestion(question());
    first.close();

    const logger = captureLogger();
    const second = openStore({ path, retentionDays: 30, logger, now: () => NOW });
    expect(second.healthy).toBe(true);
    expect(second.abstentionRate().total).toBe(1);
    second.close();
    expect(logger.warnings).toEqual([]);
  });

  it('migrate() is idempotent', () => {
    const db = openDatabase(join(tempDir(), 'm.db'));
    expect(migrate(db)).toEqual({ from: 0, to: STORE_SCHEMA_VERSION });
    expect(migrate(db)).toEqual({ from: STORE_SCHEMA_VERSION, to: STORE_SCHEMA_VERSION });
    db.close();
  });

  it('refuses a database written by a newer schema, without touching it', () => {
    const path = join(tempDir(), 'future.db');
    const db = openDatabase(path);
    db.pragma(`user_version = ${STORE_SCHEMA_VERSION + 1}`);
    db.close();
    const before = readFileSync(path);

    const logger = captureLogger();
    const store = openStore({ path, retentionDays: 30, logger });
    expect(store.healthy).toBe(false);
    expect(logger.warnings).toHaveLength(1);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('works in memory', () => {
    const store = openStore({ path: ':memory:', retentionDays: 1, now: () => NOW });
    store.recordQuestion(question());
    expect(store.abstentionRate().total).toBe(1);
    store.close();
  });
});

describe('openStore — options', () => {
  it.each([
    [{ path: '', retentionDays: 30 }],
    [{ path: 'x.db', retentionDays: 0 }],
    [{ path: 'x.db', retentionDays: -1 }],
    [{ path: 'x.db', retentionDays: Number.NaN }],
    [{ path: 'x.db', retentionDays: 30, idSalt: 'short' }],
  ])('throws StoreConfigError for %j (a startup bug, not a runtime failure)', (options) => {
    expect(() => openStore(options)).toThrow(StoreConfigError);
  });
});

describe('close()', () => {
  it('makes the store unhealthy and later calls silent no-ops', () => {
    const path = join(tempDir(), 'advisor.db');
    const logger = captureLogger();
    const store = openStore({ path, retentionDays: 30, logger, now: () => NOW });
    store.close();
    store.close();
    expect(store.healthy).toBe(false);
    expect(() => store.recordQuestion(question())).not.toThrow();
    expect(store.questionsPerDay()).toEqual([]);
    expect(logger.warnings).toEqual([]);
    expect(existsSync(path)).toBe(true);
  });
});
