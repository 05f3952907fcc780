import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from '../store/migrations.js';
import { openDatabase, type SqliteDatabase } from '../store/sqlite.js';
import type { PendingQuestion, QuestionInbox } from './types.js';

/** Completed ids are kept this long so late redeliveries are still recognised, then deleted. */
const KEEP_COMPLETED_MS = 24 * 60 * 60_000;
/** Old completed rows are deleted on claim and every this many records. */
const PURGE_EVERY_RECORDS = 500;

interface Row {
  id: string;
  platform: PendingQuestion['platform'];
  payload: string;
  received_at: number;
}

/**
 * The durable inbox in the question store's SQLite file (table `inbox`, store migration 2), on its
 * own connection. Several processes may share the file: `claimPending` runs in an IMMEDIATE
 * transaction, so two workers claiming at once get disjoint questions.
 */
export class SqliteInbox implements QuestionInbox {
  private readonly sql;
  private readonly claim;
  private records = 0;

  private constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => number,
  ) {
    this.sql = {
      insert: db.prepare(`INSERT INTO inbox (id, platform, payload, received_at) VALUES (@id, @platform, @payload, @receivedAt) ON CONFLICT (id) DO NOTHING`),
      complete: db.prepare(`UPDATE inbox SET completed_at = @now, payload = NULL, lease_owner = NULL, lease_until = NULL WHERE id = @id AND completed_at IS NULL`),
      expire: db.prepare(`UPDATE inbox SET completed_at = @now, payload = NULL WHERE completed_at IS NULL AND received_at < @oldest`),
      purge: db.prepare(`DELETE FROM inbox WHERE completed_at IS NOT NULL AND completed_at < @before`),
      pending: db.prepare(`
        SELECT id, platform, payload, received_at FROM inbox
        WHERE completed_at IS NULL AND received_at >= @oldest AND (lease_until IS NULL OR lease_until <= @now)
        ORDER BY received_at, id`),
      lease: db.prepare(`UPDATE inbox SET lease_owner = @owner, lease_until = @until WHERE id = @id`),
    };
    this.claim = db.transaction((opts: { maxAgeMs: number; workerId: string; leaseMs: number }): PendingQuestion[] => {
      const now = this.now();
      const oldest = now - opts.maxAgeMs;
      this.sql.expire.run({ now, oldest });
      this.sql.purge.run({ before: now - KEEP_COMPLETED_MS });
      const rows = this.sql.pending.all({ oldest, now }) as Row[];
      for (const row of rows) this.sql.lease.run({ id: row.id, owner: opts.workerId, until: now + opts.leaseMs });
      return rows.map((row) => ({ id: row.id, platform: row.platform, payload: JSON.parse(row.payload) as unknown, receivedAt: row.received_at }));
    });
  }

  /** Opens (creating and migrating) the database at `path` (a file, or ":memory:"). */
  static open(path: string, now: () => number = Date.now): SqliteInbox {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = openDatabase(path);
    try {
      migrate(db);
      db.pragma('journal_mode = WAL');
      // A commit reaches the WAL file before it returns, so it survives kill -9, a deploy or an OOM
      // kill; NORMAL skips the fsync per commit (only a power cut could lose the last few), which
      // would otherwise block the main thread twice per question.
      db.pragma('synchronous = NORMAL');
      return new SqliteInbox(db, now);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  async record(q: PendingQuestion): Promise<boolean> {
    const inserted = this.sql.insert.run({ id: q.id, platform: q.platform, payload: JSON.stringify(q.payload ?? null), receivedAt: q.receivedAt }).changes === 1;
    if (++this.records % PURGE_EVERY_RECORDS === 0) this.sql.purge.run({ before: this.now() - KEEP_COMPLETED_MS });
    return inserted;
  }

  async complete(id: string): Promise<void> {
    this.sql.complete.run({ id, now: this.now() });
  }

  async claimPending(opts: { maxAgeMs: number; workerId: string; leaseMs: number }): Promise<PendingQuestion[]> {
    return this.claim.immediate(opts);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
