import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, STORE_SCHEMA_VERSION } from '../../src/store/index.js';
import { POSTGRES_SCHEMA_VERSION } from '../../src/store/postgres-migrations.js';
import { openPostgresStore } from '../../src/store/postgres-store.js';
import { openDatabase } from '../../src/store/sqlite.js';
import { withSearchPath } from '../helpers/postgres.js';
import { describeWithService, services } from '../helpers/services.js';
import { featureUse, NOW, question, tempDir } from './helpers.js';

const RAW_USER = 'U0RAWUSER42';
const COUNTED = [{ feature: 'quiz', action: 'started', platform: 'slack', count: 1, users: 1 }];

describe('feature use: upgrading a SQLite store from before it was counted', () => {
  it('adds the table to a schema-2 file, keeps its questions, and stores only a hash of the user', () => {
    const path = join(tempDir(), 'old.db');
    const old = openStore({ path, retentionDays: 30, now: () => NOW });
    old.recordQuestion(question({ id: 'kept' }));
    old.close();
    // Back to the schema released before feature use: no feature_events table, version 2.
    const downgrade = openDatabase(path);
    downgrade.exec('DROP TABLE feature_events');
    downgrade.pragma('user_version = 2');
    downgrade.close();

    const store = openStore({ path, retentionDays: 30, now: () => NOW });
    store.recordFeatureUse(featureUse({ feature: 'quiz', action: 'started', platform: 'slack', userId: RAW_USER }));
    expect(store.featureUse()).toEqual(COUNTED);
    expect(store.abstentionRate().total).toBe(1);
    store.close();

    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(STORE_SCHEMA_VERSION);
    const rows = db.prepare('SELECT * FROM feature_events').all() as Array<Record<string, unknown>>;
    db.close();
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!).sort()).toEqual(['action', 'feature', 'guide', 'platform', 'ts', 'user_hash']);
    expect(JSON.stringify(rows)).not.toContain(RAW_USER);
  });
});

describeWithService('PostgreSQL', services.databaseUrl, 'feature use: upgrading a PostgreSQL store from before it was counted', (url) => {
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  const schema = `feature_upgrade_${process.pid}`;
  afterAll(async () => {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  it('adds the table to a schema-1 database, keeps its questions, and stores only a hash of the user', async () => {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.query(`CREATE SCHEMA ${schema}`);
    const options = { url: withSearchPath(url, schema), retentionDays: 30, now: () => NOW };
    const old = await openPostgresStore(options);
    old.recordQuestion(question({ id: 'kept' }));
    expect((await old.abstentionRate()).total).toBe(1);
    await old.close();
    // Back to the schema released before feature use: version 1, no feature_events table.
    await admin.query(`DROP TABLE ${schema}.feature_events`);
    await admin.query(`DELETE FROM ${schema}.schema_version WHERE version > 1`);

    const store = await openPostgresStore(options);
    store.recordFeatureUse(featureUse({ feature: 'quiz', action: 'started', platform: 'slack', userId: RAW_USER }));
    expect(await store.featureUse()).toEqual(COUNTED);
    expect((await store.abstentionRate()).total).toBe(1);
    await store.close();

    const versions = await admin.query<{ version: number }>(`SELECT MAX(version) AS version FROM ${schema}.schema_version`);
    expect(versions.rows[0]!.version).toBe(POSTGRES_SCHEMA_VERSION);
    const rows = await admin.query(`SELECT * FROM ${schema}.feature_events`);
    expect(rows.rows).toHaveLength(1);
    expect(JSON.stringify(rows.rows)).not.toContain(RAW_USER);
  });
});
