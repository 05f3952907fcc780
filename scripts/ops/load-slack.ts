import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { FakeSlackWebApi } from '../../tests/fakes/slack/index.js';
import { BOT_TOKEN, BotProcess, SIGNING_SECRET, botEnv, counterValue, intFlag, mb, parseFlags, percentile, scratchDir, sleep, table, type BotMemory } from './ops-kit.js';
import { mixSummary } from './questions.js';
import { SlackTraffic, latencies, type Accounting } from './slack-traffic.js';

const USAGE = `Load test of the Slack HTTP adapter (real Bolt app, AdvisorService, store, USE-lite index).

  npx vite-node scripts/ops/load-slack.ts -- [options]

  --conversations N     concurrent conversations (threads), default 50
  --questions N         questions in the measured run, default 10000
  --warmup N            questions asked first, before the "before" memory reading, default 500
  --limits high|default high: rate limits raised out of the way (1,000,000/min per user and channel);
                        default: the shipped RATE_LIMIT_* defaults (10/user/min, 60/channel/min), so most
                        questions get the polite "try again in N s" instead of an answer. Default: high
  --users N             distinct users, default = conversations
  --channels N          distinct channels, default 10
  --redeliver-every N   re-send every N-th event like a Slack retry (same event_id), default 100; 0 = never
  --reply-timeout-ms N  a question without a reply after this long is lost, default 30000
  --max-rss-growth N    fail when RSS grows more than N % from after warm-up to the end, default 20
  --timeout-s N         overall time limit, default 1200
  --workers N           Slack worker processes behind a round-robin "load balancer" (a Slack retry goes
                        to the next worker), default 1. With N > 1 set REDIS_URL (and DATABASE_URL for a
                        shared store); both are passed to the workers when set
  --json                print the result as JSON instead of a table

Exit code: 0 when nothing was lost or answered twice, no reply was an internal error, and RSS grew
at most --max-rss-growth %; 1 otherwise; 2 on a usage error or when the time limit cut the run short.

The index is INDEX_DIR (default: the package's .index/, built by \`npm run ingest\`); a missing or stale
index is rebuilt before the run starts. Only 127.0.0.1 is used.`;

interface LoadReport {
  settings: Record<string, string | number | boolean>;
  measured: {
    questions: number;
    seconds: number;
    throughputPerSecond: number;
    latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  };
  accounting: Accounting & { warmupLost: number; warmupDuplicates: number; warmupByKind: Accounting['byKind'] };
  memory: {
    afterWarmup: BotMemory;
    end: BotMemory;
    rssGrowthPercent: number;
    heapGrowthPercent: number;
    rssPeakSampled?: number;
    /** Memory after a forced GC every tenth of the measured run: [questions done, RSS bytes, heap used bytes]. */
    trend: Array<[number, number, number]>;
  };
  botMetrics: Record<string, number>;
  /** Per worker: memory after a forced GC at the end, and how many answers it gave. */
  workers: Array<{ pid: number; rssEnd: number; heapUsedEnd: number; answers: number }>;
  botLog: { warnings: number; errors: number };
  failures: string[];
  pass: boolean;
}

async function main(): Promise<number> {
  const flags = parseFlags(process.argv.slice(2));
  if (flags.has('help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const conversations = intFlag(flags, 'conversations', 50);
  const questions = intFlag(flags, 'questions', 10_000);
  const warmup = intFlag(flags, 'warmup', 500);
  const users = intFlag(flags, 'users', conversations);
  const channels = intFlag(flags, 'channels', 10);
  const redeliverEvery = intFlag(flags, 'redeliver-every', 100);
  const replyTimeoutMs = intFlag(flags, 'reply-timeout-ms', 30_000);
  const maxGrowth = intFlag(flags, 'max-rss-growth', 20);
  const timeoutS = intFlag(flags, 'timeout-s', 1200);
  const limits = String(flags.get('limits') ?? 'high');
  const asJson = flags.get('json') === true;
  const workerCount = intFlag(flags, 'workers', 1);
  if (workerCount < 1 || workerCount > 16) throw new UsageError('--workers must be from 1 to 16');
  if (limits !== 'high' && limits !== 'default') throw new UsageError('--limits is "high" or "default"');
  if (conversations < 1 || users < 1 || channels < 1) throw new UsageError('--conversations, --users and --channels must be at least 1');

  const started = Date.now();
  const deadline = started + timeoutS * 1000;
  const say = (line: string) => process.stderr.write(`[load] ${line}\n`);
  const scratch = scratchDir('career-advisor-load-');
  const api = await FakeSlackWebApi.start();
  const traffic = new SlackTraffic(api);
  let bots: BotProcess[] = [];
  // The overall limit: whatever is still running is stopped and the run reported as cut short.
  const watchdog = setTimeout(() => {
    say(`time limit of ${timeoutS} s reached; stopping`);
    for (const b of bots) b.kill();
    void api.close().finally(() => process.exit(2));
  }, timeoutS * 1000 + replyTimeoutMs + 60_000);
  watchdog.unref();

  try {
    const highLimits = limits === 'high' ? { RATE_LIMIT_USER_PER_MINUTE: '1000000', RATE_LIMIT_CHANNEL_PER_MINUTE: '1000000' } : {};
    const env = botEnv({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: api.apiUrl,
      PORT: '0',
      HEALTH_PORT: '0',
      STORE_PATH: join(scratch.dir, 'store.db'),
      LOG_LEVEL: 'warn',
      KNOWLEDGE_DIR: process.env.KNOWLEDGE_DIR,
      INDEX_DIR: process.env.INDEX_DIR,
      CACHE_DIR: process.env.CACHE_DIR,
      ANSWER_CONCURRENCY: process.env.ANSWER_CONCURRENCY,
      REDIS_URL: process.env.REDIS_URL,
      REDIS_PREFIX: process.env.REDIS_URL ? `career-advisor-load-${process.pid}-${Date.now()}:` : undefined,
      DATABASE_URL: process.env.DATABASE_URL,
      ...highLimits,
    });
    say(`starting ${workerCount} worker(s) (limits: ${limits}; state: ${env.REDIS_URL ? 'Redis' : 'memory'}; store: ${env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`);
    // Each worker its own SQLite file when there is no DATABASE_URL (SQLite is one machine, one writer).
    bots = await Promise.all(Array.from({ length: workerCount }, (_, i) => BotProcess.start(workerCount > 1 && !env.DATABASE_URL ? { ...env, STORE_PATH: join(scratch.dir, `store-${i}.db`) } : env, { maxSeconds: timeoutS + 60 })));
    const bot = bots[0]!;
    const runBot = bot;
    for (const b of bots) say(`worker pid ${b.pid}, Slack on 127.0.0.1:${b.slackPort}, health on 127.0.0.1:${b.healthPort}`);

    const common = { port: bot.slackPort, ports: bots.map((b) => b.slackPort), signingSecret: SIGNING_SECRET, conversations, users, channels, replyTimeoutMs, redeliverEvery, deadline };
    say(`warm-up: ${warmup} questions`);
    const warm = await traffic.run({ ...common, questions: warmup, tag: 'W' });
    const afterWarmup = await settledMemory(bot);
    say(`after warm-up: RSS ${mb(afterWarmup.rss)}, heap ${mb(afterWarmup.heapUsed)} (GC forced: ${afterWarmup.gcForced})`);

    let rssPeak = 0;
    const sampler = setInterval(() => {
      const rss = procRss(runBot.pid);
      if (rss !== undefined) rssPeak = Math.max(rssPeak, rss);
    }, 1000);
    let lastShown = 0;
    const trend: Array<[number, number, number]> = [[0, afterWarmup.rss, afterWarmup.heapUsed]];
    const checkpoint = Math.max(1, Math.floor(questions / 10));
    say(`measured run: ${questions} questions over ${conversations} conversations`);
    const runStarted = performance.now();
    const run = await traffic.run({
      ...common,
      questions,
      tag: 'M',
      sessionOffset: 7,
      onProgress: (done) => {
        if (done - lastShown >= checkpoint) {
          lastShown = done;
          void runBot.memory().then(
            (m) => {
              trend.push([done, m.rss, m.heapUsed]);
              say(`  ${done}/${questions} (${((done / (performance.now() - runStarted)) * 1000).toFixed(1)} questions/s), RSS ${mb(m.rss)}, heap ${mb(m.heapUsed)}`);
            },
            () => undefined,
          );
        }
      },
    });
    clearInterval(sampler);
    // Quiet period: a late or repeated reply would arrive now and be counted.
    await sleep(2000);
    const ends = await Promise.all(bots.map((b) => settledMemory(b)));
    const end = ends[0]!;
    trend.push([run.events.length, end.rss, end.heapUsed]);
    const metricsTexts = await Promise.all(bots.map((b) => b.metrics()));
    const healths = await Promise.all(bots.map((b) => b.health()));
    const health = { store: healths.every((h) => h.store !== false) };
    const exitCodes = await Promise.all(bots.map((b) => b.stop()));
    const exitCode = exitCodes.find((c) => c !== 0) ?? 0;
    const sum = (name: string, labels?: Record<string, string>) => metricsTexts.reduce((total, text) => total + counterValue(text, name, labels), 0);

    const seconds = (run.endedAt - run.startedAt) / 1000;
    const lat = latencies(run.events);
    const accounting = traffic.account(run.events);
    const warmAccounting = traffic.account(warm.events);
    const rssGrowthPercent = ((end.rss - afterWarmup.rss) / afterWarmup.rss) * 100;
    const heapGrowthPercent = ((end.heapUsed - afterWarmup.heapUsed) / afterWarmup.heapUsed) * 100;
    const failures: string[] = [];
    if (accounting.lost + warmAccounting.lost > 0) failures.push(`${accounting.lost + warmAccounting.lost} question(s) got no reply`);
    if (accounting.duplicates + warmAccounting.duplicates > 0) failures.push(`${accounting.duplicates + warmAccounting.duplicates} duplicate reply(ies)`);
    if (accounting.unknownReplies > 0) failures.push(`${accounting.unknownReplies} reply(ies) in threads nobody asked in`);
    if (accounting.rejectedPosts > 0) failures.push(`${accounting.rejectedPosts} event POST(s) not acknowledged with 200`);
    if (accounting.byKind.error + warmAccounting.byKind.error > 0) failures.push(`${accounting.byKind.error + warmAccounting.byKind.error} reply(ies) were internal errors`);
    if (rssGrowthPercent > maxGrowth) failures.push(`RSS grew ${rssGrowthPercent.toFixed(1)} % (limit ${maxGrowth} %)`);
    if (run.cutShort || warm.cutShort) failures.push('the time limit cut the run short');
    if (exitCode !== 0) failures.push(`the bot exited with code ${exitCode} on stop`);
    if (!health.store) failures.push('the question store reported unhealthy');

    const report: LoadReport = {
      settings: {
        conversations,
        questions,
        warmup,
        users,
        channels,
        limits,
        rateLimitUserPerMinute: Number(env.RATE_LIMIT_USER_PER_MINUTE ?? 10),
        rateLimitChannelPerMinute: Number(env.RATE_LIMIT_CHANNEL_PER_MINUTE ?? 60),
        answerConcurrency: Number(env.ANSWER_CONCURRENCY ?? 4),
        workers: workerCount,
        state: env.REDIS_URL ? 'redis' : 'memory',
        store: env.DATABASE_URL ? 'postgres' : 'sqlite',
        redeliverEvery,
        replyTimeoutMs,
        questionMix: JSON.stringify(mixSummary()),
        node: process.version,
        cpus: availableParallelism(),
      },
      measured: {
        questions: run.events.length,
        seconds: round(seconds, 2),
        throughputPerSecond: round(run.events.length / seconds, 1),
        latencyMs: {
          p50: round(percentile(lat, 50), 1),
          p95: round(percentile(lat, 95), 1),
          p99: round(percentile(lat, 99), 1),
          max: round(Math.max(...lat), 1),
          mean: round(lat.reduce((a, b) => a + b, 0) / lat.length, 1),
        },
      },
      accounting: { ...accounting, warmupLost: warmAccounting.lost, warmupDuplicates: warmAccounting.duplicates, warmupByKind: warmAccounting.byKind },
      memory: { afterWarmup, end, rssGrowthPercent: round(rssGrowthPercent, 1), heapGrowthPercent: round(heapGrowthPercent, 1), ...(rssPeak ? { rssPeakSampled: rssPeak } : {}), trend },
      botMetrics: {
        answers: sum('career_advisor_answers_total', { kind: 'answer' }),
        errorResults: sum('career_advisor_answers_total', { kind: 'error' }),
        rateLimited: sum('career_advisor_rate_limited_total'),
        busy: sum('career_advisor_busy_total'),
        abstentions: sum('career_advisor_abstentions_total'),
        phiRedacted: sum('career_advisor_phi_redacted_total'),
        requestErrors: sum('career_advisor_errors_total'),
      },
      workers: ends.map((m, i) => ({ pid: bots[i]!.pid, rssEnd: m.rss, heapUsedEnd: m.heapUsed, answers: counterValue(metricsTexts[i]!, 'career_advisor_answers_total', { kind: 'answer' }) })),
      botLog: { warnings: bots.reduce((n, b) => n + b.log.warnings, 0), errors: bots.reduce((n, b) => n + b.log.errors, 0) },
      failures,
      pass: failures.length === 0,
    };
    process.stdout.write(asJson ? `${JSON.stringify(report, null, 2)}\n` : `${render(report)}\n`);
    for (const b of bots) if (b.log.errors > 0) say(`worker ${b.pid} error lines:\n${b.log.matching(/"level":(50|60)/).slice(-5).join('\n')}`);
    for (const b of bots) if (b.log.warnings > 0) say(`worker ${b.pid} warning lines:\n${b.log.matching(/"level":40/).slice(-5).join('\n')}`);
    return run.cutShort || warm.cutShort ? 2 : report.pass ? 0 : 1;
  } finally {
    for (const b of bots) b.kill();
    await api.close();
    scratch.remove();
    clearTimeout(watchdog);
  }
}

/**
 * The bot's memory once idle: three readings one second apart, each after a forced GC, and the one
 * with the median RSS. A single reading can catch the allocator still holding a burst's memory.
 */
async function settledMemory(bot: BotProcess): Promise<BotMemory> {
  const readings: BotMemory[] = [];
  for (let i = 0; i < 3; i++) {
    await sleep(1000);
    readings.push(await bot.memory());
  }
  return readings.sort((a, b) => a.rss - b.rss)[1]!;
}

/** Resident set size of a process from /proc (Linux), without disturbing it. */
function procRss(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function render(r: LoadReport): string {
  const a = r.accounting;
  const m = r.memory;
  return [
    `Slack load: ${r.settings.conversations} conversations, ${r.measured.questions} questions (+${r.settings.warmup} warm-up), limits ${r.settings.limits} (${r.settings.rateLimitUserPerMinute}/user/min, ${r.settings.rateLimitChannelPerMinute}/channel/min), ANSWER_CONCURRENCY ${r.settings.answerConcurrency}, ${r.settings.cpus} CPUs, Node ${r.settings.node}`,
    '',
    table([
      ['throughput', `${r.measured.throughputPerSecond} questions/s (${r.measured.questions} in ${r.measured.seconds} s)`],
      ['latency p50 / p95 / p99', `${r.measured.latencyMs.p50} / ${r.measured.latencyMs.p95} / ${r.measured.latencyMs.p99} ms (max ${r.measured.latencyMs.max}, mean ${r.measured.latencyMs.mean})`],
      ['answers lost', `${a.lost} (warm-up ${a.warmupLost})`],
      ['duplicate answers', `${a.duplicates} (warm-up ${a.warmupDuplicates}; ${a.redelivered} events re-delivered as Slack retries)`],
      ['replies by kind', Object.entries(a.byKind).map(([k, v]) => `${k} ${v}`).join(', ')],
      ['  during warm-up', Object.entries(a.warmupByKind).map(([k, v]) => `${k} ${v}`).join(', ')],
      ['checked answers correct', `${a.correct}/${a.checked} (fact present, or no sources when out of scope)`],
      ...Object.entries(a.incorrect).map(([text, n]): [string, string] => ['  missed', `${n}× ${JSON.stringify(text)}`]),
      ['threads / continuation msgs', `${a.threads} / ${a.continuationMessages}`],
      ['RSS after warm-up → end', `${mb(m.afterWarmup.rss)} → ${mb(m.end.rss)} (${m.rssGrowthPercent >= 0 ? '+' : ''}${m.rssGrowthPercent} %, GC forced: ${m.end.gcForced})`],
      ['heap used after warm-up → end', `${mb(m.afterWarmup.heapUsed)} → ${mb(m.end.heapUsed)} (${m.heapGrowthPercent >= 0 ? '+' : ''}${m.heapGrowthPercent} %)`],
      ['external / array buffers at end', `${mb(m.end.external)} / ${mb(m.end.arrayBuffers)} (after warm-up ${mb(m.afterWarmup.external)} / ${mb(m.afterWarmup.arrayBuffers)})`],
      ['RSS peak (sampled, no GC)', m.rssPeakSampled ? mb(m.rssPeakSampled) : 'n/a'],
      ['RSS trend (after GC), MB', m.trend.map(([n, rss]) => `${n}:${(rss / 1048576).toFixed(0)}`).join(' ')],
      ['bot metrics', Object.entries(r.botMetrics).map(([k, v]) => `${k} ${v}`).join(', ')],
      ['workers (state / store)', `${r.settings.workers} (${r.settings.state} / ${r.settings.store})`],
      ['RSS per worker at end', r.workers.map((w) => `${mb(w.rssEnd)} (${w.answers} answers)`).join(', ')],
      ['bot log', `${r.botLog.warnings} warnings, ${r.botLog.errors} errors`],
      ['result', r.pass ? 'PASS' : `FAIL: ${r.failures.join('; ')}`],
    ]),
  ].join('\n');
}

class UsageError extends Error {}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || (error instanceof Error && /^--|unexpected argument/.test(error.message))) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      process.exit(2);
    }
    process.stderr.write(`load-slack failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
