import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CareerAdvisor } from '../../../src/core/index.js';
import { MemoryInbox, MemoryInboxStorage } from '../../../src/inbox/index.js';
import { openTestAdvisor } from '../../helpers/test-advisor.js';
import { FAKE_IDS, appMentionEvent, eventCallback, imMessageEvent, jsonBody, postSignedToApp } from '../../fakes/slack/index.js';
import { realCommands, SIGNING_SECRET, startHttpHarness, startSocketHarness, type SlackHarness } from './harness.js';

let advisor: CareerAdvisor;
let h: SlackHarness;

beforeAll(async () => {
  advisor = await openTestAdvisor();
});

afterEach(async () => {
  await h?.close();
});

const claimAll = (inbox: MemoryInbox) => inbox.claimPending({ maxAgeMs: 60_000, workerId: 'test', leaseMs: 1 });
const mention = (text: string) => eventCallback(appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> ${text}` }));

describe('the Slack app with a durable inbox', () => {
  it('records a mention before answering it and completes it once the reply is posted', async () => {
    const storage = new MemoryInboxStorage();
    const inbox = new MemoryInbox(storage);
    h = await startHttpHarness({ advisor, commands: realCommands(advisor), inbox });
    const body = mention('What is a CPC?');

    await postSignedToApp(h.port, jsonBody(body), SIGNING_SECRET);

    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
    expect(storage.entries.get(`slack:${body.event_id}`)?.completedAt).toBeTypeOf('number');
    expect(await claimAll(inbox)).toEqual([]);
  });

  it('acknowledges a redelivery of a recorded event without answering it again', async () => {
    const inbox = new MemoryInbox();
    h = await startHttpHarness({ advisor, commands: realCommands(advisor), inbox });
    const body = jsonBody(mention('What is a CPC?'));

    await postSignedToApp(h.port, body, SIGNING_SECRET);
    const retry = await postSignedToApp(h.port, body, SIGNING_SECRET, { retryNum: 1 });

    expect(retry.status).toBe(200);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
    expect(h.commands.requests).toHaveLength(1);
  });

  it('records nothing for an unsigned request (Bolt refuses it) or for a non-question event', async () => {
    const storage = new MemoryInboxStorage();
    h = await startHttpHarness({ advisor, commands: realCommands(advisor), inbox: new MemoryInbox(storage) });

    const unsigned = await postSignedToApp(h.port, jsonBody(mention('What is a CPC?')), 'the-wrong-secret');
    // The bot's own message in a DM: not a question.
    await postSignedToApp(h.port, jsonBody(eventCallback({ ...imMessageEvent({ text: 'an answer' }), bot_id: 'B0BOT' })), SIGNING_SECRET);

    expect(unsigned.status).toBe(401);
    expect(storage.entries.size).toBe(0);
  });

  it('answers a question recovered from the inbox in its original thread, and completes it', async () => {
    const storage = new MemoryInboxStorage();
    const inbox = new MemoryInbox(storage);
    const body = mention('How much do entry-level coders make?');
    await inbox.record({ id: `slack:${body.event_id}`, platform: 'slack', payload: { body }, receivedAt: Date.now() });
    h = await startHttpHarness({ advisor, commands: realCommands(advisor), inbox });

    const [pending] = await claimAll(inbox);
    await h.running.recover(pending!);

    const [reply] = h.api.callsTo('chat.postMessage');
    expect(reply?.body).toMatchObject({ channel: body.event.channel, thread_ts: body.event.ts });
    expect(JSON.stringify(reply?.body)).toContain('$28,000');
    expect(storage.entries.get(pending!.id)?.completedAt).toBeTypeOf('number');
  });
});

describe('Socket Mode with a durable inbox', () => {
  it('records a mention as it arrives and completes it once answered; a recovered delivery is still answered', async () => {
    const storage = new MemoryInboxStorage();
    h = await startSocketHarness({ advisor, commands: realCommands(advisor), inbox: new MemoryInbox(storage) });
    const body = mention('What is a CPC?');

    await h.socket!.waitForAck(h.socket!.sendEvent(body));
    await h.api.waitForCall('chat.postMessage');
    await vi.waitFor(() => expect(storage.entries.get(`slack:${body.event_id}`)?.completedAt).toBeTypeOf('number'));

    // Recovery replays the delivery through the app: it is answered although its id is recorded.
    const recovered = mention('What does CCS stand for?');
    await new MemoryInbox(storage).record({ id: `slack:${recovered.event_id}`, platform: 'slack', payload: { body: recovered }, receivedAt: Date.now() });
    const [pending] = await claimAll(new MemoryInbox(storage));
    await h.running.recover(pending!);
    expect(h.api.callsTo('chat.postMessage').map((c) => c.body.thread_ts)).toEqual([body.event.ts, recovered.event.ts]);
  });
});
