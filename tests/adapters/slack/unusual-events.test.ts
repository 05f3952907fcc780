import { LogLevel } from '@slack/bolt';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CareerAdvisor } from '../../../src/core/index.js';
import { createRateLimiter } from '../../../src/limits/index.js';
import { AdvisorService } from '../../../src/service/index.js';
import { UNREADABLE_TEXT } from '../../../adapters/slack/handlers/messages.js';
import { openTestAdvisor, testConfig } from '../../helpers/test-advisor.js';
import { FAKE_IDS, appMentionEvent, eventCallback, jsonBody, postSignedToApp } from '../../fakes/slack/index.js';
import { realCommands, SIGNING_SECRET, startHttpHarness, type SlackHarness } from './harness.js';

let advisor: CareerAdvisor;
let h: SlackHarness;

beforeAll(async () => {
  advisor = await openTestAdvisor();
});

afterEach(async () => {
  await h?.close();
});

describe('mentions without a readable text or channel', () => {
  it('a mention whose text is not a string gets a polite reply in its thread', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor) });
    const mention = appMentionEvent();
    const event = { ...mention, text: { not: 'a string' } };

    const response = await postSignedToApp(h.port, jsonBody(eventCallback(event as never)), SIGNING_SECRET);

    expect(response.status).toBe(200);
    const [reply] = h.api.callsTo('chat.postMessage');
    expect(reply?.body).toMatchObject({ channel: FAKE_IDS.channelId, thread_ts: mention.ts, text: UNREADABLE_TEXT });
    expect(h.commands.requests).toHaveLength(0);
  });

  it('a mention without a channel is ignored with one log line, and the next question is answered', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor) });
    const { channel: _channel, ...event } = appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> What is a CPC?` });

    const response = await postSignedToApp(h.port, jsonBody(eventCallback(event as never)), SIGNING_SECRET);

    expect(response.status).toBe(200);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(0);
    expect(h.logger.entries.filter((e) => e.level === LogLevel.WARN && e.message.includes('without a channel'))).toHaveLength(1);
    await postSignedToApp(h.port, jsonBody(eventCallback(appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> What is a CPC?` }))), SIGNING_SECRET);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
  });
});

describe('the per-channel rate limit', () => {
  it('counts mentions per channel, even when each one starts its own thread', async () => {
    const config = testConfig();
    // The shipped channel limit (60 per minute, a fixed window opened by the first mention): the 80
    // mentions arrive well within the minute, so exactly 20 are refused.
    const limiter = createRateLimiter({ perUser: { points: 1000, durationSeconds: 60 }, perChannel: { points: 60, durationSeconds: 60 } });
    const service = new AdvisorService({ config, commands: realCommands(advisor), limiter });
    h = await startHttpHarness({ advisor, commands: service });

    for (let i = 0; i < 80; i++) {
      const event = appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> What is a CPC?`, user: `U0USER${i}` });
      await postSignedToApp(h.port, jsonBody(eventCallback(event)), SIGNING_SECRET);
    }

    // 60 answers in their threads; the 20 refused askers are told privately (chat.postEphemeral), never in the channel.
    const replies = h.api.callsTo('chat.postMessage').map((c) => String(c.body.text));
    expect(replies).toHaveLength(60);
    expect(replies.filter((t) => /very busy/.test(t))).toEqual([]);
    expect(new Set(h.commands.requests.map((r) => r.conversationId)).size).toBe(80);
    expect(h.commands.requests.every((r) => r.channelId === FAKE_IDS.channelId)).toBe(true);
    const limited = h.api.callsTo('chat.postEphemeral').map((c) => String(c.body.text));
    expect(limited.filter((t) => /This channel is very busy/.test(t))).toHaveLength(20);
  });
});
