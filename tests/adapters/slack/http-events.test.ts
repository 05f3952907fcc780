import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CareerAdvisor } from '../../../src/core/index.js';
import { openTestAdvisor } from '../../helpers/test-advisor.js';
import { appMentionEvent, eventCallback, FAKE_IDS, imMessageEvent, jsonBody, postSignedToApp } from '../../fakes/slack/index.js';
import { realCommands, blockText, buttons, deferred, SIGNING_SECRET, startHttpHarness, type SlackHarness } from './harness.js';

let advisor: CareerAdvisor;
let h: SlackHarness;

beforeAll(async () => {
  advisor = await openTestAdvisor();
});

afterEach(async () => {
  await h?.close();
});

const mention = (text: string) => `<@${FAKE_IDS.botUserId}> ${text}`;

async function sendEvent(event: Record<string, unknown> & { type: string }, options: { event_id?: string; retryNum?: number } = {}) {
  const body = jsonBody(eventCallback(event, { event_id: options.event_id }));
  return postSignedToApp(h.port, body, SIGNING_SECRET, { retryNum: options.retryNum });
}

describe('app_mention (HTTP mode, real Bolt App)', () => {
  it('replies in a thread under the mention, with mrkdwn answer, sources and feedback buttons', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor) });
    const event = appMentionEvent({ text: mention('Which AHIMA credential is for inpatient coding?') });

    const response = await sendEvent(event);

    expect(response.status).toBe(200);
    const [post] = h.api.callsTo('chat.postMessage');
    expect(post?.token).toBe(h.api.callsTo('auth.test')[0]?.token);
    expect(post?.body).toMatchObject({ channel: FAKE_IDS.channelId, thread_ts: event.ts });
    const text = blockText(post!);
    expect(text).toContain('Certified Coding Specialist (CCS)');
    expect(text).toMatch(/\[1\]/);
    expect(text).toContain('*Sources*');
    expect(text).toContain('clinical-coding-specialist-guide.md');
    expect(String(post!.body.text)).toContain('CCS'); // plain-text fallback
    expect(buttons(post!).map((b) => b.action_id)).toEqual(['feedback_up', 'feedback_down', 'show_sources']);
    // The question reached the core without the bot mention.
    expect(h.commands.requests[0]).toMatchObject({ text: 'Which AHIMA credential is for inpatient coding?', userId: FAKE_IDS.userId, platform: 'slack' });
  });

  it('keeps a thread as one conversation, so a follow-up is understood in context', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor) });
    const first = appMentionEvent({ text: mention('Which AHIMA credential is for inpatient coding?') });
    await sendEvent(first);
    const followUp = appMentionEvent({ text: mention('And the one for physician offices?'), thread_ts: String(first.ts) });

    await sendEvent(followUp);

    const posts = h.api.callsTo('chat.postMessage');
    expect(posts).toHaveLength(2);
    expect(posts[1]!.body.thread_ts).toBe(first.ts);
    expect(blockText(posts[1]!)).toContain('CCS-P');
    const [a, b] = h.commands.requests;
    expect(a!.conversationId).toBe(`slack:${FAKE_IDS.channelId}:${first.ts}`);
    expect(b!.conversationId).toBe(a!.conversationId);
    // The core read the follow-up in the thread's context (it folded in the earlier question).
    const second = h.commands.results[1];
    expect(second?.kind === 'answer' && second.answer.rewritten_question).toContain('inpatient');
  });

  it('answers a follow-up in another thread without that context', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor) });
    await sendEvent(appMentionEvent({ text: mention('Which AHIMA credential is for inpatient coding?') }));
    await sendEvent(appMentionEvent({ text: mention('And the one for physician offices?') }));

    const [a, b] = h.commands.requests;
    expect(b!.conversationId).not.toBe(a!.conversationId);
    const second = h.commands.results[1];
    expect(second?.kind === 'answer' && second.answer.rewritten_question).toBeFalsy();
  });

  it('answers a direct message in the DM, with the DM channel as the conversation', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor) });

    await sendEvent(imMessageEvent({ text: 'What does a CPC certification require?' }));

    const [post] = h.api.callsTo('chat.postMessage');
    expect(post?.body.channel).toBe(FAKE_IDS.dmChannelId);
    expect(post?.body.thread_ts).toBeUndefined();
    expect(blockText(post!)).toMatch(/CPC/);
    expect(h.commands.requests[0]?.conversationId).toBe(`slack:${FAKE_IDS.dmChannelId}`);
  });

  it('ignores bot messages, edits and other subtypes', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor) });

    await sendEvent({ ...imMessageEvent({ text: 'from a bot' }), bot_id: 'B0OTHER' });
    await sendEvent({ ...imMessageEvent({ text: 'edited' }), subtype: 'message_changed' });
    await sendEvent({ ...imMessageEvent({ text: 'joined' }), subtype: 'channel_join' });
    await sendEvent({ ...appMentionEvent({ text: mention('edited question') }), edited: { user: FAKE_IDS.userId, ts: '1.2' } });
    await sendEvent(imMessageEvent({ text: 'my own message', user: FAKE_IDS.botUserId }));

    expect(h.commands.requests).toHaveLength(0);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('does not answer a mention twice in a DM (message.im answers it)', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor) });

    await sendEvent(appMentionEvent({ text: mention('hello'), channel: FAKE_IDS.dmChannelId }));

    expect(h.commands.requests).toHaveLength(0);
  });

  it('answers only in allow-listed channels (telling the user where), DMs always', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor), env: { SLACK_CHANNEL_IDS: 'C0ALLOWED' } });

    await sendEvent(appMentionEvent({ text: mention('What is a CPC?') }));
    await sendEvent(appMentionEvent({ text: mention('What is a CPC?'), channel: 'C0ALLOWED' }));
    await sendEvent(imMessageEvent({ text: 'What is a CPC?' }));

    expect(h.commands.requests.map((r) => r.conversationId.split(':')[1])).toEqual(['C0ALLOWED', FAKE_IDS.dmChannelId]);
    const [notice] = h.api.callsTo('chat.postEphemeral');
    expect(notice?.body).toMatchObject({ channel: FAKE_IDS.channelId, user: FAKE_IDS.userId });
    expect(String(notice?.body.text)).toContain('<#C0ALLOWED>');
  });
});

describe('Slack retries (x-slack-retry-num)', () => {
  it('answers an event once when Slack delivers it again', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor) });
    const event = appMentionEvent({ text: mention('What is a CPC?') });

    const first = await sendEvent(event, { event_id: 'Ev0RETRY1' });
    const retry1 = await sendEvent(event, { event_id: 'Ev0RETRY1', retryNum: 1 });
    const retry2 = await sendEvent(event, { event_id: 'Ev0RETRY1', retryNum: 2 });

    expect([first.status, retry1.status, retry2.status]).toEqual([200, 200, 200]);
    expect(h.commands.requests).toHaveLength(1);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('drops a retry that arrives while the first delivery is still being answered', async () => {
    const gate = deferred();
    const started = deferred();
    const slow = realCommands(advisor);
    h = await startHttpHarness({
      advisor,
      commands: {
        async handle(request) {
          started.resolve();
          await gate.promise;
          return slow.handle(request);
        },
      },
    });
    const event = appMentionEvent({ text: mention('What is a CPC?') });

    const first = sendEvent(event, { event_id: 'Ev0INFLIGHT' });
    await started.promise; // the first delivery is inside the core now
    const retry = await sendEvent(event, { event_id: 'Ev0INFLIGHT', retryNum: 1 });
    gate.resolve();
    await first;

    expect(retry.status).toBe(200);
    expect(h.commands.requests).toHaveLength(1);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('still answers different events with different ids', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor) });

    await sendEvent(appMentionEvent({ text: mention('What is a CPC?') }), { event_id: 'Ev0A' });
    await sendEvent(appMentionEvent({ text: mention('What is a CCS?') }), { event_id: 'Ev0B' });

    expect(h.api.callsTo('chat.postMessage')).toHaveLength(2);
  });
});

describe('HTTP mode without processBeforeResponse (production setting)', () => {
  it('acks the event at once and posts the answer afterwards', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor), processBeforeResponse: false });

    const response = await sendEvent(appMentionEvent({ text: mention('What is a CPC?') }));

    expect(response.status).toBe(200);
    const post = await h.api.waitForCall('chat.postMessage');
    expect(blockText(post)).toContain('CPC');
  });
});
