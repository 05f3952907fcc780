import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/index.js';
import { NOTE_UNAVAILABLE } from '../../src/llm/index.js';
import { openStore } from '../../src/store/index.js';
import { FakeOpenAIServer, refusedBaseURL } from '../../tests/fakes/openai/index.js';
import { FakeSlackWebApi } from '../../tests/fakes/slack/index.js';
import { groundedReply, llmEnv } from './fake-llm.js';
import { BOT_TOKEN, BotProcess, REPO_ROOT, SIGNING_SECRET, botEnv, intFlag, parseFlags, percentile, scratchDir, sleep } from './ops-kit.js';
import { SlackTraffic, latencies, type Accounting, type EventRecord } from './slack-traffic.js';

const USAGE = `Fault injection against a serving Slack bot, under load.

  npx vite-node scripts/ops/faults.ts -- [options]

  --only a,b            run only these scenarios (names below)
  --conversations N     concurrent conversations during each scenario, default 20
  --questions N         questions per scenario, default 600 (the fault is injected after a third)
  --timeout-s N         overall time limit, default 900
  --json                print the outcomes as JSON

Scenarios: store-deleted, store-corrupted, llm-down, index-garbage, index-unreadable, slack-429,
slack-500, slack-refuses.

Each scenario starts its own bot (BotRuntime + Slack HTTP adapter in a child process, production
settings), its own fake Slack Web API and a fresh store, drives signed mentions from N
conversations, injects the fault mid-run, and checks that every question got exactly one reply
(or, where a reply cannot be delivered, that each loss was logged), plus the scenario's own checks.
Exit code 0 when every check passed, 1 otherwise. Only 127.0.0.1 is used.`;

interface Check {
  what: string;
  ok: boolean;
  detail?: string;
}

interface Outcome {
  name: string;
  fault: string;
  asked: number;
  replies: number;
  lost: number;
  duplicates: number;
  byKind: Accounting['byKind'];
  latencyMs: { p50: number; p95: number; max: number };
  checks: Check[];
  evidence: string[];
  pass: boolean;
}

interface Settings {
  conversations: number;
  questions: number;
  deadline: number;
}

interface Context {
  name: string;
  dir: string;
  storePath: string;
  api: FakeSlackWebApi;
  traffic: SlackTraffic;
  bot: BotProcess;
  check(what: string, ok: boolean, detail?: string): void;
  evidence(line: string): void;
}

interface ScenarioSpec {
  fault: string;
  env?: (dir: string) => Promise<Record<string, string>> | Record<string, string>;
  /** Before the bot starts (e.g. seed the store). */
  before?: (dir: string, storePath: string) => Promise<void> | void;
  /** Log lines to count from the start. */
  track?: Record<string, RegExp>;
  inject(ctx: Context): Promise<void> | void;
  /** Extra checks once the traffic has drained (the bot is still running). */
  after?(ctx: Context, run: { events: EventRecord[]; account: Accounting; injectedAt: number }): Promise<void> | void;
  /** Lost replies that are acceptable because each was logged (returns how many the logs account for). */
  loggedLosses?(ctx: Context): number;
  replyTimeoutMs?: number;
}

const say = (line: string) => process.stderr.write(`[faults] ${line}\n`);

async function runScenario(name: string, spec: ScenarioSpec, settings: Settings): Promise<Outcome> {
  const scratch = scratchDir(`career-advisor-fault-${name}-`);
  const storePath = join(scratch.dir, 'store.db');
  const checks: Check[] = [];
  const evidence: string[] = [];
  const api = await FakeSlackWebApi.start();
  const traffic = new SlackTraffic(api);
  let bot: BotProcess | undefined;
  try {
    await spec.before?.(scratch.dir, storePath);
    const env = botEnv({
      ...baseSettings(api, storePath),
      ...(await spec.env?.(scratch.dir)),
    });
    bot = await BotProcess.start(env, { maxSeconds: 300 });
    for (const [key, pattern] of Object.entries(spec.track ?? {})) bot.log.track(key, pattern);
    const ctx: Context = {
      name,
      dir: scratch.dir,
      storePath,
      api,
      traffic,
      bot,
      check: (what, ok, detail) => checks.push({ what, ok, ...(detail ? { detail } : {}) }),
      evidence: (line) => evidence.push(line),
    };
    const injectAt = Math.max(1, Math.floor(settings.questions / 3));
    let injected: Promise<void> | undefined;
    let injectedAt = 0;
    const run = await traffic.run({
      port: bot.slackPort,
      signingSecret: SIGNING_SECRET,
      conversations: settings.conversations,
      questions: settings.questions,
      users: settings.conversations,
      channels: 5,
      replyTimeoutMs: spec.replyTimeoutMs ?? 60_000,
      redeliverEvery: 50,
      deadline: settings.deadline,
      tag: name.replace(/[^A-Za-z0-9]/g, '').toUpperCase().slice(0, 6),
      onProgress: (done) => {
        if (done >= injectAt && !injected) {
          injectedAt = done;
          say(`${name}: injecting after ${done} questions: ${spec.fault}`);
          injected = Promise.resolve(spec.inject(ctx));
        }
      },
    });
    await injected;
    await sleep(2000);
    const account = traffic.account(run.events);
    const allowedLoss = spec.loggedLosses?.(ctx) ?? 0;
    if (spec.loggedLosses) ctx.check(`every lost reply was logged (${account.lost} lost, ${allowedLoss} logged)`, account.lost === allowedLoss);
    else ctx.check('no question lost', account.lost === 0, `${account.lost} lost`);
    ctx.check('no duplicate replies', account.duplicates === 0, `${account.duplicates} duplicates`);
    ctx.check('no internal-error replies', account.byKind.error === 0, `${account.byKind.error} "something went wrong" replies`);
    ctx.check('every event acknowledged (HTTP 200)', account.rejectedPosts === 0, `${account.rejectedPosts} not acknowledged`);
    ctx.check('the run was not cut short', !run.cutShort);
    await spec.after?.(ctx, { events: run.events, account, injectedAt });
    const code = await bot.stop();
    ctx.check('the bot stops cleanly (exit 0)', code === 0, `exit ${code}`);
    const lat = latencies(run.events);
    return {
      name,
      fault: spec.fault,
      asked: account.events,
      replies: account.replies,
      lost: account.lost,
      duplicates: account.duplicates,
      byKind: account.byKind,
      latencyMs: { p50: Math.round(percentile(lat, 50)), p95: Math.round(percentile(lat, 95)), max: Math.round(Math.max(...lat)) },
      checks,
      evidence,
      pass: checks.every((c) => c.ok),
    };
  } catch (error) {
    checks.push({ what: 'scenario ran to the end', ok: false, detail: error instanceof Error ? error.message.split('\n').slice(0, 4).join(' | ') : String(error) });
    return { name, fault: spec.fault, asked: 0, replies: 0, lost: 0, duplicates: 0, byKind: { answer: 0, no_sources: 0, rate_limited: 0, busy: 0, error: 0 }, latencyMs: { p50: 0, p95: 0, max: 0 }, checks, evidence, pass: false };
  } finally {
    bot?.kill();
    await api.close();
    scratch.remove();
  }
}

/** Settings every scenario's bot gets: the fake Slack, a fresh store, free ports, info logs, limits out of the way. */
function baseSettings(api: FakeSlackWebApi, storePath: string): Record<string, string | undefined> {
  return {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: api.apiUrl,
    PORT: '0',
    HEALTH_PORT: '0',
    STORE_PATH: storePath,
    LOG_LEVEL: 'info',
    KNOWLEDGE_DIR: process.env.KNOWLEDGE_DIR,
    INDEX_DIR: process.env.INDEX_DIR,
    CACHE_DIR: process.env.CACHE_DIR,
    RATE_LIMIT_USER_PER_MINUTE: '1000000',
    RATE_LIMIT_CHANNEL_PER_MINUTE: '1000000',
  };
}

/** The index folder the bots use (INDEX_DIR or the package's .index/). */
function sharedIndexDir(): string {
  return loadConfig({ INDEX_DIR: process.env.INDEX_DIR, KNOWLEDGE_DIR: process.env.KNOWLEDGE_DIR, CACHE_DIR: process.env.CACHE_DIR }).indexDir;
}

function copyIndex(to: string): string {
  const from = sharedIndexDir();
  if (!existsSync(join(from, 'manifest.json'))) throw new Error(`no index at ${from}: run \`npm run ingest\` first`);
  const dir = join(to, 'index');
  cpSync(from, dir, { recursive: true });
  return dir;
}

function garbleFiles(dir: string): void {
  for (const name of readdirSync(dir)) writeFileSync(join(dir, name), randomBytes(512));
}

/** Starts a bot that is expected to fail; returns its exit code and output. */
async function failingStart(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  try {
    const bot = await BotProcess.start(env, { maxSeconds: 60, readyTimeoutMs: 60_000 });
    await bot.stop();
    return { code: 0, output: 'started' };
  } catch (error) {
    const e = error as { exitCode?: number | null; stderr?: string; message: string };
    return { code: e.exitCode ?? null, output: e.stderr ?? e.message };
  }
}

const SCENARIOS: Record<string, ScenarioSpec> = {
  'store-deleted': {
    fault: 'the SQLite store file (and its -wal/-shm) deleted while serving',
    track: { storeDown: /question store unavailable/ },
    inject(ctx) {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${ctx.storePath}${suffix}`, { force: true });
    },
    async after(ctx) {
      const health = await ctx.bot.health();
      ctx.check('/healthz reports store: false (ok: true)', health.store === false && health.ok, JSON.stringify(health));
      ctx.check('one warning "question store unavailable"', ctx.bot.log.count('storeDown') === 1, `${ctx.bot.log.count('storeDown')} lines`);
      ctx.evidence(brief(ctx.bot.log.matching(/question store unavailable/)[0]));
    },
  },

  'store-corrupted': {
    fault: 'random bytes written over the SQLite store file (3,000 questions already on disk) while serving',
    track: { storeDown: /question store unavailable/ },
    before(_dir, storePath) {
      mkdirSync(join(storePath, '..'), { recursive: true });
      const seed = openStore({ path: storePath, retentionDays: 90 });
      for (let i = 0; i < 3000; i++) {
        seed.recordQuestion({ id: randomUUID(), ts: Date.now(), platform: 'slack', conversationId: `c${i}`, userId: `u${i}`, question: `seed question ${i} ${randomUUID()}`, outcome: 'answered', citedSections: ['A › B'], latencyMs: 5 });
      }
      seed.close();
    },
    inject(ctx) {
      writeFileSync(ctx.storePath, randomBytes(statSync(ctx.storePath).size));
    },
    async after(ctx, run) {
      const health = await ctx.bot.health();
      ctx.check('the running store notices the damage: /healthz store: false', health.store === false, JSON.stringify(health));
      ctx.check('the running store notices the damage: one warning "question store unavailable"', ctx.bot.log.count('storeDown') === 1, `${ctx.bot.log.count('storeDown')} lines`);
      if (health.store) ctx.evidence(`${run.events.length - run.injectedAt} questions were answered after the damage and "recorded" without complaint (SQLite appended them to its WAL from cached pages); they are lost with the file`);
      ctx.evidence(brief(ctx.bot.log.matching(/question store unavailable/)[0]));
      // A restart on the damaged file: the bot must come up (store disabled) and answer.
      await ctx.bot.stop();
      const api = await FakeSlackWebApi.start();
      const traffic = new SlackTraffic(api);
      const again = await BotProcess.start(botEnv(baseSettings(api, ctx.storePath)), { maxSeconds: 120 });
      try {
        const run = await traffic.run({ port: again.slackPort, signingSecret: SIGNING_SECRET, conversations: 5, questions: 50, users: 5, channels: 1, replyTimeoutMs: 30_000, redeliverEvery: 0, deadline: Date.now() + 60_000, tag: 'RESTART' });
        await sleep(500);
        const account = traffic.account(run.events);
        const health = await again.health();
        ctx.check('restarted on the damaged file: serves, store: false', health.store === false && account.lost === 0 && account.duplicates === 0, `${account.events} asked, ${account.lost} lost, health ${JSON.stringify(health)}`);
        ctx.evidence(`restart: ${brief(again.log.matching(/question store unavailable/)[0])}`);
      } finally {
        await again.stop();
        await api.close();
      }
    },
  },

  'llm-down': {
    fault: 'LLM_PROVIDER=openai at the fake OpenAI server, which is stopped mid-run; then a bot whose endpoint refuses connections from the start',
    track: { llmFault: /"event":"llm_fault"/, fallback: /"outcome":"fallback_unavailable"/, generated: /"outcome":"generated"/ },
    async env(dir) {
      const fake = new FakeOpenAIServer({ defaultReply: groundedReply });
      llmServers.set(dir, fake);
      return llmEnv(await fake.start());
    },
    async inject(ctx) {
      await llmServers.get(ctx.dir)?.stop();
    },
    async after(ctx, run) {
      const answered = run.events.filter((e) => e.kind === 'answer' || e.kind === 'no_sources').length;
      ctx.check('answers were generated before the outage', ctx.bot.log.count('generated') > 0, `${ctx.bot.log.count('generated')} generated`);
      ctx.check('after the outage, answers fall back to guide quotes (logged as fallback_unavailable)', ctx.bot.log.count('fallback') > 0, `${ctx.bot.log.count('fallback')} fallbacks, ${ctx.bot.log.count('llmFault')} llm_fault warnings, ${answered} replies`);
      const after = run.events.slice(run.injectedAt + 60).filter((e) => e.repliedAt !== undefined);
      const slowest = Math.max(...after.map((e) => e.repliedAt! - e.postedAt));
      ctx.evidence(`slowest reply after the outage: ${Math.round(slowest)} ms (LLM_DEADLINE_MS 5000, LLM_TIMEOUT_MS 2000, 1 retry)`);
      ctx.evidence(brief(ctx.bot.log.matching(/"event":"llm_fault"/).at(-1)));
      // A bot whose endpoint refuses connections from the start.
      await ctx.bot.stop();
      const api = await FakeSlackWebApi.start();
      const traffic = new SlackTraffic(api);
      const refused = await BotProcess.start(botEnv({ ...baseSettings(api, join(ctx.dir, 'refused.db')), ...llmEnv(await refusedBaseURL()) }), { maxSeconds: 120 });
      try {
        const r = await traffic.run({ port: refused.slackPort, signingSecret: SIGNING_SECRET, conversations: 10, questions: 100, users: 10, channels: 1, replyTimeoutMs: 30_000, redeliverEvery: 0, deadline: Date.now() + 90_000, tag: 'REFUSED' });
        await sleep(500);
        const account = traffic.account(r.events);
        const withNote = api.callsTo('chat.postMessage').filter((c) => JSON.stringify(c.body).includes(NOTE_UNAVAILABLE.slice(0, 40))).length;
        ctx.check('endpoint refused from the start: bot starts, every question answered once, with the "unavailable" note', account.lost === 0 && account.duplicates === 0 && withNote > 0, `${account.events} asked, ${account.lost} lost, ${withNote} replies carry the note, p95 ${Math.round(percentile(latencies(r.events), 95))} ms`);
      } finally {
        await refused.stop();
        await api.close();
      }
    },
  },

  'index-garbage': {
    fault: 'every file of the index folder overwritten with random bytes while serving; then a restart',
    async env(dir) {
      return { INDEX_DIR: copyIndex(dir) };
    },
    inject(ctx) {
      garbleFiles(join(ctx.dir, 'index'));
    },
    async after(ctx, run) {
      const post = run.events.slice(run.injectedAt + 60);
      const checked = post.filter((e) => e.correct !== undefined);
      ctx.check('after the damage, answers are still right (served from memory)', checked.length > 0 && checked.filter((e) => e.correct).length / checked.length > 0.9, `${checked.filter((e) => e.correct).length}/${checked.length} checked answers right`);
      for (const rebuild of ['false', 'true']) {
        const api = await FakeSlackWebApi.start();
        const failed = await failingStart(botEnv({ ...baseSettings(api, join(ctx.dir, `restart-${rebuild}.db`)), INDEX_DIR: join(ctx.dir, 'index'), INDEX_AUTO_REBUILD: rebuild }));
        await api.close();
        const line = failed.output.split('\n').find((l) => l.startsWith('error')) ?? failed.output.split('\n')[0] ?? '';
        ctx.check(`restart (INDEX_AUTO_REBUILD=${rebuild}) fails with a message naming \`career-advisor ingest\``, failed.code === 1 && /INDEX_CORRUPT/.test(failed.output) && failed.output.includes('career-advisor ingest'), `exit ${failed.code}: ${line.slice(0, 200)}`);
      }
    },
  },

  'index-unreadable': {
    fault: 'chmod 000 on the index folder while serving; then a restart (as an ordinary user: root ignores chmod)',
    async env(dir) {
      return { INDEX_DIR: copyIndex(dir) };
    },
    inject(ctx) {
      chmodSync(join(ctx.dir, 'index'), 0o000);
    },
    async after(ctx, run) {
      const post = run.events.slice(run.injectedAt + 60).filter((e) => e.correct !== undefined);
      ctx.check('after chmod 000, answers are still right (served from memory)', post.length > 0 && post.filter((e) => e.correct).length / post.length > 0.9, `${post.filter((e) => e.correct).length}/${post.length} checked answers right`);
      for (const rebuild of ['false', 'true']) {
        const attempt = restartUnreadable(ctx.dir, rebuild);
        ctx.check(`restart (INDEX_AUTO_REBUILD=${rebuild}) fails with a message naming \`career-advisor ingest\``, attempt.clear, attempt.summary);
      }
      chmodSync(join(ctx.dir, 'index'), 0o755);
    },
  },

  'slack-429': {
    fault: 'chat.postMessage answers 429 with retry-after: 2 for the next 30 calls',
    track: { rateLimited: /API Call failed due to rate limiting/ },
    inject(ctx) {
      ctx.api.failNext('chat.postMessage', { status: 429, retryAfterSec: 2, times: 30 });
    },
    after(ctx, run) {
      const refused = ctx.api.callsTo('chat.postMessage').filter((c) => c.status === 429).length;
      ctx.check('all 30 injected 429s were hit and retried', refused === 30, `${refused} × 429`);
      const plain = run.events.length - ctx.api.callsTo('chat.postMessage').filter((c) => c.status === 200 && c.body.blocks !== undefined).length;
      ctx.evidence(`${ctx.bot.log.count('rateLimited')} "API Call failed due to rate limiting. Will retry in 2 seconds." log lines; ${Math.max(0, plain)} replies degraded to plain text`);
    },
  },

  'slack-500': {
    fault: 'chat.postMessage answers HTTP 500 for the next 30 calls',
    inject(ctx) {
      ctx.api.failNext('chat.postMessage', { status: 500, times: 30 });
    },
    after(ctx, run) {
      const failed = ctx.api.callsTo('chat.postMessage').filter((c) => c.status === 500).length;
      ctx.check('all 30 injected 500s were hit and retried', failed === 30, `${failed} × 500`);
      const plain = run.events.length - ctx.api.callsTo('chat.postMessage').filter((c) => c.status === 200 && c.body.blocks !== undefined).length;
      ctx.evidence(`${Math.max(0, plain)} replies degraded to plain text (WebClient retries with back-off first)`);
    },
  },

  'slack-refuses': {
    fault: 'chat.postMessage answers ok: false, error: channel_not_found (a permanent refusal, not retried) for 3 s',
    track: { couldNotPost: /could not post the reply in .*channel_not_found/ },
    replyTimeoutMs: 8000,
    async inject(ctx) {
      ctx.traffic.refuse = 'channel_not_found';
      await sleep(3000);
      ctx.traffic.refuse = undefined;
    },
    loggedLosses: (ctx) => ctx.bot.log.count('couldNotPost'),
    after(ctx) {
      ctx.check('some replies were refused during the window', ctx.traffic.refused > 0, `${ctx.traffic.refused} posts refused`);
      ctx.evidence(brief(ctx.bot.log.matching(/could not post the reply/)[0]));
    },
  },
};

const llmServers = new Map<string, FakeOpenAIServer>();

/** A pino JSON log line in a few words: level, message, and the fields that explain it. */
function brief(line: string | undefined): string {
  if (!line) return '(no log line)';
  try {
    const entry = JSON.parse(line) as Record<string, unknown> & { err?: { type?: string; message?: string } };
    const level = ({ 30: 'info', 40: 'warn', 50: 'error' } as Record<number, string>)[Number(entry.level)] ?? String(entry.level);
    const fields = ['operation', 'event', 'fault', 'status', 'call', 'retry_in_ms', 'outcome']
      .filter((k) => entry[k] !== undefined)
      .map((k) => `${k}=${String(entry[k])}`);
    if (entry.err) fields.push(`err=${entry.err.type ?? ''}: ${entry.err.message ?? ''}`);
    return `${level}: "${String(entry.msg)}"${fields.length ? ` (${fields.join(', ')})` : ''}`;
  } catch {
    return line.slice(0, 300);
  }
}

/**
 * Starts the built CLI (`career-advisor start`) as the unprivileged user "nobody" on the unreadable
 * index (chmod 000). As root, chmod does not stop reads, so that needs setpriv and a built dist/;
 * as an ordinary user the CLI runs as that user.
 */
function restartUnreadable(dir: string, rebuild: string): { clear: boolean; summary: string } {
  const cli = join(REPO_ROOT, 'dist', 'adapters', 'cli', 'main.js');
  if (!existsSync(cli)) return { clear: false, summary: 'dist/ not built (npm run build)' };
  const root = process.getuid?.() === 0;
  const work = join(dir, `unreadable-${rebuild}`);
  mkdirSync(work, { recursive: true });
  const index = join(work, 'index');
  const { indexDir, cacheDir } = loadConfig({ INDEX_DIR: process.env.INDEX_DIR, CACHE_DIR: process.env.CACHE_DIR, KNOWLEDGE_DIR: process.env.KNOWLEDGE_DIR });
  cpSync(indexDir, index, { recursive: true });
  // The embedding cache, so a rebuild takes seconds rather than re-embedding the guide.
  if (existsSync(cacheDir)) cpSync(cacheDir, join(work, 'cache'), { recursive: true });
  if (root) {
    // "nobody" must be able to enter the scenario folder and own its copy.
    chownSync(dir, 65534, 65534);
    chownRecursive(work, 65534, 65534);
  }
  chmodSync(index, 0o000);
  const env = { PATH: process.env.PATH ?? '', HOME: work, INDEX_DIR: index, CACHE_DIR: join(work, 'cache'), INDEX_AUTO_REBUILD: rebuild, STORE_PATH: join(work, 'store.db'), SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: 'http://127.0.0.1:9/api/', PORT: '0', HEALTH_PORT: '0', LOG_LEVEL: 'warn' };
  const command = root ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, cli, 'start']] : [process.execPath, [cli, 'start']];
  const result = spawnSync(command[0] as string, command[1] as string[], { env, encoding: 'utf8', timeout: 120_000, cwd: work });
  const output = `${result.stderr ?? ''}${result.stdout ?? ''}`;
  const leftovers = readdirSync(work).filter((n) => n.startsWith('index.old-') || n.startsWith('index.tmp-'));
  const first = output.split('\n').filter((l) => l.trim() !== '').slice(0, 3).join(' | ');
  for (const name of readdirSync(work)) if (name.startsWith('index')) chmodSync(join(work, name), 0o755);
  if (result.error) return { clear: false, summary: `could not run: ${result.error.message}` };
  const names = output.includes('career-advisor ingest');
  const summary = `${root ? 'as nobody via setpriv, ' : ''}exit ${result.status}: ${first.slice(0, 260)}${leftovers.length ? ` [left behind: ${leftovers.join(', ')}]` : ''}`;
  return { clear: result.status === 1 && names && !/\n\s+at /.test(output), summary };
}

function chownRecursive(path: string, uid: number, gid: number): void {
  chownSync(path, uid, gid);
  if (statSync(path).isDirectory()) for (const name of readdirSync(path)) chownRecursive(join(path, name), uid, gid);
}

function render(outcomes: Outcome[]): string {
  const header = ['scenario', 'asked', 'replies', 'lost', 'dup', 'p50 ms', 'p95 ms', 'max ms', 'result'];
  const rows = outcomes.map((o) => [o.name, String(o.asked), String(o.replies), String(o.lost), String(o.duplicates), String(o.latencyMs.p50), String(o.latencyMs.p95), String(o.latencyMs.max), o.pass ? 'PASS' : 'FAIL']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const details = outcomes.flatMap((o) => [
    '',
    `${o.name}: ${o.fault}`,
    ...o.checks.map((c) => `  ${c.ok ? 'ok  ' : 'FAIL'} ${c.what}${c.detail ? ` — ${c.detail}` : ''}`),
    ...o.evidence.map((e) => `  log  ${e}`),
  ]);
  return [line(header), ...rows.map(line), ...details].join('\n');
}

async function main(): Promise<number> {
  const flags = parseFlags(process.argv.slice(2));
  if (flags.has('help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const names = flags.has('only') ? String(flags.get('only')).split(',') : Object.keys(SCENARIOS);
  const unknown = names.filter((n) => !(n in SCENARIOS));
  if (unknown.length > 0) {
    process.stderr.write(`unknown scenario(s): ${unknown.join(', ')}\n\n${USAGE}\n`);
    return 2;
  }
  const timeoutS = intFlag(flags, 'timeout-s', 900);
  const settings: Settings = { conversations: intFlag(flags, 'conversations', 20), questions: intFlag(flags, 'questions', 600), deadline: Date.now() + timeoutS * 1000 };
  const watchdog = setTimeout(() => {
    say(`time limit of ${timeoutS} s reached; stopping`);
    process.exit(2);
  }, timeoutS * 1000 + 60_000);
  watchdog.unref();

  const outcomes: Outcome[] = [];
  for (const name of names) {
    if (Date.now() > settings.deadline) break;
    say(`${name}: starting`);
    const outcome = await runScenario(name, SCENARIOS[name]!, settings);
    say(`${name}: ${outcome.pass ? 'PASS' : 'FAIL'}`);
    outcomes.push(outcome);
  }
  process.stdout.write(flags.get('json') === true ? `${JSON.stringify(outcomes, null, 2)}\n` : `${render(outcomes)}\n`);
  return outcomes.length === names.length && outcomes.every((o) => o.pass) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`faults failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
