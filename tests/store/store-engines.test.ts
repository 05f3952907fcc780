import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe } from 'vitest';
import { openStore, toAsyncStore } from '../../src/store/index.js';
import { openPostgresStore } from '../../src/store/postgres-store.js';
import { withSearchPath } from '../helpers/postgres.js';
import { describeWithService, services } from '../helpers/services.js';
import { tempDir } from './helpers.js';
import { storeContract } from './store-contract.js';

describe('store contract: SQLite', () => {
  let dir = '';
  let lastName: string | undefined;
  storeContract(async ({ name, ...options }) => {
    // A reopen under the same name reuses its folder; anything else gets a fresh one (the last
    // test's folder is already gone, and a store opened there would recreate it outside the cleanup).
    if (!name || name !== lastName) dir = tempDir();
    lastName = name;
    return toAsyncStore(openStore({ path: join(dir, `${name ?? 'advisor'}.db`), ...options }));
  });
});

describeWithService('PostgreSQL', services.databaseUrl, 'store contract: PostgreSQL', (url) => {
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  const schemas: string[] = [];
  let current = '';
  afterAll(async () => {
    for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });
  storeContract(async ({ name, ...options }) => {
    // Each test gets its own schema (a reopen with the same name reuses it), so tests never see each other's rows.
    if (!name || !current.endsWith(`_${name}`)) {
      current = `store_test_${process.pid}_${schemas.length}_${name ?? 'x'}`;
      schemas.push(current);
      await admin.query(`CREATE SCHEMA ${current}`);
    }
    return openPostgresStore({ url: withSearchPath(url, current), ...options });
  });
});
