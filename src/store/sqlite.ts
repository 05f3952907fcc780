import { createRequire } from 'node:module';

// The narrow slice of better-sqlite3 this module uses, typed locally so the
// project does not need @types/better-sqlite3. Swap for the real types once
// they are a dependency.

/** A prepared statement. */
export interface SqliteStatement {
  run(...params: unknown[]): { changes: number };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

/** A transaction wrapper as returned by `db.transaction(fn)`. */
export type SqliteTransaction<A extends unknown[], R> = ((...args: A) => R) & { immediate(...args: A): R };

/** An open better-sqlite3 connection. */
export interface SqliteDatabase {
  readonly open: boolean;
  prepare(sql: string): SqliteStatement;
  exec(sql: string): unknown;
  pragma(source: string, options?: { simple?: boolean }): unknown;
  transaction<A extends unknown[], R>(fn: (...args: A) => R): SqliteTransaction<A, R>;
  close(): unknown;
}

type DatabaseConstructor = new (path: string, options?: { timeout?: number }) => SqliteDatabase;

const require = createRequire(import.meta.url);
let Database: DatabaseConstructor | undefined;

/**
 * Opens (creating if needed) a SQLite database. The native module is loaded
 * lazily so that a broken install surfaces as a store failure the caller can
 * survive, not as a crash at import time.
 */
export function openDatabase(path: string): SqliteDatabase {
  Database ??= require('better-sqlite3') as DatabaseConstructor;
  // A short busy timeout: a locked file should degrade the store, not stall a chat reply for long.
  return new Database(path, { timeout: 2_000 });
}
