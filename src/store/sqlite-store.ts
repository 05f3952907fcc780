import { closeSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { StoreUnavailableError } from '../errors.js';
import { hashId } from './hash-id.js';
import { assertSupportedSchema, migrate } from './migrations.js';
import { questionKey } from './question-key.js';
import { openDatabase, type SqliteDatabase } from './sqlite.js';
import type {
  AbstentionStats,
  DayActivity,
  DayCount,
  FeatureUseCount,
  FeatureUseRecord,
  FeedbackRecord,
  PlatformCount,
  VoteTotals,
  PurgeResult,
  QuestionRecord,
  RatedAnswer,
  SectionCount,
  TimeWindow,
  UnansweredQuestion,
} from './store-types.js';

const DAY_MS = 86_400_000;

/** The raw store: every method may throw; `openStore` wraps it to never do so. */
export interface SqliteStore {
  recordQuestion(record: QuestionRecord): void;
  recordFeedback(record: FeedbackRecord): void;
  recordFeatureUse(record: FeatureUseRecord): void;
  purgeExpired(now: number): PurgeResult;
  questionsPerDay(window: TimeWindow): DayCount[];
  abstentionRate(window: TimeWindow): AbstentionStats;
  topUnanswered(limit: number, window: TimeWindow): UnansweredQuestion[];
  lowestRated(limit: number, window: TimeWindow): RatedAnswer[];
  topCitedSections(limit: number, window: TimeWindow): SectionCount[];
  dailyActivity(window: TimeWindow): DayActivity[];
  platformBreakdown(window: TimeWindow): PlatformCount[];
  voteTotals(window: TimeWindow): VoteTotals;
  featureUse(window: TimeWindow): FeatureUseCount[];
  /** Throws when the file was deleted or replaced since it was opened. */
  assertFileIntact(): void;
  close(): void;
}

/** Opens the database at `path`, migrates it and prepares all statements. Throws on any failure. */
export function createSqliteStore(options: { path: string; retentionDays: number; idSalt?: string }): SqliteStore {
  const db = openDatabase(options.path);
  try {
    return setUp(db, options);
  } catch (err) {
    db.close();
    throw err;
  }
}

type Statements = ReturnType<typeof prepareAll>;
const bounds = (w: TimeWindow) => ({ since: w.since ?? 0, until: w.until ?? Number.MAX_SAFE_INTEGER });

/** Writing questions, votes and feature uses; people are stored only as salted hashes. */
function writers(sql: Statements, salt: string): Pick<SqliteStore, 'recordQuestion' | 'recordFeedback' | 'recordFeatureUse'> {
  return {
    recordQuestion(r) {
      sql.insertQuestion.run({
        id: r.id,
        ts: r.ts,
        platform: r.platform,
        conversationHash: hashId(r.conversationId, salt),
        userHash: hashId(r.userId, salt),
        question: r.question,
        questionKey: questionKey(r.question),
        abstained: r.outcome === 'abstained' ? 1 : 0,
        citedSections: JSON.stringify(r.citedSections),
        latencyMs: Math.round(r.latencyMs),
      });
    },
    recordFeedback(f) {
      sql.upsertFeedback.run({ questionId: f.questionId, userHash: hashId(f.userId, salt), vote: f.vote === 'up' ? 1 : -1, ts: f.ts });
    },
    recordFeatureUse(u) {
      sql.insertFeatureUse.run({ ts: u.ts, platform: u.platform, userHash: hashId(u.userId, salt), feature: u.feature, action: u.action, guide: u.guide ?? null });
    },
  };
}

/** The report's read queries over a time window. */
function readers(sql: Statements): Pick<SqliteStore, 'questionsPerDay' | 'abstentionRate' | 'topUnanswered' | 'lowestRated' | 'topCitedSections' | 'dailyActivity' | 'platformBreakdown' | 'voteTotals' | 'featureUse'> {
  return {
    questionsPerDay: (w) => sql.perDay.all(bounds(w)) as DayCount[],
    abstentionRate(w) {
      const row = sql.abstention.get(bounds(w)) as { total: number; abstained: number };
      return { ...row, rate: row.total === 0 ? 0 : row.abstained / row.total };
    },
    topUnanswered: (limit, w) => sql.unanswered.all({ ...bounds(w), limit }) as UnansweredQuestion[],
    lowestRated(limit, w) {
      const rows = sql.lowestRated.all({ ...bounds(w), limit }) as Array<Omit<RatedAnswer, 'citedSections'> & { cited: string | null }>;
      return rows.map(({ cited, ...rest }) => ({ ...rest, citedSections: cited ? (JSON.parse(cited) as string[]) : [] }));
    },
    topCitedSections: (limit, w) => sql.cited.all({ ...bounds(w), limit }) as SectionCount[],
    dailyActivity: (w) => sql.dailyActivity.all(bounds(w)) as DayActivity[],
    platformBreakdown: (w) => sql.platforms.all(bounds(w)) as PlatformCount[],
    voteTotals: (w) => sql.votes.get(bounds(w)) as VoteTotals,
    featureUse: (w) => sql.featureUse.all(bounds(w)) as FeatureUseCount[],
  };
}

/** Throws when the file was deleted, replaced or overwritten while open (SQLite would carry on silently). */
function fileCheck(path: string): () => void {
  const identity = fileIdentity(path);
  return () => {
    if (!identity) return;
    const current = fileIdentity(path);
    if (!current || current.dev !== identity.dev || current.ino !== identity.ino) {
      // SQLite keeps writing to an unlinked file without complaint, so check ourselves.
      throw new StoreUnavailableError('database file was deleted or replaced while open');
    }
    // Garbage written over the file in place keeps its inode; the SQLite header gives it away.
    if (!hasSqliteHeader(path)) throw new StoreUnavailableError('database file was overwritten while open');
  };
}

function setUp(db: SqliteDatabase, options: { path: string; retentionDays: number; idSalt?: string }): SqliteStore {
  assertSupportedSchema(db); // before any write, so a foreign file is left byte-for-byte intact
  db.pragma('journal_mode = WAL'); // a report can read while the bot writes
  db.pragma('secure_delete = ON'); // purged rows are zeroed, not left in free pages
  migrate(db);
  const salt = options.idSalt ?? readSalt(db);
  const assertFileIntact = fileCheck(options.path);
  const sql = prepareAll(db);
  const purge = db.transaction((cutoff: number): PurgeResult => {
    const feedback = sql.purgeFeedback.run({ cutoff }).changes;
    const questions = sql.purgeQuestions.run({ cutoff }).changes;
    const featureUses = sql.purgeFeatureUses.run({ cutoff }).changes;
    return { questions, feedback, featureUses };
  });
  return {
    ...writers(sql, salt),
    ...readers(sql),
    purgeExpired: (now) => purge(now - options.retentionDays * DAY_MS),
    assertFileIntact,
    close: () => void db.close(),
  };
}

function prepareAll(db: SqliteDatabase) {
  return { ...prepareQuestionStatements(db), ...prepareFeatureUseStatements(db) };
}

const inWindow = (col: string) => `${col} >= @since AND ${col} < @until`;

function prepareFeatureUseStatements(db: SqliteDatabase) {
  return {
    insertFeatureUse: db.prepare(`
      INSERT INTO feature_events (ts, platform, user_hash, feature, action, guide)
      VALUES (@ts, @platform, @userHash, @feature, @action, @guide)`),
    purgeFeatureUses: db.prepare(`DELETE FROM feature_events WHERE ts < @cutoff`),
    featureUse: db.prepare(`
      SELECT feature, action, platform, COUNT(*) AS count, COUNT(DISTINCT user_hash) AS users
      FROM feature_events WHERE ${inWindow('ts')}
      GROUP BY feature, action, platform ORDER BY feature, action, platform`),
  };
}

function prepareQuestionStatements(db: SqliteDatabase) {
  return {
    insertQuestion: db.prepare(`
      INSERT INTO questions (id, ts, platform, conversation_hash, user_hash, question, question_key, abstained, cited_sections, latency_ms)
      VALUES (@id, @ts, @platform, @conversationHash, @userHash, @question, @questionKey, @abstained, @citedSections, @latencyMs)
      ON CONFLICT (id) DO NOTHING`),
    upsertFeedback: db.prepare(`
      INSERT INTO feedback (question_id, user_hash, vote, ts) VALUES (@questionId, @userHash, @vote, @ts)
      ON CONFLICT (question_id, user_hash) DO UPDATE SET vote = excluded.vote, ts = excluded.ts`),
    // Feedback goes with its question, even if the vote itself is recent.
    purgeFeedback: db.prepare(
      `DELETE FROM feedback WHERE ts < @cutoff OR question_id IN (SELECT id FROM questions WHERE ts < @cutoff)`,
    ),
    purgeQuestions: db.prepare(`DELETE FROM questions WHERE ts < @cutoff`),
    perDay: db.prepare(`
      SELECT strftime('%Y-%m-%d', ts / 1000, 'unixepoch') AS day, COUNT(*) AS count
      FROM questions WHERE ${inWindow('ts')} GROUP BY day ORDER BY day`),
    abstention: db.prepare(`
      SELECT COUNT(*) AS total, COALESCE(SUM(abstained), 0) AS abstained FROM questions WHERE ${inWindow('ts')}`),
    // With MAX(), SQLite takes the bare "question" column from the newest row of each group.
    unanswered: db.prepare(`
      SELECT question, COUNT(*) AS count, MAX(ts) AS lastTs FROM questions
      WHERE abstained = 1 AND ${inWindow('ts')}
      GROUP BY question_key ORDER BY count DESC, lastTs DESC LIMIT @limit`),
    lowestRated: db.prepare(`
      SELECT f.question_id AS questionId, q.question AS question, q.cited_sections AS cited,
             SUM(f.vote = 1) AS up, SUM(f.vote = -1) AS down
      FROM feedback f LEFT JOIN questions q ON q.id = f.question_id
      WHERE ${inWindow('f.ts')}
      GROUP BY f.question_id HAVING down > 0
      ORDER BY up - down ASC, down DESC, MAX(f.ts) DESC LIMIT @limit`),
    cited: db.prepare(`
      SELECT s.value AS section, COUNT(*) AS count FROM questions q, json_each(q.cited_sections) s
      WHERE ${inWindow('q.ts')}
      GROUP BY s.value ORDER BY count DESC, section ASC LIMIT @limit`),
    dailyActivity: db.prepare(`
      SELECT strftime('%Y-%m-%d', ts / 1000, 'unixepoch') AS day, COUNT(*) AS total, SUM(abstained) AS abstained
      FROM questions WHERE ${inWindow('ts')} GROUP BY day ORDER BY day`),
    platforms: db.prepare(`
      SELECT platform, COUNT(*) AS total, SUM(abstained) AS abstained
      FROM questions WHERE ${inWindow('ts')} GROUP BY platform ORDER BY total DESC, platform ASC`),
    votes: db.prepare(`
      SELECT COALESCE(SUM(vote = 1), 0) AS up, COALESCE(SUM(vote = -1), 0) AS down FROM feedback WHERE ${inWindow('ts')}`),
  };
}

function readSalt(db: SqliteDatabase): string {
  const row = db.prepare(`SELECT value FROM meta WHERE key = 'id_salt'`).get() as { value: string } | undefined;
  if (!row) throw new StoreUnavailableError('database has no id salt');
  return row.value;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function hasSqliteHeader(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

// Null for in-memory databases, which have no file to lose.
function fileIdentity(path: string): Pick<Stats, 'dev' | 'ino'> | null {
  if (path === ':memory:' || path === '') return null;
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) throw new StoreUnavailableError('database file is missing');
  return { dev: stats.dev, ino: stats.ino };
}
