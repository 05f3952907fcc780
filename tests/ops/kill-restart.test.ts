import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groundedReply } from '../../scripts/ops/fake-llm.js';
import { FakeDiscord, route, type RecordedRequest } from '../fakes/discord/index.js';
import { FakeOpenAIServer } from '../fakes/openai/index.js';
import { FAKE_IDS, FakeSlackWebApi, appMentionEvent, eventCallback, jsonBody, postSignedToApp } from '../fakes/slack/index.js';
import { describeWithService, services, uniquePrefix } from '../helpers/services.js';
import { freePort, startCliBot, until, type CliBot } from './cli-bot.js';

/**
 * "Acknowledged means durable", end to end: the built CLI (real Bolt / discord.js, the SQLite inbox
 * in the store file) with a language model that takes seconds to answer. A question is
 * acknowledged, the bot is killed with SIGKILL before it replies, a new process starts on the same
 * store, and the question is answered exactly once, in its original thread.
 */
const SECRET = 'kill-restart-signing-secret';
const MODEL_DELAY_MS = 4000;

let work: string;
let llm: FakeOpenAIServer;
let bots: CliBot[];

beforeEach(async () => {
  work = mkdtempSync(join(tmpdir(), 'career-advisor-kill-'));
  llm = new FakeOpenAIServer({ defaultReply: (request) => ({ ...groundedReply(request), delayMs: MODEL_DELAY_MS }) });
  bots = [];
});

afterEach(async () => {
  for (const bot of bots) bot.kill();
  await Promise.all(bots.map((b) => b.exited));
  await llm.stop();
  rmSync(work, { recursive: true, force: true });
});

async function settings(extra: Record<string, string>): Promise<Record<string, string>> {
  return {
    STORE_PATH: join(work, 'store.db'),
    INDEX_AUTO_REBUILD: 'false',
    HEALTH_PORT: '0',
    LOG_LEVEL: 'info',
    LLM_PROVIDER: 'openai',
    OPENAI_BASE_URL: await llm.start(),
    OPENAI_API_KEY: 'fake-key',
    LLM_TIMEOUT_MS: '15000',
    LLM_DEADLINE_MS: '20000',
    LLM_MAX_RETRIES: '0',
    // One answer worker: the pool is exercised, and two bots starting on a shared machine stay quick.
    WORKER_THREADS: '1',
    ...extra,
  };
}

function launch(args: string[], env: Record<string, string>): CliBot {
  const bot = startCliBot(args, env);
  bots.push(bot);
  return bot;
}

async function killNow(bot: CliBot): Promise<void> {
  bot.kill('SIGKILL');
  await bot.exited;
}

describe('kill -9 after a Slack mention was acknowledged', () => {
  let api: FakeSlackWebApi;
  beforeEach(async () => {
    api = await FakeSlackWebApi.start();
  });
  afterEach(async () => {
    await api.close();
  });

  it('the restarted bot answers it exactly once, in the original thread; a later redelivery is not answered again', async () => {
    const port = await freePort();
    const env = await settings({ SLACK_BOT_TOKEN: 'xoxb-kill-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: api.apiUrl, PORT: String(port) });
    const first = launch(['slack'], env);
    const event = appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> How much do entry-level coders make?` });
    const body = jsonBody(eventCallback(event));
    const ack = await until(async () => {
      const r = await postSignedToApp(port, body, SECRET);
      return r.status === 200 ? r : undefined;
    }, 90_000, () => `the first bot (${first.output()})`);
    expect(ack.status).toBe(200);
    // The model is still thinking: kill the bot before it can reply.
    await until(async () => (llm.requests.some((r) => r.path.endsWith('/chat/completions')) ? true : undefined), 20_000, 'the model request');
    await killNow(first);
    const inThread = (c: { body: Record<string, unknown> }) => c.body.thread_ts === event.ts;
    expect(api.callsTo('chat.postMessage').filter(inThread)).toHaveLength(0);

    const second = launch(['slack'], env);
    const reply = await api.waitForCall('chat.postMessage', inThread, 90_000);
    expect(reply.body.channel).toBe(event.channel);
    await until(async () => (api.callsTo('chat.update').length > 0 || JSON.stringify(reply.body).includes('$28,000') ? true : undefined), 30_000, 'the final answer');
    // Slack retries the delivery it never saw answered: acknowledged, not answered again.
    const retry = await postSignedToApp(port, body, SECRET, { retryNum: 1, retryReason: 'http_timeout' });
    expect(retry.status).toBe(200);
    await new Promise((r) => setTimeout(r, MODEL_DELAY_MS + 1500));
    expect(api.callsTo('chat.postMessage').filter(inThread), second.output()).toHaveLength(1);
    const final = JSON.stringify([...api.callsTo('chat.update'), ...api.callsTo('chat.postMessage').filter(inThread)].map((c) => c.body));
    expect(final).toContain('$28,000');
    expect(second.output()).toMatch(/answering 1 question\(s\) acknowledged before the restart/);
  }, 240_000);
});

describe('kill -9 after a Discord mention was taken on', () => {
  let discord: FakeDiscord;
  beforeEach(async () => {
    discord = new FakeDiscord();
  });
  afterEach(async () => {
    await discord.stop();
  });

  it('the restarted bot replies to it exactly once', async () => {
    await killedMentionIsAnsweredOnce(discord, {});
  }, 240_000);

  describeWithService('Redis', services.redisUrl, 'with REDIS_URL (inbox and event claims in Redis, state shared with the answer worker)', (redisUrl) => {
    it('the restarted bot replies to it exactly once', async () => {
      await killedMentionIsAnsweredOnce(discord, { REDIS_URL: redisUrl, REDIS_PREFIX: uniquePrefix('kill-restart') });
    }, 240_000);
  });

  it('a deferred /ask is answered after the restart in its "thinking…" reply, exactly once', async () => {
    const { apiUrl } = await discord.start();
    const env = await settings({ DISCORD_TOKEN: 'fake-discord-token', DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_API_BASE: apiUrl });
    const first = launch(['discord'], env);
    await until(async () => (discord.gateway.sessionCount > 0 ? true : undefined), 90_000, () => `discord login (${first.output()})`);
    const interaction = discord.chatInputInteraction({ name: 'ask', options: { question: 'Which AHIMA certification is for hospital inpatient coding?' } });
    await discord.dispatch('INTERACTION_CREATE', interaction);
    await discord.waitForRequest((r: RecordedRequest) => r.method === 'POST' && r.path === `/interactions/${interaction.id}/${interaction.token}/callback`, 20_000);
    await until(async () => (llm.requests.some((r) => r.path.endsWith('/chat/completions')) ? true : undefined), 20_000, 'the model request');
    await killNow(first);
    const edits = () => discord.findRequests((r: RecordedRequest) => r.method === 'PATCH' && r.path === `/webhooks/${discord.applicationId}/${interaction.token}/messages/@original`);
    const before = edits().length;

    const second = launch(['discord'], env);
    await until(async () => (edits().length > before ? true : undefined), 90_000, () => `the edited reply (${second.output()})`);
    await new Promise((r) => setTimeout(r, MODEL_DELAY_MS + 1500));
    const after = edits().slice(before);
    expect(after, second.output()).toHaveLength(1);
    expect(JSON.stringify(after[0]!.body)).toMatch(/\bCCS\b/);
    second.kill('SIGTERM');
    await second.exited;
  }, 240_000);
});

/** A Discord mention taken on, the bot killed while the model thinks, a new bot on the same store (and Redis, if set). */
async function killedMentionIsAnsweredOnce(discord: FakeDiscord, extra: Record<string, string>): Promise<void> {
  const { apiUrl } = await discord.start();
  const env = await settings({ DISCORD_TOKEN: 'fake-discord-token', DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_API_BASE: apiUrl, ...extra });
  const first = launch(['discord'], env);
  await until(async () => (discord.gateway.sessionCount > 0 ? true : undefined), 90_000, () => `discord login (${first.output()})`);
  const message = discord.messageCreate({ content: `<@${discord.bot.id}> Which AHIMA certification is for hospital inpatient coding?` });
  await discord.dispatch('MESSAGE_CREATE', message);
  // "typing…" shows once the question is recorded and taken on; the model then takes seconds.
  await discord.waitForRequest(route('POST', '/channels/:id/typing'), 20_000);
  await until(async () => (llm.requests.some((r) => r.path.endsWith('/chat/completions')) ? true : undefined), 20_000, 'the model request');
  await killNow(first);
  const replies = () => discord.findRequests((r: RecordedRequest) => r.method === 'POST' && /\/channels\/[^/]+\/messages$/.test(r.path) && (r.body as { message_reference?: { message_id?: string } }).message_reference?.message_id === message.id);
  expect(replies()).toHaveLength(0);

  const second = launch(['discord'], env);
  await until(async () => (replies().length > 0 ? true : undefined), 90_000, () => `the reply (${second.output()})`);
  await new Promise((r) => setTimeout(r, MODEL_DELAY_MS + 1500));
  expect(replies(), second.output()).toHaveLength(1);
  const edits = discord.findRequests((r: RecordedRequest) => r.method === 'PATCH' && r.path.includes('/messages/'));
  expect(JSON.stringify([...replies(), ...edits].map((r) => r.body))).toMatch(/\bCCS\b/);
  second.kill('SIGTERM');
  await second.exited;
}
