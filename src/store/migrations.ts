import { StoreUnavailableError } from '../errors.js';
import type { SqliteDatabase } from './sqlite.js';

/** One forward-only schema step, applied in order and recorded in `PRAGMA user_version`. */
interface Migration {
  version: number;
  sql: string;
}

/** The feature_events table in either engine's dialect (only the integer type for epoch ms differs). */
export const featureEventsTable = (epochType: 'INTEGER' | 'BIGINT') => `
  CREATE TABLE feature_events (
    ts        ${epochType} NOT NULL,
    platform  TEXT NOT NULL,
    user_hash TEXT NOT NULL,
    feature   TEXT NOT NULL,
    action    TEXT NOT NULL,
    guide     TEXT
  );
  CREATE INDEX feature_events_ts ON feature_events (ts);
`;

// Append new steps; never edit a released one. Raw platform ids never reach
// these tables: conversation and user ids are stored as keyed hashes, and
// the HMAC key (unless configured) is generated here, per database.
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      INSERT INTO meta (key, value) VALUES ('id_salt', lower(hex(randomblob(32))));

      CREATE TABLE questions (
        id                TEXT PRIMARY KEY,
        ts                INTEGER NOT NULL,
        platform          TEXT NOT NULL,
        conversation_hash TEXT NOT NULL,
        user_hash         TEXT NOT NULL,
        question          TEXT NOT NULL,
        question_key      TEXT NOT NULL,
        abstained         INTEGER NOT NULL CHECK (abstained IN (0, 1)),
        cited_sections    TEXT NOT NULL DEFAULT '[]',
        latency_ms        INTEGER NOT NULL
      );
      CREATE INDEX questions_ts ON questions (ts);
      CREATE INDEX questions_unanswered ON questions (abstained, question_key);

      CREATE TABLE feedback (
        question_id TEXT NOT NULL,
        user_hash   TEXT NOT NULL,
        vote        INTEGER NOT NULL CHECK (vote IN (-1, 1)),
        ts          INTEGER NOT NULL,
        PRIMARY KEY (question_id, user_hash)
      );
      CREATE INDEX feedback_ts ON feedback (ts);
    `,
  },
  {
    // The durable inbox (src/inbox/sqlite-inbox.ts): acknowledged questions until they are answered.
    // The payload (with the question text) is set to NULL once answered; the id stays a while to
    // recognise redeliveries.
    version: 2,
    sql: `
      CREATE TABLE inbox (
        id           TEXT PRIMARY KEY,
        platform     TEXT NOT NULL,
        payload      TEXT,
        received_at  INTEGER NOT NULL,
        completed_at INTEGER,
        lease_owner  TEXT,
        lease_until  INTEGER
      );
      CREATE INDEX inbox_pending ON inbox (completed_at, received_at);
    `,
  },
  {
    // How much cards, plans and quizzes are used, for the report. Fixed words only (feature,
    // action), the platform, the guide's file name and a keyed hash of the user: no text anyone typed.
    version: 3,
    sql: featureEventsTable('INTEGER'),
  },
];

/** The schema version this code writes. */
export const STORE_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/**
 * Brings the database up to {@link STORE_SCHEMA_VERSION}. Idempotent; each step
 * runs in an IMMEDIATE transaction that re-reads the version, so two processes
 * opening a fresh file at once cannot both apply it.
 */
export function migrate(db: SqliteDatabase): { from: number; to: number } {
  const from = assertSupportedSchema(db);
  for (const step of MIGRATIONS.filter((m) => m.version > from)) {
    db.transaction(() => {
      if (readVersion(db) >= step.version) return;
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    }).immediate();
  }
  return { from, to: readVersion(db) };
}

/**
 * Throws when the file is not a database or was written by a newer release.
 * Read-only, so callers can run it before changing anything in the file.
 */
export function assertSupportedSchema(db: SqliteDatabase): number {
  const version = readVersion(db);
  if (version > STORE_SCHEMA_VERSION) {
    // Refuse rather than corrupt data we don't understand.
    throw new StoreUnavailableError(`schema version ${version} is newer than supported ${STORE_SCHEMA_VERSION}`);
  }
  return version;
}

function readVersion(db: SqliteDatabase): number {
  return Number(db.pragma('user_version', { simple: true }));
}
