import { afterAll, beforeAll, expect, it } from 'vitest';
import { claimAtStart } from '../../adapters/cli/bot-adapters.js';
import { RedisInbox } from '../../src/inbox/index.js';
import { appMentionEvent, eventCallback, FAKE_IDS, FakeSlackWebApi, jsonBody, postSignedToApp } from '../fakes/slack/index.js';
import { describeWithService, services, uniquePrefix } from '../helpers/services.js';
import { blockText } from '../adapters/slack/harness.js';
import { SIGNING_SECRET, startSlackWorker, type SlackWorker } from './workers.js';

/**
 * The durable inbox and the shared state together: with REDIS_URL the inbox is in Redis, so a
 * question acknowledged by a worker that died is answered by another one, even though the dead
 * worker's duplicate-delivery claim for that event is still in Redis.
 */
describeWithService('Redis', services.redisUrl, 'a Slack worker recovers what another one acknowledged, through Redis', (redisUrl) => {
  let api: FakeSlackWebApi;
  const workers: SlackWorker[] = [];
  const env = () => ({ REDIS_URL: redisUrl, REDIS_PREFIX: prefix });
  let prefix: string;

  beforeAll(async () => {
    api = await FakeSlackWebApi.start();
    prefix = uniquePrefix('recovery');
  });

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.close()));
    await api?.close();
  });

  it('answers it once, in its thread, and ignores a late redelivery', async () => {
    const first = await startSlackWorker(api, env(), { inbox: true });
    workers.push(first);
    expect(first.runtime.inbox).toBeInstanceOf(RedisInbox);
    // What the first worker leaves behind when it dies right after the ack: the question in the
    // inbox and the event id claimed against Slack retries.
    const body = eventCallback(appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> How much do entry-level coders make?` }));
    await first.runtime.inbox!.record({ id: `slack:${body.event_id}`, platform: 'slack', payload: { body }, receivedAt: Date.now() });
    expect(await first.runtime.state.setIfAbsent(`slack:event:${body.event_id}`, '1', 60_000)).toBe(true);
    await first.close();
    workers.pop();

    const second = await startSlackWorker(api, env(), { inbox: true });
    workers.push(second);
    const pending = await claimAtStart(second.runtime);
    expect(pending.map((q) => q.id)).toEqual([`slack:${body.event_id}`]);
    await second.app.recover(pending[0]!);
    const redelivered = await postSignedToApp(second.port, jsonBody(body), SIGNING_SECRET, { retryNum: 1 });

    expect(redelivered.status).toBe(200);
    const replies = api.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === body.event.ts);
    expect(replies).toHaveLength(1);
    expect(blockText(replies[0]!) || String(replies[0]!.body.text)).toContain('$28,000');
    expect(await claimAtStart(second.runtime)).toEqual([]);
  });
});
