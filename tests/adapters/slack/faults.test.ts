import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CareerAdvisor } from '../../../src/core/index.js';
import type { CommandHandler } from '../../../src/commands/types.js';
import { CareerAdvisorError, InputError } from '../../../src/errors.js';
import { openTestAdvisor } from '../../helpers/test-advisor.js';
import { appMentionEvent, blockAction, eventCallback, FAKE_IDS, imMessageEvent, jsonBody, postSignedToApp, slashCommand } from '../../fakes/slack/index.js';
import { realCommands, blockText, SIGNING_SECRET, startHttpHarness, type SlackHarness } from './harness.js';

let advisor: CareerAdvisor;
let h: SlackHarness;

beforeAll(async () => {
  advisor = await openTestAdvisor();
});

afterEach(async () => {
  await h?.close();
});

/** A core that fails on every question except the ones containing "works". */
function failingCore(error: unknown = new Error('index file vanished')): CommandHandler {
  const real = realCommands(advisor);
  return {
    async handle(request) {
      if (request.text.includes('works')) return real.handle(request);
      throw error;
    },
  };
}

const mention = (text: string) => jsonBody(eventCallback(appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> ${text}` })));

describe('when the core throws', () => {
  it('replies "sorry" in the mention thread, without internals, and keeps serving', async () => {
    h = await startHttpHarness({ advisor, commands: failingCore() });
    const body = mention('What is a CPC?');

    const response = await postSignedToApp(h.port, body, SIGNING_SECRET);

    expect(response.status).toBe(200);
    const [sorry] = h.api.callsTo('chat.postMessage');
    expect(sorry?.body.thread_ts).toBe(body.payload.event.ts);
    expect(blockText(sorry!)).toMatch(/Sorry — something went wrong/);
    expect(JSON.stringify(sorry!.body)).not.toContain('index file vanished');

    await postSignedToApp(h.port, mention('this one works: what is a CPC?'), SIGNING_SECRET);
    expect(blockText(h.api.callsTo('chat.postMessage')[1]!)).toContain('CPC');
  });

  it('shows a user-fixable error in its own words', async () => {
    h = await startHttpHarness({ advisor, commands: failingCore(new InputError('The question is 5000 characters long; the limit is 1000. Please shorten it.')) });

    await postSignedToApp(h.port, jsonBody(eventCallback(imMessageEvent({ text: 'x'.repeat(50) }))), SIGNING_SECRET);

    const [reply] = h.api.callsTo('chat.postMessage');
    expect(reply?.body.channel).toBe(FAKE_IDS.dmChannelId);
    expect(blockText(reply!)).toContain('the limit is 1000');
  });

  it('answers a failing /career with an ephemeral error', async () => {
    h = await startHttpHarness({ advisor, commands: failingCore(new CareerAdvisorError('BUSY', 'Too many questions right now; try again in 20 seconds.')) });

    const response = await postSignedToApp(h.port, slashCommand({ text: 'What is a CPC?', response_url: h.api.responseUrl('r1') }), SIGNING_SECRET);

    expect(response.status).toBe(200);
    const sent = await h.api.waitForResponse('r1');
    expect(sent.body).toMatchObject({ response_type: 'ephemeral' });
    expect(String(sent.body.text)).toContain('try again in 20 seconds');
  });

  it('apologises privately when recording a vote fails', async () => {
    const broken = { recordFeedback: () => { throw new Error('disk full'); } };
    h = await startHttpHarness({ advisor: broken as unknown as CareerAdvisor, commands: realCommands(advisor) });

    await postSignedToApp(h.port, blockAction({ action_id: 'feedback_up', value: 'some-answer-id', response_url: h.api.responseUrl('vote') }), SIGNING_SECRET);

    const sent = await h.api.waitForResponse('vote');
    expect(sent.body).toMatchObject({ response_type: 'ephemeral' });
    expect(String(sent.body.text)).toMatch(/Sorry/);
  });
});

describe('when Slack fails', () => {
  it('re-sends the answer as plain text when the block message is refused', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor) });
    h.api.failNext('chat.postMessage', { status: 500 });

    await postSignedToApp(h.port, mention('What is a CPC?'), SIGNING_SECRET);

    const posts = h.api.callsTo('chat.postMessage');
    expect(posts.map((p) => p.status)).toEqual([500, 200]);
    expect(posts[1]!.body.blocks).toBeUndefined();
    expect(String(posts[1]!.body.text)).toContain('CPC');
  });

  it('survives when posting fails altogether, and answers the next question', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor) });
    h.api.failNext('chat.postMessage', { status: 500, times: 2 });

    const response = await postSignedToApp(h.port, mention('What is a CPC?'), SIGNING_SECRET);
    await postSignedToApp(h.port, mention('What is a CCS?'), SIGNING_SECRET);

    expect(response.status).toBe(200);
    expect(h.api.callsTo('chat.postMessage').map((p) => p.status)).toEqual([500, 500, 200]);
  });
});
