import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectRedisState } from '../../src/state/index.js';
import { appMentionEvent, eventCallback, FAKE_IDS, FakeSlackWebApi, jsonBody, postSignedToApp } from '../fakes/slack/index.js';
import { startDisposableRedis, type DisposableRedis } from '../helpers/redis-server.js';
import { describeWithService, services } from '../helpers/services.js';
import { blockText } from '../adapters/slack/harness.js';
import { healthOf, SIGNING_SECRET, startSlackWorker, type SlackWorker } from './workers.js';

const mention = (text: string) => `<@${FAKE_IDS.botUserId}> ${text}`;

async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// Gated on the CI Redis service because it needs the redis-server binary start-services.sh installs.
describeWithService('Redis', services.redisUrl, 'Redis stopped and restarted under two running Slack workers', () => {
  let redis: DisposableRedis;
  let api: FakeSlackWebApi;
  let workers: SlackWorker[];
  const logs: string[][] = [[], []];

  beforeAll(async () => {
    redis = await startDisposableRedis();
    api = await FakeSlackWebApi.start();
    workers = await Promise.all(logs.map((logLines) => startSlackWorker(api, { REDIS_URL: redis.url }, { logLines })));
  });

  afterAll(async () => {
    await Promise.all((workers ?? []).map((w) => w.close()));
    await api?.close();
    await redis?.stop();
  });

  const send = (worker: SlackWorker, event: Record<string, unknown> & { type: string }, eventId?: string, retryNum?: number) =>
    postSignedToApp(worker.port, jsonBody(eventCallback(event, { event_id: eventId })), SIGNING_SECRET, { retryNum });
  const repliesTo = (event: Record<string, unknown>) => api.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === event.ts);
  const warnings = (lines: string[]) => lines.map((l) => JSON.parse(l) as { level: number; msg: string }).filter((l) => l.level === 40 && l.msg.startsWith('Redis is unreachable'));

  it('keeps answering with one warning per worker, reports degraded, recovers by itself, and never answers twice', async () => {
    const before = appMentionEvent({ text: mention('What does a CPC do?') });
    await send(workers[0]!, before);
    expect(repliesTo(before)).toHaveLength(1);
    expect((await healthOf(workers[0]!)).body).toMatchObject({ ok: true, degraded: false, state: 'ok' });

    await redis.stop();
    const during: Array<ReturnType<typeof appMentionEvent>> = [];
    for (let i = 0; i < 4; i += 1) {
      const event = appMentionEvent({ text: mention(`Which AHIMA credential is for inpatient coding? (${i})`), user: `U0OUT${i}` });
      during.push(event);
      expect((await send(workers[i % 2]!, event, `Ev-outage-${i}`)).status).toBe(200);
    }
    for (const event of during) {
      const [reply] = repliesTo(event);
      expect(blockText(reply!)).toContain('CCS');
    }
    const health = await healthOf(workers[0]!);
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ ok: true, degraded: true, state: 'degraded' });
    expect(warnings(logs[0]!)).toHaveLength(1);
    expect(warnings(logs[1]!)).toHaveLength(1);

    await redis.start();
    await until(async () => (await healthOf(workers[0]!)).body.degraded === false && (await healthOf(workers[1]!)).body.degraded === false);
    expect(logs[0]!.some((l) => l.includes('Redis is reachable again'))).toBe(true);

    // Slack retries an event first delivered during the outage: the worker that took it does not answer again.
    await send(workers[0]!, during[0]!, 'Ev-outage-0', 1);
    expect(repliesTo(during[0]!)).toHaveLength(1);

    // After recovery the workers share state again: a retry on the other worker is dropped.
    const after = appMentionEvent({ text: mention('How long does CPC certification take?') });
    await send(workers[0]!, after, 'Ev-after');
    await send(workers[1]!, after, 'Ev-after', 1);
    expect(repliesTo(after)).toHaveLength(1);
    expect(warnings(logs[0]!)).toHaveLength(1);
  });
});

describeWithService('Redis', services.redisUrl, 'a Redis command that times out on a live connection', () => {
  let redis: DisposableRedis;
  beforeAll(async () => {
    redis = await startDisposableRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('degrades for that moment, with one warning, and is ok again at the next command that succeeds', async () => {
    const warnings: string[] = [];
    const infos: string[] = [];
    const logger = { warn: (_: unknown, msg: string) => void warnings.push(msg), info: (_: unknown, msg: string) => void infos.push(msg) };
    const state = await connectRedisState(redis.url, { commandTimeoutMs: 100, logger });
    const blocker = new Redis(redis.url);
    try {
      void blocker.call('DEBUG', 'SLEEP', '0.4'); // Redis stops answering for 0.4 s; the connection stays up
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await state.setIfAbsent('k', '1', 60_000)).toBe(true); // served from memory meanwhile
      expect(state.status()).toBe('degraded');
      await new Promise((resolve) => setTimeout(resolve, 500));
      await state.set('other', 'x', 60_000);
      expect(state.status()).toBe('ok');
      expect(warnings).toHaveLength(1);
      expect(infos).toEqual(['Redis is reachable again: shared state restored']);
    } finally {
      blocker.disconnect();
      await state.close();
    }
  });
});
