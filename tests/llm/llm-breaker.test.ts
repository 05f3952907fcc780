import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { NOTE_UNAVAILABLE } from '../../src/llm/index.js';
import { BotRuntime, createLogger } from '../../src/service/index.js';
import { groundedReply, llmEnv } from '../../scripts/ops/fake-llm.js';
import { tempDir, withSharedUseCache } from '../helpers/guide-files.js';
import { FakeOpenAIServer } from '../fakes/openai/index.js';

/**
 * The circuit breaker in the running bot (BotRuntime: advisor, /healthz, /metrics) with the real
 * ChatOpenAI client, the fake OpenAI server stopped mid-run and brought back.
 */
const QUESTION = 'What does CPMA stand for?';
const FAULTS_TO_OPEN = 3;
const COOLDOWN_MS = 1_500;

let indexDir: string;
let cacheDir: string;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  indexDir = join(tempDir('career-advisor-breaker-'), 'index');
  await withSharedUseCache(async (dir) => {
    cacheDir = dir;
    const runtime = await BotRuntime.open(loadConfig({ INDEX_DIR: indexDir, CACHE_DIR: dir, STORE_PATH: ':memory:', HEALTH_PORT: '0', LOG_LEVEL: 'silent' }));
    await runtime.close();
  });
}, 180_000);

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** pino JSON lines, parsed. */
class LogLines {
  readonly entries: Array<Record<string, unknown>> = [];
  write(line: string): void {
    this.entries.push(JSON.parse(line) as Record<string, unknown>);
  }
  events(name: string): Array<Record<string, unknown>> {
    return this.entries.filter((e) => e.event === name);
  }
}

async function startFake(port = 0): Promise<FakeOpenAIServer> {
  const fake = new FakeOpenAIServer({ port, defaultReply: groundedReply });
  await fake.start();
  cleanups.push(() => fake.stop());
  return fake;
}

async function serve(baseURL: string, env: Record<string, string> = {}) {
  const logs = new LogLines();
  const config = loadConfig({
    INDEX_DIR: indexDir,
    CACHE_DIR: cacheDir,
    INDEX_AUTO_REBUILD: 'false',
    STORE_PATH: ':memory:',
    HEALTH_PORT: '0',
    LOG_LEVEL: 'info',
    ...llmEnv(baseURL),
    LLM_MAX_RETRIES: '0',
    LLM_BREAKER_FAULTS: String(FAULTS_TO_OPEN),
    LLM_BREAKER_COOLDOWN_MS: String(COOLDOWN_MS),
    ...env,
  });
  const runtime = await BotRuntime.open(config, { logger: createLogger(config, logs) });
  cleanups.push(() => runtime.close());
  const base = `http://127.0.0.1:${runtime.health.port}`;
  return {
    runtime,
    logs,
    async ask() {
      const started = performance.now();
      const answer = await runtime.advisor.ask(QUESTION);
      return { answer, ms: performance.now() - started };
    },
    async health() {
      const response = await fetch(`${base}/healthz`);
      return { status: response.status, body: (await response.json()) as { ok: boolean; degraded: boolean; llm: { state: string; consecutive_faults: number; opened_total: number } } };
    },
    async metric(name: string): Promise<string[]> {
      const text = await (await fetch(`${base}/metrics`)).text();
      return text.split('\n').filter((line) => line.startsWith(name));
    },
  };
}

describe('circuit breaker for a model that is down', () => {
  it('stopped mid-run: opens after N faults, answers extractively at once, probes after the cool-down and closes', async () => {
    const fake = await startFake();
    const port = Number(new URL(fake.baseURL).port);
    const bot = await serve(fake.baseURL);

    const first = await bot.ask();
    expect(first.answer.notes).toBeUndefined();
    expect(await bot.health()).toMatchObject({ status: 200, body: { ok: true, degraded: false, llm: { state: 'closed', consecutive_faults: 0, opened_total: 0 } } });
    expect(await bot.metric('career_advisor_llm_circuit_state')).toEqual([
      'career_advisor_llm_circuit_state{state="closed"} 1',
      'career_advisor_llm_circuit_state{state="open"} 0',
      'career_advisor_llm_circuit_state{state="half_open"} 0',
    ]);

    await fake.stop();
    for (let i = 0; i < FAULTS_TO_OPEN; i++) {
      const { answer } = await bot.ask();
      expect(answer.notes).toEqual([NOTE_UNAVAILABLE]);
      expect(answer.citations.length).toBeGreaterThan(0);
    }
    expect(bot.logs.events('llm_fault').map((f) => f.fault)).toEqual(Array(FAULTS_TO_OPEN).fill('connection'));
    expect(bot.logs.events('llm_breaker')).toEqual([expect.objectContaining({ state: 'open', consecutive_faults: FAULTS_TO_OPEN, level: 40 })]);
    // Open: still answering (200, ok), but degraded.
    expect(await bot.health()).toMatchObject({ status: 200, body: { ok: true, degraded: true, llm: { state: 'open', opened_total: 1 } } });
    expect(await bot.metric('career_advisor_llm_circuit_state{state="open"}')).toEqual(['career_advisor_llm_circuit_state{state="open"} 1']);
    expect(await bot.metric('career_advisor_llm_circuit_opens')).toContain('career_advisor_llm_circuit_opens 1');

    // While open the model is not called: the fault is circuit_open, not another connection attempt.
    const whileOpen = await bot.ask();
    expect(whileOpen.answer.notes).toEqual([NOTE_UNAVAILABLE]);
    expect(bot.logs.events('llm_fault').at(-1)).toMatchObject({ fault: 'circuit_open' });
    expect(bot.logs.events('llm_answer').at(-1)).toMatchObject({ outcome: 'fallback_unavailable', fault: 'circuit_open', calls: 1 });

    // The model comes back on the same address; after the cool-down one probe closes the breaker.
    const back = await startFake(port);
    const halfOpenBy = performance.now() + COOLDOWN_MS + 2_000;
    while ((await bot.health()).body.llm.state !== 'half_open') {
      expect(performance.now()).toBeLessThan(halfOpenBy);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(back.chatRequests).toHaveLength(0);
    const probe = await bot.ask();
    expect(probe.answer.notes).toBeUndefined();
    expect(back.chatRequests).toHaveLength(1);
    expect(await bot.health()).toMatchObject({ status: 200, body: { degraded: false, llm: { state: 'closed', consecutive_faults: 0, opened_total: 1 } } });
    expect(bot.logs.events('llm_breaker').map((e) => e.state)).toEqual(['open', 'half_open', 'closed']);
  }, 30_000);

  it('a hanging model: each answer waits LLM_TIMEOUT_MS until the breaker opens, then none waits', async () => {
    const fake = await startFake();
    fake.setDefaultReply({ delayMs: 10_000, content: 'never' });
    const bot = await serve(fake.baseURL, { LLM_TIMEOUT_MS: '400' });
    const times: number[] = [];
    for (let i = 0; i < FAULTS_TO_OPEN + 3; i++) {
      const { answer, ms } = await bot.ask();
      expect(answer.notes).toEqual([NOTE_UNAVAILABLE]);
      times.push(ms);
    }
    for (const ms of times.slice(0, FAULTS_TO_OPEN)) expect(ms).toBeGreaterThanOrEqual(390);
    // Open: no call, so no wait for the timeout (the proof is the request count below).
    for (const ms of times.slice(FAULTS_TO_OPEN)) expect(ms).toBeLessThan(390);
    expect(fake.chatRequests).toHaveLength(FAULTS_TO_OPEN);
    console.log(`hanging model, LLM_TIMEOUT_MS=400: answer times (ms) ${times.map((t) => t.toFixed(0)).join(', ')}`);
  }, 30_000);

  it('a probe that fails opens the breaker again for another cool-down', async () => {
    const fake = await startFake();
    const bot = await serve(fake.baseURL, { LLM_BREAKER_FAULTS: '1', LLM_BREAKER_COOLDOWN_MS: '300' });
    fake.setDefaultReply({ status: 503 });
    await bot.ask();
    expect((await bot.health()).body.llm.state).toBe('open');
    await new Promise((r) => setTimeout(r, 400));
    expect((await bot.health()).body.llm.state).toBe('half_open');
    await bot.ask();
    expect((await bot.health()).body.llm).toMatchObject({ state: 'open', opened_total: 2 });
    expect(fake.chatRequests).toHaveLength(2);
  }, 30_000);
});
