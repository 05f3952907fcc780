import { hashId } from './hash-id.js';
import { PostgresConnection } from './postgres-connection.js';
import { questionKey } from './question-key.js';
import type { AbstentionStats, AsyncStore, DayActivity, DayCount, FeatureUseCount, PlatformCount, PurgeResult, RatedAnswer, VoteTotals, SectionCount, StoreLogger, TimeWindow, UnansweredQuestion } from './store-types.js';
import { clampLimit, featureUseProblems, feedbackProblems, questionProblems } from './validate.js';

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
const consoleLogger: StoreLogger = { warn: (obj, msg) => console.warn(`[store] ${msg}`, obj) };

type Readers = Omit<AsyncStore, 'healthy' | 'recordQuestion' | 'recordFeedback' | 'recordFeatureUse' | 'purgeExpired' | 'close'>;

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
  const purge = (at: number) => purgeOlderThan(db, at - options.retentionDays * DAY_MS);
  const db: PostgresConnection = new PostgresConnection({
    url: options.url,
    logger,
    ...(options.idSalt === undefined ? {} : { idSalt: options.idSalt }),
    maxQueuedWrites: options.maxQueuedWrites ?? 5000,
    afterMigrate: () => purge(now()),
  });
  await db.ensureReady();

  return {
    get healthy() {
      return db.healthy;
    },
    ...writers(db, logger),
    purgeExpired: (at = now()) => db.read('purgeExpired', { questions: 0, feedback: 0, featureUses: 0 }, () => purge(at)),
    ...readers(db),
    close: () => db.close(),
  };
}

/** Deletes questions, votes and feature uses older than `cutoff` (votes on expired questions too). */
async function purgeOlderThan(db: PostgresConnection, cutoff: number): Promise<PurgeResult> {
  const feedback = await db.rowCount('DELETE FROM feedback WHERE ts < $1 OR question_id IN (SELECT id FROM questions WHERE ts < $1)', [cutoff]);
  const questions = await db.rowCount('DELETE FROM questions WHERE ts < $1', [cutoff]);
  const featureUses = await db.rowCount('DELETE FROM feature_events WHERE ts < $1', [cutoff]);
  return { questions, feedback, featureUses };
}

/** Writing questions, votes and feature uses (queued, never blocking an answer); people are stored only as salted hashes. */
function writers(db: PostgresConnection, logger: StoreLogger): Pick<AsyncStore, 'recordQuestion' | 'recordFeedback' | 'recordFeatureUse'> {
  const rejectInvalid = (operation: string, fields: string[]) => {
    if (fields.length > 0) logger.warn({ operation, invalidFields: fields }, 'invalid record not stored');
    return fields.length > 0;
  };
  return {
    recordQuestion(r) {
      if (rejectInvalid('recordQuestion', questionProblems(r))) return;
      db.enqueue({
        sql: `INSERT INTO questions (id, ts, platform, conversation_hash, user_hash, question, question_key, abstained, cited_sections, latency_ms)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
        params: () => [r.id, r.ts, r.platform, hashId(r.conversationId, db.salt), hashId(r.userId, db.salt), r.question, questionKey(r.question), r.outcome === 'abstained' ? 1 : 0, JSON.stringify(r.citedSections), Math.round(r.latencyMs)],
      });
    },
    recordFeedback(f) {
      if (rejectInvalid('recordFeedback', feedbackProblems(f))) return;
      db.enqueue({
        sql: `INSERT INTO feedback (question_id, user_hash, vote, ts) VALUES ($1, $2, $3, $4)
          ON CONFLICT (question_id, user_hash) DO UPDATE SET vote = excluded.vote, ts = excluded.ts`,
        params: () => [f.questionId, hashId(f.userId, db.salt), f.vote === 'up' ? 1 : -1, f.ts],
      });
    },
    recordFeatureUse(u) {
      if (rejectInvalid('recordFeatureUse', featureUseProblems(u))) return;
      db.enqueue({
        sql: 'INSERT INTO feature_events (ts, platform, user_hash, feature, action, guide) VALUES ($1, $2, $3, $4, $5, $6)',
        params: () => [u.ts, u.platform, hashId(u.userId, db.salt), u.feature, u.action, u.guide ?? null],
      });
    },
  };
}

const bounds = (w: TimeWindow = {}) => [w.since ?? 0, w.until ?? Number.MAX_SAFE_INTEGER];

/** The report's read queries over a time window; each falls back to an empty result while PostgreSQL is down. */
function readers(db: PostgresConnection): Readers {
  return { ...countReaders(db), ...rankingReaders(db), featureUse: (w) => db.read('featureUse', [] as FeatureUseCount[], () => featureUseRows(db, w)) };
}

async function featureUseRows(db: PostgresConnection, w: TimeWindow | undefined): Promise<FeatureUseCount[]> {
  return db.rows<FeatureUseCount>(
    `SELECT feature, action, platform, COUNT(*)::int AS count, COUNT(DISTINCT user_hash)::int AS users
     FROM feature_events WHERE ts >= $1 AND ts < $2
     GROUP BY feature, action, platform ORDER BY feature COLLATE "C", action COLLATE "C", platform COLLATE "C"`,
    bounds(w),
  );
}

/** Counts per day and per platform, the abstention rate and the vote totals. */
function countReaders(db: PostgresConnection): Pick<Readers, 'questionsPerDay' | 'abstentionRate' | 'dailyActivity' | 'platformBreakdown' | 'voteTotals'> {
  return {
    questionsPerDay: (w) =>
      db.read('questionsPerDay', [] as DayCount[], () =>
        db.rows<DayCount>(`SELECT ${utcDay('ts')} AS day, COUNT(*)::int AS count FROM questions WHERE ts >= $1 AND ts < $2 GROUP BY day ORDER BY day`, bounds(w)),
      ),
    abstentionRate: (w) =>
      db.read('abstentionRate', { total: 0, abstained: 0, rate: 0 } as AbstentionStats, async () => {
        const [row] = await db.rows<{ total: number; abstained: number }>(`SELECT COUNT(*)::int AS total, COALESCE(SUM(abstained), 0)::int AS abstained FROM questions WHERE ts >= $1 AND ts < $2`, bounds(w));
        return { total: row!.total, abstained: row!.abstained, rate: row!.total === 0 ? 0 : row!.abstained / row!.total };
      }),
    dailyActivity: (w) =>
      db.read('dailyActivity', [] as DayActivity[], () =>
        db.rows<DayActivity>(`SELECT ${utcDay('ts')} AS day, COUNT(*)::int AS total, SUM(abstained)::int AS abstained FROM questions WHERE ts >= $1 AND ts < $2 GROUP BY day ORDER BY day`, bounds(w)),
      ),
    platformBreakdown: (w) =>
      db.read('platformBreakdown', [] as PlatformCount[], () =>
        db.rows<PlatformCount>(
          `SELECT platform, COUNT(*)::int AS total, SUM(abstained)::int AS abstained FROM questions WHERE ts >= $1 AND ts < $2
           GROUP BY platform ORDER BY total DESC, platform COLLATE "C" ASC`,
          bounds(w),
        ),
      ),
    voteTotals: async (w) =>
      (await db.read('voteTotals', [{ up: 0, down: 0 }] as VoteTotals[], () =>
        db.rows<VoteTotals>(`SELECT COUNT(*) FILTER (WHERE vote = 1)::int AS up, COUNT(*) FILTER (WHERE vote = -1)::int AS down FROM feedback WHERE ts >= $1 AND ts < $2`, bounds(w)),
      ))[0] ?? { up: 0, down: 0 },
  };
}

/** Top-N lists: unanswered questions, lowest-rated answers, most cited sections. */
function rankingReaders(db: PostgresConnection): Pick<Readers, 'topUnanswered' | 'lowestRated' | 'topCitedSections'> {
  return {
    topUnanswered: (limit, w) =>
      db.read('topUnanswered', [] as UnansweredQuestion[], () =>
        db.rows<UnansweredQuestion>(
          `SELECT (array_agg(question ORDER BY ts DESC))[1] AS question, COUNT(*)::int AS count, MAX(ts)::float8 AS "lastTs"
           FROM questions WHERE abstained = 1 AND ts >= $1 AND ts < $2
           GROUP BY question_key ORDER BY count DESC, "lastTs" DESC LIMIT $3`,
          [...bounds(w), clampLimit(limit)],
        ),
      ),
    lowestRated: (limit, w) => db.read('lowestRated', [] as RatedAnswer[], () => lowestRatedRows(db, limit, w)),
    topCitedSections: (limit, w) =>
      db.read('topCitedSections', [] as SectionCount[], () =>
        db.rows<SectionCount>(
          `SELECT s.value AS section, COUNT(*)::int AS count FROM questions q, jsonb_array_elements_text(q.cited_sections) AS s(value)
           WHERE q.ts >= $1 AND q.ts < $2 GROUP BY s.value ORDER BY count DESC, s.value COLLATE "C" ASC LIMIT $3`,
          [...bounds(w), clampLimit(limit)],
        ),
      ),
  };
}

async function lowestRatedRows(db: PostgresConnection, limit: number | undefined, w: TimeWindow | undefined): Promise<RatedAnswer[]> {
  const up = 'SUM(CASE WHEN f.vote = 1 THEN 1 ELSE 0 END)::int';
  const down = 'SUM(CASE WHEN f.vote = -1 THEN 1 ELSE 0 END)::int';
  const found = await db.rows<Omit<RatedAnswer, 'citedSections'> & { cited: string[] | null }>(
    `SELECT f.question_id AS "questionId", MAX(q.question) AS question, (array_agg(q.cited_sections))[1] AS cited, ${up} AS up, ${down} AS down
     FROM feedback f LEFT JOIN questions q ON q.id = f.question_id
     WHERE f.ts >= $1 AND f.ts < $2
     GROUP BY f.question_id HAVING ${down} > 0
     ORDER BY ${up} - ${down} ASC, ${down} DESC, MAX(f.ts) DESC LIMIT $3`,
    [...bounds(w), clampLimit(limit)],
  );
  return found.map(({ cited, ...rest }) => ({ ...rest, citedSections: cited ?? [] }));
}

function utcDay(column: string): string {
  return `to_char(to_timestamp(${column} / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;
}
