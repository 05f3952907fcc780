import pg from 'pg';
import { hashId } from './hash-id.js';
import { migratePostgres } from './postgres-migrations.js';
import { questionKey } from './question-key.js';
import type { AbstentionStats, AsyncStore, DayActivity, DayCount, PlatformCount, RatedAnswer, VoteTotals, SectionCount, StoreLogger, TimeWindow, UnansweredQuestion } from './store-types.js';
import { clampLimit, feedbackProblems, questionProblems } from './validate.js';

export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  retentionDays: number;
  logger?: StoreLogger;
  /** Secret key for hashing ids; default: a random key kept in the database's meta table. */
  idSalt?: string;
  now?: () => number;
  /** Writes waiting for PostgreSQL to come back; beyond this the oldest are dropped (default 5000). */
  maxQueuedWrites?: number;
}

const DAY_MS = 86_400_000;
const RETRY_MS = [500, 1000, 2000, 5000, 10_000];
const consoleLogger: StoreLogger = { warn: (obj, msg) => console.warn(`[store] ${msg}`, obj) };

// Parameters are computed when the write is sent: hashing needs the salt, read at (possibly late) migration.
type Write = { sql: string; params: () => unknown[] };

/**
 * The question & feedback store in PostgreSQL (`pg`), for several workers sharing one database.
 * Same schema steps, retention and queries as the SQLite store. Writes never block or fail an
 * answer: they are sent in the background, and while PostgreSQL is unreachable they wait in a
 * bounded queue and are retried with back-off (one warning per outage; the oldest are dropped
 * past `maxQueuedWrites`). Reads return empty results while it is down. Never throws after open.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<AsyncStore> {
  const logger = options.logger ?? consoleLogger;
  const now = options.now ?? Date.now;
  const maxQueued = options.maxQueuedWrites ?? 5000;
  const pool = new pg.Pool({ connectionString: options.url, max: 5, connectionTimeoutMillis: 2000, query_timeout: 5000 });
  pool.on('error', () => {}); // an idle connection dropped by the server; the next query reconnects

  let salt = options.idSalt ?? '';
  let healthy = false;
  let outage = false;
  let dropped = 0;
  const queue: Write[] = [];
  let flushing: Promise<void> | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let attempt = 0;
  let closed = false;

  const failed = (err: unknown, operation: string) => {
    healthy = false;
    if (outage) return;
    outage = true;
    logger.warn({ err: err instanceof Error ? err.message : String(err), operation }, 'PostgreSQL store unreachable: answers continue; questions and feedback are queued and retried until it returns (the oldest are dropped past the queue limit)');
  };
  const recovered = () => {
    healthy = true;
    attempt = 0;
    if (!outage) return;
    outage = false;
    logger.warn({ dropped }, 'PostgreSQL store reachable again: queued questions and feedback written');
    dropped = 0;
  };

  const flush = (): Promise<void> =>
    (flushing ??= (async () => {
      try {
        while (queue.length > 0) {
          await pool.query(queue[0]!.sql, queue[0]!.params());
          queue.shift();
        }
        recovered();
      } catch (err) {
        failed(err, 'write');
        scheduleRetry();
      } finally {
        flushing = undefined;
      }
    })());

  const scheduleRetry = () => {
    if (retryTimer || closed) return;
    const delay = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]!;
    attempt += 1;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void ensureReady().then(flush);
    }, delay);
    retryTimer.unref();
  };

  const enqueue = (write: Write) => {
    if (closed) return;
    queue.push(write);
    while (queue.length > maxQueued) {
      queue.shift();
      dropped += 1;
    }
    if (!retryTimer) void ensureReady().then(flush);
  };

  // Migrating (and reading the salt) needs the database; until that succeeds writes wait in the queue.
  let ready = false;
  const ensureReady = async (): Promise<boolean> => {
    if (ready) return true;
    try {
      const client = await pool.connect();
      try {
        const stored = await migratePostgres(client);
        salt = options.idSalt ?? stored;
      } finally {
        client.release();
      }
      ready = true;
      await purge(now());
      recovered();
      return true;
    } catch (err) {
      failed(err, 'open');
      scheduleRetry();
      return false;
    }
  };

  const purge = async (at: number) => {
    const cutoff = at - options.retentionDays * DAY_MS;
    const feedback = await pool.query('DELETE FROM feedback WHERE ts < $1 OR question_id IN (SELECT id FROM questions WHERE ts < $1)', [cutoff]);
    const questions = await pool.query('DELETE FROM questions WHERE ts < $1', [cutoff]);
    return { questions: questions.rowCount ?? 0, feedback: feedback.rowCount ?? 0 };
  };

  const read = async <T>(operation: string, fallback: T, run: () => Promise<T>): Promise<T> => {
    if (closed || !(await ensureReady())) return fallback;
    if (queue.length > 0) await flush(); // read your own writes
    try {
      const result = await run();
      if (queue.length === 0) recovered();
      return result;
    } catch (err) {
      failed(err, operation);
      return fallback;
    }
  };
  const rows = async <T>(sql: string, params: unknown[]): Promise<T[]> => (await pool.query(sql, params)).rows as T[];
  const bounds = (w: TimeWindow = {}) => [w.since ?? 0, w.until ?? Number.MAX_SAFE_INTEGER];
  const rejectInvalid = (operation: string, fields: string[]) => {
    if (fields.length > 0) logger.warn({ operation, invalidFields: fields }, 'invalid record not stored');
    return fields.length > 0;
  };

  await ensureReady();

  return {
    get healthy() {
      return healthy && !closed;
    },
    recordQuestion(r) {
      if (rejectInvalid('recordQuestion', questionProblems(r))) return;
      enqueue({
        sql: `INSERT INTO questions (id, ts, platform, conversation_hash, user_hash, question, question_key, abstained, cited_sections, latency_ms)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
        params: () => [r.id, r.ts, r.platform, hashId(r.conversationId, salt), hashId(r.userId, salt), r.question, questionKey(r.question), r.outcome === 'abstained' ? 1 : 0, JSON.stringify(r.citedSections), Math.round(r.latencyMs)],
      });
    },
    recordFeedback(f) {
      if (rejectInvalid('recordFeedback', feedbackProblems(f))) return;
      enqueue({
        sql: `INSERT INTO feedback (question_id, user_hash, vote, ts) VALUES ($1, $2, $3, $4)
          ON CONFLICT (question_id, user_hash) DO UPDATE SET vote = excluded.vote, ts = excluded.ts`,
        params: () => [f.questionId, hashId(f.userId, salt), f.vote === 'up' ? 1 : -1, f.ts],
      });
    },
    purgeExpired: (at = now()) => read('purgeExpired', { questions: 0, feedback: 0 }, () => purge(at)),
    questionsPerDay: (w) =>
      read('questionsPerDay', [] as DayCount[], () =>
        rows<DayCount>(`SELECT ${utcDay('ts')} AS day, COUNT(*)::int AS count FROM questions WHERE ts >= $1 AND ts < $2 GROUP BY day ORDER BY day`, bounds(w)),
      ),
    abstentionRate: (w) =>
      read('abstentionRate', { total: 0, abstained: 0, rate: 0 } as AbstentionStats, async () => {
        const [row] = await rows<{ total: number; abstained: number }>(`SELECT COUNT(*)::int AS total, COALESCE(SUM(abstained), 0)::int AS abstained FROM questions WHERE ts >= $1 AND ts < $2`, bounds(w));
        return { total: row!.total, abstained: row!.abstained, rate: row!.total === 0 ? 0 : row!.abstained / row!.total };
      }),
    topUnanswered: (limit, w) =>
      read('topUnanswered', [] as UnansweredQuestion[], () =>
        rows<UnansweredQuestion>(
          `SELECT (array_agg(question ORDER BY ts DESC))[1] AS question, COUNT(*)::int AS count, MAX(ts)::float8 AS "lastTs"
           FROM questions WHERE abstained = 1 AND ts >= $1 AND ts < $2
           GROUP BY question_key ORDER BY count DESC, "lastTs" DESC LIMIT $3`,
          [...bounds(w), clampLimit(limit)],
        ),
      ),
    lowestRated: (limit, w) =>
      read('lowestRated', [] as RatedAnswer[], async () => {
        const up = 'SUM(CASE WHEN f.vote = 1 THEN 1 ELSE 0 END)::int';
        const down = 'SUM(CASE WHEN f.vote = -1 THEN 1 ELSE 0 END)::int';
        const found = await rows<Omit<RatedAnswer, 'citedSections'> & { cited: string[] | null }>(
          `SELECT f.question_id AS "questionId", MAX(q.question) AS question, (array_agg(q.cited_sections))[1] AS cited, ${up} AS up, ${down} AS down
           FROM feedback f LEFT JOIN questions q ON q.id = f.question_id
           WHERE f.ts >= $1 AND f.ts < $2
           GROUP BY f.question_id HAVING ${down} > 0
           ORDER BY ${up} - ${down} ASC, ${down} DESC, MAX(f.ts) DESC LIMIT $3`,
          [...bounds(w), clampLimit(limit)],
        );
        return found.map(({ cited, ...rest }) => ({ ...rest, citedSections: cited ?? [] }));
      }),
    topCitedSections: (limit, w) =>
      read('topCitedSections', [] as SectionCount[], () =>
        rows<SectionCount>(
          `SELECT s.value AS section, COUNT(*)::int AS count FROM questions q, jsonb_array_elements_text(q.cited_sections) AS s(value)
           WHERE q.ts >= $1 AND q.ts < $2 GROUP BY s.value ORDER BY count DESC, s.value COLLATE "C" ASC LIMIT $3`,
          [...bounds(w), clampLimit(limit)],
        ),
      ),
    dailyActivity: (w) =>
      read('dailyActivity', [] as DayActivity[], () =>
        rows<DayActivity>(`SELECT ${utcDay('ts')} AS day, COUNT(*)::int AS total, SUM(abstained)::int AS abstained FROM questions WHERE ts >= $1 AND ts < $2 GROUP BY day ORDER BY day`, bounds(w)),
      ),
    platformBreakdown: (w) =>
      read('platformBreakdown', [] as PlatformCount[], () =>
        rows<PlatformCount>(
          `SELECT platform, COUNT(*)::int AS total, SUM(abstained)::int AS abstained FROM questions WHERE ts >= $1 AND ts < $2
           GROUP BY platform ORDER BY total DESC, platform COLLATE "C" ASC`,
          bounds(w),
        ),
      ),
    voteTotals: async (w) =>
      (await read('voteTotals', [{ up: 0, down: 0 }] as VoteTotals[], () =>
        rows<VoteTotals>(`SELECT COUNT(*) FILTER (WHERE vote = 1)::int AS up, COUNT(*) FILTER (WHERE vote = -1)::int AS down FROM feedback WHERE ts >= $1 AND ts < $2`, bounds(w)),
      ))[0] ?? { up: 0, down: 0 },
    async close() {
      if (closed) return;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = undefined;
      await flushing;
      if (queue.length > 0 && ready) await flush();
      closed = true;
      if (queue.length > 0) logger.warn({ unwritten: queue.length }, 'PostgreSQL store closed with questions and feedback still unwritten');
      await pool.end().catch(() => undefined);
    },
  };
}

function utcDay(column: string): string {
  return `to_char(to_timestamp(${column} / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;
}
