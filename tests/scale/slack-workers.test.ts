import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appMentionEvent, eventCallback, FAKE_IDS, FakeSlackWebApi, jsonBody, postSignedToApp } from '../fakes/slack/index.js';
import { describeWithService, services, uniquePrefix } from '../helpers/services.js';
import { blockText } from '../adapters/slack/harness.js';
import { SIGNING_SECRET, startSlackWorker, type SlackWorker } from './workers.js';

const mention = (text: string) => `<@${FAKE_IDS.botUserId}> ${text}`;

describeWithService('Redis', services.redisUrl, 'three Slack workers behind a load balancer, one Redis', (redisUrl) => {
  let api: FakeSlackWebApi;
  let workers: SlackWorker[];

  beforeAll(async () => {
    api = await FakeSlackWebApi.start();
    const env = { REDIS_URL: redisUrl, REDIS_PREFIX: uniquePrefix('workers'), RATE_LIMIT_USER_PER_MINUTE: '3' };
    workers = await Promise.all([1, 2, 3].map(() => startSlackWorker(api, env)));
  });

  afterAll(async () => {
    await Promise.all((workers ?? []).map((w) => w.close()));
    await api?.close();
  });

  const send = (worker: SlackWorker, event: Record<string, unknown> & { type: string }, options: { event_id?: string; retryNum?: number } = {}) =>
    postSignedToApp(worker.port, jsonBody(eventCallback(event, { event_id: options.event_id })), SIGNING_SECRET, { retryNum: options.retryNum });
  const postsIn = (threadTs: string) => api.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === threadTs);

  it('listens on three ports', () => {
    expect(new Set(workers.map((w) => w.port)).size).toBe(3);
    expect(workers.every((w) => w.runtime.state.status() === 'ok')).toBe(true);
  });

  it('a retried event that lands on another worker gets no second reply, even when the deliveries race', async () => {
    const user = 'U0RETRY';
    const event = appMentionEvent({ text: mention('Which AHIMA credential is for inpatient coding?'), user });
    const eventId = `Ev-retry-${Date.now()}`;
    expect((await send(workers[0]!, event, { event_id: eventId })).status).toBe(200);
    expect((await send(workers[1]!, event, { event_id: eventId, retryNum: 1 })).status).toBe(200);

    const raced = appMentionEvent({ text: mention('What does a CPC do?'), user: 'U0RACE' });
    const racedId = `Ev-race-${Date.now()}`;
    await Promise.all(workers.map((w, i) => send(w, raced, { event_id: racedId, retryNum: i })));

    expect(postsIn(String(event.ts))).toHaveLength(1);
    expect(postsIn(String(raced.ts))).toHaveLength(1);
    expect(workers[1]!.slackLog.entries.some((e) => e.message.includes(`repeated delivery of event ${eventId}`))).toBe(true);
  });

  it('a thread follow-up on another worker is answered in the thread\'s context', async () => {
    const first = appMentionEvent({ text: mention('Which AHIMA credential is for inpatient coding?'), user: 'U0THREAD' });
    await send(workers[0]!, first);
    const followUp = appMentionEvent({ text: mention('And the one for physician offices?'), user: 'U0THREAD', thread_ts: String(first.ts) });
    await send(workers[1]!, followUp);

    const [, reply] = postsIn(String(first.ts));
    expect(blockText(reply!)).toContain('CCS-P');
    // The second worker read the follow-up with the first worker's question folded in.
    const result = workers[1]!.commands.results.at(-1);
    expect(result?.kind === 'answer' && result.answer.rewritten_question).toContain('inpatient');
  });

  it('a quiz started on one worker and answered at the same instant on the others scores each player once', async () => {
    const start = appMentionEvent({ text: mention('quiz 3'), user: 'U0ALICE' });
    const thread = String(start.ts);
    await send(workers[0]!, start);
    expect(blockText(postsIn(thread)[0]!)).toContain('Question 1 of 3');

    // Bob and Carol answer together, on different workers; Bob's Slack retry reaches the third one.
    const bob = appMentionEvent({ text: mention('A'), user: 'U0BOB', thread_ts: thread });
    const carol = appMentionEvent({ text: mention('B'), user: 'U0CAROL', thread_ts: thread });
    const bobEventId = `Ev-bob-${Date.now()}`;
    await Promise.all([send(workers[1]!, bob, { event_id: bobEventId }), send(workers[2]!, carol), send(workers[0]!, bob, { event_id: bobEventId, retryNum: 1 })]);

    // Each hears privately that the answer is in; nothing is revealed until the question closes.
    const privately = () => api.callsTo('chat.postEphemeral').filter((c) => c.body.thread_ts === thread);
    expect(privately().filter((c) => blockText(c).includes('to question 1 is in'))).toHaveLength(2);
    await send(workers[0]!, appMentionEvent({ text: mention('quiz next'), user: 'U0ALICE', thread_ts: thread }));
    const round = blockText(postsIn(thread).find((c) => blockText(c).includes('Question 1: the answer is'))!);
    expect(round).toContain('<@U0BOB> (A)');
    expect(round).toContain('<@U0CAROL> (B)');
    await send(workers[2]!, appMentionEvent({ text: mention('quiz score'), user: 'U0ALICE', thread_ts: thread }));
    const board = blockText(postsIn(thread).at(-1)!);
    expect(board).toContain('<@U0BOB> — ');
    expect(board).toContain('<@U0CAROL> — ');
    expect(board).toMatch(/<@U0BOB> — \d\/1 correct/);
    expect(board).toMatch(/<@U0CAROL> — \d\/1 correct/);
    // Bob's retried event was not answered a second time ("already answered" would show it was).
    expect([...postsIn(thread), ...privately()].filter((c) => blockText(c).includes('already answered') || String(c.body.text).includes('already answered'))).toHaveLength(0);
  });

  it('per-user rate limits hold across workers', async () => {
    const user = 'U0BUSY';
    const replies: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const event = appMentionEvent({ text: mention(`What does a medical coder do? (${i})`), user });
      await send(workers[i % 3]!, event);
      // An answer goes in the thread; a limit notice only to the asker (chat.postEphemeral), never in the thread.
      const [reply] = [...postsIn(String(event.ts)), ...api.callsTo('chat.postEphemeral').filter((c) => c.body.thread_ts === String(event.ts))];
      replies.push(blockText(reply!) || String(reply!.body.text));
    }
    const limited = replies.filter((r) => r.includes('asking faster than I can keep up'));
    expect(api.callsTo('chat.postMessage').some((c) => String(c.body.text).includes('asking faster'))).toBe(false);
    expect(limited).toHaveLength(2);
    expect(replies.slice(0, 3).every((r) => !r.includes('asking faster'))).toBe(true);
  });
});
