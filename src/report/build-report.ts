import type { AbstentionStats, AsyncStore, DayActivity, FeatureUseCount, PlatformCount, RatedAnswer, SectionCount, Store, StoreReportQueries, UnansweredQuestion, VoteTotals } from '../store/index.js';
import { minimizePhi } from '../privacy/index.js';
import { clusterQuestions, DEFAULT_SIMILARITY } from './cluster-questions.js';
import { summarizeFeatureUse } from './feature-use.js';
import type { UnansweredReading } from './read-unanswered.js';
import { reportWindow, type ReportWindow } from './report-window.js';
import { REPORT_VERSION, reportSchema, type Report, type ReportStoreStatus } from './schema.js';

/** The store queries a report reads; `openStore` returns all of them. */
export type ReportSource = Pick<Store, 'healthy' | 'abstentionRate' | 'topUnanswered' | 'lowestRated' | 'topCitedSections'> &
  Omit<StoreReportQueries, 'voteTotals' | 'featureUse'> & Partial<Pick<StoreReportQueries, 'voteTotals' | 'featureUse'>>;

/** What to report on. */
export interface ReportOptions {
  /** How many UTC days, today included. */
  days: number;
  /** The report's clock, epoch ms (injected so reports and tests are reproducible). */
  now: number;
  /** Rows per list (unanswered groups, lowest rated, cited sections). Default 10. */
  limit?: number;
  /** Minimum Jaccard similarity for unanswered questions to share a group. Default 0.5. */
  similarity?: number;
  /** The answer path's reading of the unanswered questions (off-topic ones apart, grouped by meaning); shared words without it. */
  reading?: UnansweredReading;
}

const NO_VOTES: VoteTotals = { up: 0, down: 0 };

/** Wordings shown per unanswered group; the count covers them all. */
const MAX_VARIANTS = 5;
// The store caps one query at 1,000 rows; distinct unanswered wordings beyond that are rare
// and the least asked, so they would not reach the top of the list anyway.
const UNANSWERED_SCAN = 1_000;

/**
 * Builds the knowledge-gap report from the question store. Never throws for a
 * broken store (its queries return nothing and the report says `unavailable`);
 * throws InputError for bad options.
 */
export function buildReport(store: ReportSource, options: ReportOptions): Report {
  // A synchronous store's queries return plain values.
  return assembleReport(reportQueries(store, options) as ReportData, store.healthy, options);
}

/** The same report read from a store with asynchronous queries (PostgreSQL). */
export async function buildReportAsync(store: AsyncReportSource, options: ReportOptions): Promise<Report> {
  const pending = reportQueries(store, options);
  const data = Object.fromEntries(await Promise.all(Object.entries(pending).map(async ([key, value]) => [key, await value]))) as ReportData;
  return assembleReport(data, store.healthy, options);
}

/** The store with Promise-returning queries (`AsyncStore` fits). */
export type AsyncReportSource = Pick<AsyncStore, 'healthy' | 'abstentionRate' | 'topUnanswered' | 'lowestRated' | 'topCitedSections' | 'dailyActivity' | 'platformBreakdown'> & Partial<Pick<AsyncStore, 'voteTotals' | 'featureUse'>>;

type ReportData = {
  daily: DayActivity[];
  totals: AbstentionStats;
  unanswered: UnansweredQuestion[];
  lowestRated: RatedAnswer[];
  cited: SectionCount[];
  platforms: PlatformCount[];
  votes: VoteTotals;
  featureUse: FeatureUseCount[];
};

// The one place that says which queries a report runs, with which arguments, for either kind of store.
function reportQueries<S extends ReportSource | AsyncReportSource>(store: S, options: ReportOptions) {
  const limit = options.limit ?? 10;
  const w = reportWindow(options.days, options.now);
  const window = { since: w.since, until: w.until };
  return {
    daily: store.dailyActivity(window),
    totals: store.abstentionRate(window),
    unanswered: store.topUnanswered(UNANSWERED_SCAN, window),
    lowestRated: store.lowestRated(limit, window),
    cited: store.topCitedSections(limit, window),
    platforms: store.platformBreakdown(window),
    // Stores written before vote totals existed (and test stand-ins) report none.
    votes: store.voteTotals?.(window) ?? NO_VOTES,
    featureUse: store.featureUse?.(window) ?? [],
  };
}

function assembleReport(data: ReportData, healthy: boolean, options: ReportOptions): Report {
  const limit = options.limit ?? 10;
  const w = reportWindow(options.days, options.now);
  const byDay = new Map(data.daily.map((d) => [d.day, d]));
  const { totals, cited, platforms } = data;
  // Only minimized text is shown, whatever STORE_QUESTION_TEXT kept (older rows, or `redacted` mode).
  const unanswered = data.unanswered.map((q) => ({ ...q, question: minimizePhi(q.question).text }));
  const lowestRated = data.lowestRated.map((r) => ({ ...r, question: r.question === null ? r.question : minimizePhi(r.question).text }));
  const reading = options.reading;
  const gaps = reading ? unanswered.filter((q) => !reading.offTopic.has(q.question)) : unanswered;
  const offTopic = reading ? unanswered.filter((q) => reading.offTopic.has(q.question)) : [];
  const clusters = reading ? clusterQuestions(gaps, reading.threshold, reading.similarity) : clusterQuestions(gaps, options.similarity ?? DEFAULT_SIMILARITY);

  return reportSchema.parse({
    ...frame(w, options.now, healthy ? 'ok' : 'unavailable'),
    totals: { questions: totals.total, answered: totals.total - totals.abstained, abstained: totals.abstained, abstentionRate: totals.rate },
    perDay: w.dayList.map((day) => {
      const d = byDay.get(day);
      return { day, total: d?.total ?? 0, answered: (d?.total ?? 0) - (d?.abstained ?? 0), abstained: d?.abstained ?? 0 };
    }),
    platforms: platforms.map((p) => ({ ...p, abstentionRate: p.total === 0 ? 0 : p.abstained / p.total })),
    unanswered: {
      groupCount: clusters.length,
      groups: clusters.slice(0, limit).map((c) => ({
        representative: c.representative,
        count: c.count,
        lastAskedAt: new Date(c.lastTs).toISOString(),
        variants: c.variants.slice(0, MAX_VARIANTS),
      })),
    },
    ...(reading ? { offTopic: { count: offTopic.reduce((n, q) => n + q.count, 0), questions: offTopic.slice(0, limit).map((q) => ({ question: q.question, count: q.count })) } } : {}),
    featureUse: summarizeFeatureUse(data.featureUse),
    ratings: { up: data.votes.up, down: data.votes.down, upRate: data.votes.up + data.votes.down === 0 ? 0 : data.votes.up / (data.votes.up + data.votes.down) },
    lowestRated: lowestRated.map((r) => ({ ...r, score: r.up - r.down })),
    topCitedSections: cited,
  } satisfies Report);
}

/**
 * A report with no data, for when there is no store to read (e.g. the bot has
 * never run). Same shape as a real one, so `--json` consumers need no special case.
 */
export function emptyReport(options: Pick<ReportOptions, 'days' | 'now'>, store: ReportStoreStatus): Report {
  const w = reportWindow(options.days, options.now);
  return reportSchema.parse({
    ...frame(w, options.now, store),
    totals: { questions: 0, answered: 0, abstained: 0, abstentionRate: 0 },
    perDay: w.dayList.map((day) => ({ day, total: 0, answered: 0, abstained: 0 })),
    platforms: [],
    unanswered: { groupCount: 0, groups: [] },
    featureUse: summarizeFeatureUse([]),
    lowestRated: [],
    topCitedSections: [],
  } satisfies Report);
}

function frame(w: ReportWindow, now: number, store: ReportStoreStatus) {
  return {
    version: REPORT_VERSION,
    generatedAt: new Date(now).toISOString(),
    window: {
      days: w.days,
      since: new Date(w.since).toISOString(),
      until: new Date(now).toISOString(),
      firstDay: w.dayList[0]!,
      lastDay: w.dayList.at(-1)!,
    },
    store,
  } as const;
}
