import pg from 'pg';
import { migratePostgres } from './postgres-migrations.js';
import type { StoreLogger } from './store-types.js';

const RETRY_MS = [500, 1000, 2000, 5000, 10_000];

/** A write sent later; its parameters are computed when it is sent, since hashing needs the salt read at (possibly late) migration. */
export type QueuedWrite = { sql: string; params: () => unknown[] };

export interface PostgresConnectionOptions {
  url: string;
  logger: StoreLogger;
  /** Secret key for hashing ids; default: the random key kept in the database's meta table. */
  idSalt?: string;
  /** Writes waiting for PostgreSQL to come back; beyond this the oldest are dropped. */
  maxQueuedWrites: number;
  /** Runs once the schema is migrated (the store purges expired rows here). */
  afterMigrate: () => Promise<unknown>;
}

/**
 * A PostgreSQL pool that tolerates outages: writes wait in a bounded queue and are retried with
 * back-off, reads fall back to a default while the database is down, and each outage is logged
 * once (with how many writes were dropped when it ends). Never throws once constructed.
 */
export class PostgresConnection {
  /** The key for hashing ids; final once the database has been migrated. */
  salt: string;
  private readonly pool: pg.Pool;
  private isHealthy = false;
  private outage = false;
  private dropped = 0;
  private readonly queue: QueuedWrite[] = [];
  private flushing: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private attempt = 0;
  private closed = false;
  private ready = false;

  constructor(private readonly options: PostgresConnectionOptions) {
    this.salt = options.idSalt ?? '';
    this.pool = new pg.Pool({ connectionString: options.url, max: 5, connectionTimeoutMillis: 2000, query_timeout: 5000 });
    this.pool.on('error', () => {}); // an idle connection dropped by the server; the next query reconnects
  }

  get healthy(): boolean {
    return this.isHealthy && !this.closed;
  }

  /** Runs one query directly (callers that must not fail go through `read` or `enqueue`). */
  async rows<T>(sql: string, params: unknown[]): Promise<T[]> {
    return (await this.pool.query(sql, params)).rows as T[];
  }

  async rowCount(sql: string, params: unknown[]): Promise<number> {
    return (await this.pool.query(sql, params)).rowCount ?? 0;
  }

  /** Queues a write and sends it in the background; past the limit the oldest waiting write is dropped. */
  enqueue(write: QueuedWrite): void {
    if (this.closed) return;
    this.queue.push(write);
    while (this.queue.length > this.options.maxQueuedWrites) {
      this.queue.shift();
      this.dropped += 1;
    }
    if (!this.retryTimer) void this.ensureReady().then(this.flush);
  }

  /** Runs a read after this process's own queued writes; `fallback` while the database is unreachable. */
  async read<T>(operation: string, fallback: T, run: () => Promise<T>): Promise<T> {
    if (this.closed || !(await this.ensureReady())) return fallback;
    if (this.queue.length > 0) await this.flush(); // read your own writes
    try {
      const result = await run();
      if (this.queue.length === 0) this.recovered();
      return result;
    } catch (err) {
      this.failed(err, operation);
      return fallback;
    }
  }

  /** Migrating (and reading the salt) needs the database; until that succeeds writes wait in the queue. */
  ensureReady = async (): Promise<boolean> => {
    if (this.ready) return true;
    try {
      await this.migrate();
      this.ready = true;
      await this.options.afterMigrate();
      this.recovered();
      return true;
    } catch (err) {
      this.failed(err, 'open');
      this.scheduleRetry();
      return false;
    }
  };

  /** Sends what is still queued, logs what could not be written, and ends the pool. */
  async close(): Promise<void> {
    if (this.closed) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    await this.flushing;
    if (this.queue.length > 0 && this.ready) await this.flush();
    this.closed = true;
    if (this.queue.length > 0) this.options.logger.warn({ unwritten: this.queue.length }, 'PostgreSQL store closed with questions and feedback still unwritten');
    await this.pool.end().catch(() => undefined);
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      const stored = await migratePostgres(client);
      this.salt = this.options.idSalt ?? stored;
    } finally {
      client.release();
    }
  }

  // One flush at a time: concurrent callers share the running one.
  private flush = (): Promise<void> =>
    (this.flushing ??= (async () => {
      try {
        while (this.queue.length > 0) {
          await this.pool.query(this.queue[0]!.sql, this.queue[0]!.params());
          this.queue.shift();
        }
        this.recovered();
      } catch (err) {
        this.failed(err, 'write');
        this.scheduleRetry();
      } finally {
        this.flushing = undefined;
      }
    })());

  private scheduleRetry(): void {
    if (this.retryTimer || this.closed) return;
    const delay = RETRY_MS[Math.min(this.attempt, RETRY_MS.length - 1)]!;
    this.attempt += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.ensureReady().then(this.flush);
    }, delay);
    this.retryTimer.unref();
  }

  // One warning per outage, not one per failed query.
  private failed(err: unknown, operation: string): void {
    this.isHealthy = false;
    if (this.outage) return;
    this.outage = true;
    this.options.logger.warn(
      { err: err instanceof Error ? err.message : String(err), operation },
      'PostgreSQL store unreachable: answers continue; questions and feedback are queued and retried until it returns (the oldest are dropped past the queue limit)',
    );
  }

  private recovered(): void {
    this.isHealthy = true;
    this.attempt = 0;
    if (!this.outage) return;
    this.outage = false;
    this.options.logger.warn({ dropped: this.dropped }, 'PostgreSQL store reachable again: queued questions and feedback written');
    this.dropped = 0;
  }
}
