import { randomBytes } from 'node:crypto';
import type { PoolClient } from 'pg';
import { StoreUnavailableError } from '../errors.js';
import { featureEventsTable } from './migrations.js';

/**
 * The store's schema for PostgreSQL: the same steps, with the same version numbers, as the SQLite
 * migrations in migrations.ts, in PostgreSQL's dialect. Append new steps to both lists. Step 2
 * (the inbox) is SQLite's alone: with PostgreSQL the inbox stays in the SQLite file or Redis.
 */
const MIGRATIONS: ReadonlyArray<{ version: number; sql: string }> = [
  {
    version: 1,
    sql: `
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      CREATE TABLE questions (
        id                TEXT PRIMARY KEY,
        ts                BIGINT NOT NULL,
        platform          TEXT NOT NULL,
        conversation_hash TEXT NOT NULL,
        user_hash         TEXT NOT NULL,
        question          TEXT NOT NULL,
        question_key      TEXT NOT NULL,
        abstained         SMALLINT NOT NULL CHECK (abstained IN (0, 1)),
        cited_sections    JSONB NOT NULL DEFAULT '[]',
        latency_ms        INTEGER NOT NULL
      );
      CREATE INDEX questions_ts ON questions (ts);
      CREATE INDEX questions_unanswered ON questions (abstained, question_key);
      CREATE TABLE feedback (
        question_id TEXT NOT NULL,
        user_hash   TEXT NOT NULL,
        vote        SMALLINT NOT NULL CHECK (vote IN (-1, 1)),
        ts          BIGINT NOT NULL,
        PRIMARY KEY (question_id, user_hash)
      );
      CREATE INDEX feedback_ts ON feedback (ts);
    `,
  },
  // Card, plan and quiz use for the report (see migrations.ts).
  { version: 3, sql: featureEventsTable('BIGINT') },
];

export const POSTGRES_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

// Any constant: serialises migrations when several workers start against a fresh database.
const MIGRATION_LOCK = 7_413_013;

/** Brings the database up to date inside one transaction under an advisory lock. Returns the salt. */
export async function migratePostgres(client: PoolClient): Promise<string> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT MAX(version) AS version FROM schema_version');
    const from = rows[0]?.version ?? 0;
    if (from > POSTGRES_SCHEMA_VERSION) throw new StoreUnavailableError(`schema version ${from} is newer than supported ${POSTGRES_SCHEMA_VERSION}`);
    for (const step of MIGRATIONS.filter((m) => m.version > from)) {
      await client.query(step.sql);
      await client.query('INSERT INTO schema_version (version) VALUES ($1)', [step.version]);
    }
    await client.query(`INSERT INTO meta (key, value) VALUES ('id_salt', $1) ON CONFLICT (key) DO NOTHING`, [randomBytes(32).toString('hex')]);
    const salt = await client.query<{ value: string }>(`SELECT value FROM meta WHERE key = 'id_salt'`);
    await client.query('COMMIT');
    return salt.rows[0]!.value;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
