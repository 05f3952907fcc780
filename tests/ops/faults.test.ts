import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningSlackApp } from '../../adapters/slack/index.js';
import { startSlackApp } from '../../adapters/slack/index.js';
import { LogLevel } from '@slack/bolt';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig, type Config } from '../../src/config/index.js';
import { NOTE_UNAVAILABLE } from '../../src/llm/index.js';
import { BotRuntime, createLogger } from '../../src/service/index.js';
import { openStore } from '../../src/store/index.js';
import { groundedReply, llmEnv } from '../../scripts/ops/fake-llm.js';
import { REPO_ROOT, tempDir, withSharedUseCache } from '../helpers/guide-files.js';
import { FakeOpenAIServer, refusedBaseURL } from '../fakes/openai/index.js';
import {
  FAKE_IDS,
  FakeSlackWebApi,
  appMentionEvent,
  createRecordingLogger,
  eventCallback,
  jsonBody,
  postSignedToApp,
  type RecordedApiCall,
  type RecordingLogger,
} from '../fakes/slack/index.js';

/**
 * Faults while the bot is serving Slack: the real BotRuntime (store, PHI guard, limits, queue,
 * metrics, /healthz) and the real Bolt HTTP app with production client settings (Web API retries
 * on, ack before answering), the USE-lite index, signed mentions in, a fake Web API out. In every
 * case each question gets exactly one reply, or the failure is logged in words an operator can act on.
 * Longer scenarios under load: scripts/ops/faults.ts.
 */
const SECRET = 'faults-test-signing-secret';
const CLI = join(REPO_ROOT, 'dist', 'adapters', 'cli', 'main.js');
const IS_ROOT = process.getuid?.() === 0;

let work: string;
let cacheDir: string;
let indexDir: string;

beforeAll(async () => {
  work = tempDir('career-advisor-faults-');
  indexDir = join(work, 'index');
  await withSharedUseCache(async (dir) => {
    cacheDir = dir;
    // Builds the USE-lite index once (vectors come from the run's shared cache when another file made them).
    const runtime = await BotRuntime.open(loadConfig({ INDEX_DIR: indexDir, CACHE_DIR: dir, STORE_PATH: ':memory:', HEALTH_PORT: '0', LOG_LEVEL: 'silent' }));
    await runtime.close();
  });
}, 180_000);

/** pino JSON lines the runtime wrote, parsed. */
class LogLines {
  readonly entries: Array<Record<string, unknown>> = [];
  write(line: string): void {
    this.entries.push(JSON.parse(line) as Record<string, unknown>);
  }
  at(level: 'warn' | 'error'): Array<Record<string, unknown>> {
    return this.entries.filter((e) => e.level === (level === 'warn' ? 40 : 50));
  }
}

interface Serving {
  config: Config;
  runtime: BotRuntime;
  slack: RunningSlackApp;
  api: FakeSlackWebApi;
  logs: LogLines;
  slackLog: RecordingLogger;
  /** Mentions the bot with each text at once (a thread each) and resolves with the replies, one per question. */
  ask(...texts: string[]): Promise<RecordedApiCall[]>;
  /** chat.postMessage calls that reached the fake (status 200) in `threadTs`. */
  repliesIn(threadTs: string): RecordedApiCall[];
  close(): Promise<void>;
}

const running: Serving[] = [];
const llmFakes: FakeOpenAIServer[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.close();
  for (const fake of llmFakes.splice(0)) await fake.stop();
});

async function serve(env: Record<string, string> = {}): Promise<Serving> {
  const api = await FakeSlackWebApi.start();
  const logs = new LogLines();
  const slackLog = createRecordingLogger();
  const config = loadConfig({
    INDEX_DIR: indexDir,
    CACHE_DIR: cacheDir,
    INDEX_AUTO_REBUILD: 'false',
    STORE_PATH: join(tempDir('career-advisor-faults-store-'), 'store.db'),
    HEALTH_PORT: '0',
    PORT: '0',
    SLACK_BOT_TOKEN: 'xoxb-faults-test',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: api.apiUrl,
    LOG_LEVEL: 'info',
    // Answers on the main thread, so the LLM's fault lines reach this test's logger (a worker logs to stderr itself).
    WORKER_THREADS: '0',
    ...env,
  });
  const runtime = await BotRuntime.open(config, { logger: createLogger(config, logs) });
  // Production settings: no clientOptions (WebClient's default retries), Bolt acks before the answer is written.
  const slack = await startSlackApp({ config, advisor: runtime.advisor, commands: runtime.commands, logger: slackLog });
  const repliesIn = (threadTs: string) => api.callsTo('chat.postMessage').filter((c) => c.status === 200 && c.body.thread_ts === threadTs);
  const serving: Serving = {
    config,
    runtime,
    slack,
    api,
    logs,
    slackLog,
    repliesIn,
    async ask(...texts) {
      const events = texts.map((text) => appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> ${text}`, user: `U0${randomUUID().slice(0, 8).toUpperCase()}` }));
      const statuses = await Promise.all(events.map((event) => postSignedToApp(slack.port!, jsonBody(eventCallback(event)), SECRET).then((r) => r.status)));
      expect(statuses).toEqual(texts.map(() => 200));
      return Promise.all(events.map((event) => api.waitForCall('chat.postMessage', (c) => c.status === 200 && c.body.thread_ts === event.ts, 25_000)));
    },
    async close() {
      await slack.stop();
      await runtime.close();
      await api.close();
    },
  };
  running.push(serving);
  return serving;
}

/** Each reply's thread holds exactly that one reply, once late retries and duplicates had time to arrive. */
async function expectOneReplyEach(s: Serving, replies: RecordedApiCall[]): Promise<void> {
  await new Promise((r) => setTimeout(r, 300));
  for (const reply of replies) expect(s.repliesIn(String(reply.body.thread_ts))).toHaveLength(1);
}

const text = (call: RecordedApiCall) => JSON.stringify(call.body);
// Questions for the guide (a credential named alone, "what is COC", now shows its card without the model).
const QUESTIONS = ['How much do entry-level coders make?', 'Which credential is for medical auditing work?', 'Which AHIMA certification is for hospital inpatient coding?', 'Who offers the CBCS credential?', 'Is the COC credential for outpatient coding?'];
const FACTS = ['$28,000', 'Certified Professional Medical Auditor', 'CCS', 'National Healthcare Association', 'outpatient'];

function expectAnswers(replies: RecordedApiCall[]): void {
  replies.forEach((reply, i) => expect(text(reply)).toContain(FACTS[i % FACTS.length]));
}

describe('the question store fails while serving', () => {
  it('deleted mid-run: every question is still answered once; the store turns unhealthy with one clear warning', async () => {
    const s = await serve();
    expectAnswers(await s.ask(QUESTIONS[0]!));
    expect(s.runtime.commands.health().store).toBe(true);

    for (const suffix of ['', '-wal', '-shm']) rmSync(`${s.config.storePath}${suffix}`, { force: true });
    const replies = await s.ask(...QUESTIONS);

    expectAnswers(replies);
    await expectOneReplyEach(s, replies);
    const health = await (await fetch(`http://127.0.0.1:${s.runtime.health.port}/healthz`)).json();
    expect(health).toMatchObject({ ok: true, store: false });
    const warnings = s.logs.at('warn').filter((w) => String(w.msg).includes('question store unavailable'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ operation: 'recordQuestion', msg: 'question store unavailable; questions and feedback will not be recorded until restart' });
    expect(JSON.stringify(warnings[0]!.err)).toContain('database file is missing');
    expect(s.logs.at('error')).toEqual([]);
  });

  it('garbage written over it mid-run: answers go on; the store notices, gives up with one warning; a restart on the file still serves', async () => {
    // A store with a few thousand questions already on disk (checkpointed), like one that has run for a while.
    const storePath = join(tempDir('career-advisor-faults-store-'), 'store.db');
    const seed = openStore({ path: storePath, retentionDays: 90 });
    for (let i = 0; i < 3000; i++) {
      seed.recordQuestion({ id: randomUUID(), ts: Date.now(), platform: 'slack', conversationId: `c${i}`, userId: `u${i}`, question: `seed question ${i} ${randomUUID()}`, outcome: 'answered', citedSections: ['A › B'], latencyMs: 5 });
    }
    seed.close();
    const s = await serve({ STORE_PATH: storePath });
    expectAnswers(await s.ask(QUESTIONS[0]!));

    writeFileSync(storePath, randomBytes(statSync(storePath).size));
    // Each round's inserts read index pages not yet cached; a bounded few rounds reach a damaged one.
    for (let round = 0; round < 4 && s.runtime.commands.health().store; round++) {
      const replies = await s.ask(...QUESTIONS);
      expectAnswers(replies);
      await expectOneReplyEach(s, replies);
    }
    expect(s.runtime.commands.health().store).toBe(false);
    const warning = s.logs.at('warn').find((w) => String(w.msg).includes('question store unavailable'));
    // The header check catches the overwrite on the next write; SQLite's own errors are the fallback.
    expect(JSON.stringify(warning?.err)).toMatch(/overwritten|malformed|not a database/);
    await s.close();
    running.splice(running.indexOf(s), 1);

    const restarted = await serve({ STORE_PATH: storePath });
    expect(restarted.runtime.commands.health().store).toBe(false);
    expect(restarted.logs.at('warn').find((w) => String(w.msg).includes('question store unavailable'))).toMatchObject({ operation: 'open' });
    // The inbox lives in the same file: it is unavailable too, and says so once (its warning may follow the store's by a moment).
    const inboxWarnings = () => restarted.logs.at('warn').filter((w) => String(w.msg).includes('question inbox unavailable'));
    await vi.waitFor(() => expect(inboxWarnings().length).toBeGreaterThan(0), { timeout: 5_000 });
    expect(inboxWarnings()).toHaveLength(1);
    expectAnswers(await restarted.ask(...QUESTIONS.slice(0, 2)));
  });
});

describe('the language model endpoint goes away', () => {
  it('stopped mid-run: answers fall back to quotes from the guide, with a note, within LLM_DEADLINE_MS', async () => {
    const fake = new FakeOpenAIServer({ defaultReply: groundedReply });
    llmFakes.push(fake);
    const s = await serve(llmEnv(await fake.start()));
    const [generated] = await s.ask(QUESTIONS[1]!);
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(text(generated!)).toContain('Certified Professional Medical Auditor');
    expect(text(generated!)).not.toContain('quoted directly from the guide');
    // The first post may be the streamed answer in progress; the record is written when it is complete.
    await vi.waitFor(() => expect(s.logs.entries.find((e) => e.event === 'llm_answer')).toMatchObject({ outcome: 'generated' }), { timeout: 10_000 });

    await fake.stop();
    const started = performance.now();
    const replies = await s.ask(...QUESTIONS);
    expect(performance.now() - started).toBeLessThan(Number(s.config.LLM_DEADLINE_MS) + 3000);
    expectAnswers(replies);
    for (const reply of replies) expect(text(reply)).toContain(NOTE_UNAVAILABLE.slice(0, 30));
    await expectOneReplyEach(s, replies);
    // Each failed call is a warning with its kind (connection refused); each answer says it fell back.
    expect(s.logs.at('warn').filter((w) => w.event === 'llm_fault').map((w) => w.fault)).toContain('connection');
    expect(s.logs.entries.filter((e) => e.event === 'llm_answer' && e.outcome === 'fallback_unavailable')).toHaveLength(QUESTIONS.length);
  });

  it('refused from the start (nothing listening): the bot starts and answers from the guide with the note', async () => {
    const s = await serve(llmEnv(await refusedBaseURL()));
    const replies = await s.ask(...QUESTIONS.slice(0, 3));
    expectAnswers(replies);
    for (const reply of replies) expect(text(reply)).toContain(NOTE_UNAVAILABLE.slice(0, 30));
    await expectOneReplyEach(s, replies);
  });
});

describe('the index on disk is damaged', () => {
  /** A private copy of the index for a test that damages it. */
  function indexCopy(): string {
    const dir = join(tempDir('career-advisor-faults-index-'), 'index');
    cpSync(indexDir, dir, { recursive: true });
    return dir;
  }

  it('garbage over every index file: a running bot keeps answering from memory; a restart fails naming `career-advisor ingest`', async () => {
    const dir = indexCopy();
    const s = await serve({ INDEX_DIR: dir });
    expectAnswers(await s.ask(QUESTIONS[0]!));

    for (const name of readdirSync(dir)) writeFileSync(join(dir, name), randomBytes(512));
    const replies = await s.ask(...QUESTIONS);
    expectAnswers(replies);
    await expectOneReplyEach(s, replies);

    // Even with auto-rebuild on, a damaged index is never silently replaced.
    const config = loadConfig({ INDEX_DIR: dir, CACHE_DIR: cacheDir, INDEX_AUTO_REBUILD: 'true', STORE_PATH: ':memory:', HEALTH_PORT: '0', LOG_LEVEL: 'silent' });
    await expect(BotRuntime.open(config)).rejects.toMatchObject({ code: 'INDEX_CORRUPT', message: expect.stringContaining('Run `career-advisor ingest` to rebuild the index.') });
  });

  it('`career-advisor start` on a damaged index exits 1 with the fix in its one-line error', () => {
    expect(existsSync(CLI), 'run `npm run build` first').toBe(true);
    const dir = indexCopy();
    for (const name of readdirSync(dir)) writeFileSync(join(dir, name), randomBytes(512));
    const result = spawnSync(process.execPath, [CLI, 'start'], {
      env: { PATH: process.env.PATH, INDEX_DIR: dir, CACHE_DIR: cacheDir, STORE_PATH: join(work, 'cli-store.db'), SLACK_BOT_TOKEN: 'xoxb-faults-test', SLACK_SIGNING_SECRET: SECRET, PORT: '0', HEALTH_PORT: '0', LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^error \[INDEX_CORRUPT\]: The index manifest .*manifest\.json is unreadable/m);
    expect(result.stderr).toContain('→ Run `career-advisor ingest` to rebuild the index.');
  });

  // chmod 000 does not stop root from reading, so this runs only for an ordinary user.
  it.skipIf(IS_ROOT)('an unreadable index folder (chmod 000): start-up fails naming `career-advisor ingest`', async () => {
    const dir = indexCopy();
    chmodSync(dir, 0o000);
    try {
      const config = loadConfig({ INDEX_DIR: dir, CACHE_DIR: cacheDir, INDEX_AUTO_REBUILD: 'false', STORE_PATH: ':memory:', HEALTH_PORT: '0', LOG_LEVEL: 'silent' });
      await expect(BotRuntime.open(config)).rejects.toMatchObject({ message: expect.stringContaining('career-advisor ingest') });
    } finally {
      chmodSync(dir, 0o755);
    }
  });
});

describe('the Slack Web API fails', () => {
  it('429 with retry-after: the client waits as told and every reply arrives once', async () => {
    const s = await serve();
    s.api.failNext('chat.postMessage', { status: 429, retryAfterSec: 1, times: 3 });
    const started = performance.now();
    const replies = await s.ask(...QUESTIONS.slice(0, 3));
    expect(performance.now() - started).toBeGreaterThanOrEqual(1000);
    expectAnswers(replies);
    await expectOneReplyEach(s, replies);
    expect(s.api.callsTo('chat.postMessage').filter((c) => c.status === 429)).toHaveLength(3);
    // Retried with the blocks, not degraded to plain text.
    for (const reply of replies) expect(reply.body.blocks).toBeDefined();
    expect(s.slackLog.has(LogLevel.INFO, 'rate limiting')).toBe(true);
  });

  it('500s: the client retries with back-off and every reply arrives once', async () => {
    const s = await serve();
    s.api.failNext('chat.postMessage', { status: 500, times: 2 });
    const replies = await s.ask(...QUESTIONS.slice(0, 2));
    expectAnswers(replies);
    await expectOneReplyEach(s, replies);
    expect(s.api.callsTo('chat.postMessage').filter((c) => c.status === 500)).toHaveLength(2);
    expect(s.logs.at('error')).toEqual([]);
  }, 40_000);

  it('a post Slack refuses for good (ok: false) is logged with the reason, and the next question is answered', async () => {
    const s = await serve();
    s.api.setHandler('chat.postMessage', () => ({ ok: false, error: 'channel_not_found' }));
    const event = appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> ${QUESTIONS[0]}` });
    await postSignedToApp(s.slack.port!, jsonBody(eventCallback(event)), SECRET);
    await expect.poll(() => s.slackLog.entries.map((e) => e.message).join('\n'), { timeout: 10_000 }).toMatch(/could not post the reply in C0GENERAL: channel_not_found/);
    // Tried with blocks, then as plain text, then gave up: two attempts, no retry storm.
    expect(s.api.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === event.ts)).toHaveLength(2);

    s.api.setHandler('chat.postMessage', () => ({ ok: true, channel: 'C0GENERAL', ts: `${Date.now() / 1000}` }));
    expectAnswers(await s.ask(QUESTIONS[0]!));
  });
});
