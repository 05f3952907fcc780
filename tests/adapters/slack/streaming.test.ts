import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_EDIT_INTERVAL_MS, STREAM_CURSOR } from '../../../adapters/shared/stream-throttle.js';
import type { CareerAdvisor } from '../../../src/core/index.js';
import { appMentionEvent, eventCallback, FAKE_IDS, jsonBody, postSignedToApp, type RecordedApiCall } from '../../fakes/slack/index.js';
import { FakeOpenAIServer, type ChatCompletionRequest } from '../../fakes/openai/index.js';
import { openTestAdvisor, testConfig } from '../../helpers/test-advisor.js';
import { excerptId, llmEnv } from '../../llm/llm-test-kit.js';
import { blockText, buttons, realCommands, SIGNING_SECRET, startHttpHarness, type SlackHarness } from './harness.js';

const QUESTION = 'How much does an entry-level clinical coding specialist earn?';
const VERIFIED = 'Entry-level coders earn $28,000-$35,000 annually [1].';

/**
 * Ten tokens, 180 ms apart (about 1.6 s, longer than one 1.2 s Slack interval), citing the salary
 * excerpt by the id the prompt gave it.
 */
const salaryStream = (request: ChatCompletionRequest) => ({
  stream: ['Entry-level ', 'coders ', 'earn ', '$28,000', '-$35,000 ', 'annually', ' ', '[', `${excerptId(request, 'Compensation Overview')}`, '].'],
  tokenDelayMs: 180,
});

const openai = new FakeOpenAIServer();
let advisor: CareerAdvisor;
let h: SlackHarness | undefined;

beforeAll(async () => {
  await openai.start();
  advisor = await openTestAdvisor({ config: testConfig(llmEnv(openai.baseURL, { LLM_TIMEOUT_MS: '5000', LLM_DEADLINE_MS: '10000' })) });
});

afterEach(async () => {
  await h?.close();
  h = undefined;
});

afterAll(async () => {
  await openai.stop();
});

describe('Slack: streaming previews with an LLM writer (fake OpenAI)', () => {
  it('a mention posts a placeholder at the first token, updates it throttled, then replaces it with the full blocks', async () => {
    openai.enqueue(salaryStream);
    h = await startHttpHarness({ advisor, commands: realCommands(advisor) });
    const api = h.api;
    // The fake keeps no clock: note when each call first shows up.
    const seen = new Map<RecordedApiCall, number>();
    const sample = () => {
      for (const call of api.calls) if (!seen.has(call)) seen.set(call, performance.now());
    };
    const timer = setInterval(sample, 2);
    const event = appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> ${QUESTION}` });

    const response = await postSignedToApp(h.port, jsonBody(eventCallback(event)), SIGNING_SECRET);
    sample();
    clearInterval(timer);

    expect(response.status).toBe(200);
    const posts = api.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    const [placeholder] = posts;
    expect(placeholder!.body).toMatchObject({ channel: FAKE_IDS.channelId, thread_ts: event.ts });
    expect(placeholder!.body.blocks).toBeUndefined();
    expect(String(placeholder!.body.text).endsWith(STREAM_CURSOR)).toBe(true);

    const updates = api.callsTo('chat.update');
    const final = updates.at(-1)!;
    const previews = updates.slice(0, -1);
    expect(previews.length).toBeGreaterThanOrEqual(1);
    for (const preview of [placeholder!, ...previews]) {
      const text = String(preview.body.text);
      expect(text.endsWith(STREAM_CURSOR)).toBe(true);
      expect(VERIFIED.startsWith(text.slice(0, -STREAM_CURSOR.length))).toBe(true);
      expect(preview.body.blocks).toBeUndefined();
    }
    // The first update already shows more than the placeholder, but not yet everything.
    const firstUpdate = String(previews[0]!.body.text).slice(0, -STREAM_CURSOR.length);
    expect(firstUpdate.length).toBeGreaterThan(String(placeholder!.body.text).length - STREAM_CURSOR.length);
    expect(firstUpdate.length).toBeLessThan(VERIFIED.length);
    // Every update edits the placeholder (same channel and ts).
    const botMessages = api.messages.all.filter((m) => m.channel === FAKE_IDS.channelId && m.bot_id !== undefined);
    expect(botMessages).toHaveLength(1);
    for (const update of updates) expect(update.body).toMatchObject({ channel: FAKE_IDS.channelId, ts: botMessages[0]!.ts });
    expect(botMessages[0]!.blocks).toEqual(final.body.blocks);
    // The final update carries the Block Kit answer with sources and buttons.
    expect(blockText(final)).toContain(VERIFIED.replace(' [1].', ''));
    expect(blockText(final)).toMatch(/\[1\]/);
    expect(blockText(final)).toContain('*Sources*');
    expect(buttons(final).map((b) => b.action_id)).toEqual(['feedback_up', 'feedback_down', 'show_sources']);
    // At most one edit per interval (placeholder post included), a little slack for the sampler.
    const times = [placeholder!, ...updates].map((call) => seen.get(call)!);
    for (let i = 1; i < times.length; i += 1) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(SLACK_EDIT_INTERVAL_MS / 2) // tokens arrive every 180 ms: unthrottled updates would be that close; half the interval leaves room for a loaded machine;
    expect(h.commands.requests[0]?.onToken).toBeTypeOf('function');
    expect(openai.pendingReplies).toBe(0);
  });
});
