import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISCORD_EDIT_INTERVAL_MS, STREAM_CURSOR } from '../../../adapters/shared/stream-throttle.js';
import { route, type FakeDiscord, type RecordedRequest } from '../../fakes/discord/index.js';
import { FakeOpenAIServer, type ChatCompletionRequest } from '../../fakes/openai/index.js';
import { isRewriteRequest } from '../../../scripts/ops/fake-llm.js';
import { excerptId, llmEnv } from '../../llm/llm-test-kit.js';
import { bodyOf, replyTo, startHarness, visibleText, type Harness } from './harness.js';

const QUESTION = 'How much does an entry-level clinical coding specialist earn?';
const VERIFIED = 'Entry-level coders earn $28,000-$35,000 annually [1].';

/** Eight tokens, 150 ms apart, citing the salary excerpt by the id the prompt gave it. */
const salaryStream = (request: ChatCompletionRequest) => ({
  stream: ['Entry-level ', 'coders ', 'earn ', '$28,000-$35,000 ', 'annually ', '[', `${excerptId(request, 'Compensation Overview')}`, '].'],
  tokenDelayMs: 150,
});

/** Notes when each recorded request first appeared (the fake keeps no clock). */
function arrivalClock(fake: FakeDiscord): { at: (r: RecordedRequest) => number; stop: () => void } {
  const seen = new Map<number, number>();
  const sample = () => {
    for (const r of fake.findRequests(() => true)) if (!seen.has(r.index)) seen.set(r.index, performance.now());
  };
  const timer = setInterval(sample, 2);
  return {
    at: (r) => seen.get(r.index) ?? Number.NaN,
    stop: () => {
      sample();
      clearInterval(timer);
    },
  };
}

/** Consecutive edits of one message are at least an interval apart (a little slack for the sampler). */
function expectThrottled(times: number[]): void {
  for (let i = 1; i < times.length; i += 1) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(DISCORD_EDIT_INTERVAL_MS / 2) // tokens arrive every 150 ms: unthrottled edits would be that close; half the interval leaves room for a loaded machine;
}

/** Previews show the start of the answer with a cursor; at least the first is partial. */
function expectPartialPreviews(contents: string[]): void {
  expect(contents.length).toBeGreaterThanOrEqual(1);
  for (const content of contents) {
    expect(content.endsWith(STREAM_CURSOR)).toBe(true);
    expect(VERIFIED.startsWith(content.slice(0, -STREAM_CURSOR.length))).toBe(true);
  }
  expect(contents[0]!.length - STREAM_CURSOR.length).toBeLessThan(VERIFIED.length);
}

describe('Discord bot: streaming previews with an LLM writer (fake OpenAI)', () => {
  const openai = new FakeOpenAIServer();
  let h: Harness;
  beforeAll(async () => {
    await openai.start();
    h = await startHarness({ env: llmEnv(openai.baseURL, { LLM_TIMEOUT_MS: '5000', LLM_DEADLINE_MS: '10000' }) });
  });
  afterAll(async () => {
    await h?.stop();
    await openai.stop();
  });

  it('/ask edits the deferred reply with partial text as tokens arrive, then replaces it with the verified answer', async () => {
    openai.enqueue(salaryStream);
    const clock = arrivalClock(h.fake);
    const interaction = h.fake.chatInputInteraction({ name: 'ask', options: { question: QUESTION } });
    const isEdit = route('PATCH', '/webhooks/:app/:token/messages/@original', (r) => r.path.includes(interaction.token));
    await h.fake.dispatch('INTERACTION_CREATE', interaction);
    const final = await h.fake.waitForRequest((r) => isEdit(r) && (bodyOf(r).embeds ?? []).length > 0, 10_000);
    clock.stop();

    const edits = h.fake.findRequests(isEdit);
    const previews = edits.slice(0, -1);
    expect(edits.at(-1)).toBe(final);
    expect(previews.length).toBeGreaterThanOrEqual(1);
    expectPartialPreviews(previews.map((p) => bodyOf(p).content ?? ''));
    expectThrottled(edits.map(clock.at));
    // The final edit is the normal render, replacing the preview (content cleared).
    const body = bodyOf(final);
    expect(body.content).toBe('');
    expect(body.embeds?.[0]?.description).toContain(VERIFIED);
    expect(visibleText(body)).toMatch(/Sources\n\*\*\[1\]\*\*/);
    expect(openai.chatRequests).toHaveLength(1);
    expect(h.handler.requests.at(-1)?.onToken).toBeTypeOf('function');
  });

  it('a mention sends the reply at the first token, edits it throttled, and the final render edits that same message', async () => {
    // The channel's conversation already has the /ask turn, so the model first rewrites the follow-up.
    openai.enqueue((request) => (isRewriteRequest(request) ? { content: QUESTION } : salaryStream(request)), salaryStream);
    const { fake } = h;
    const clock = arrivalClock(fake);
    const incoming = fake.messageCreate({ content: `<@${fake.bot.id}> ${QUESTION}` });
    await fake.dispatch('MESSAGE_CREATE', incoming);
    const first = await replyTo(fake, incoming.id, 10_000);
    const replyId = (first.response as { id: string }).id;
    const isEdit = route('PATCH', '/channels/:channelId/messages/:messageId', (r) => r.path.endsWith(`/messages/${replyId}`));
    const final = await fake.waitForRequest((r) => isEdit(r) && (bodyOf(r).embeds ?? []).length > 0, 10_000);
    clock.stop();

    expect(bodyOf(first).embeds ?? []).toEqual([]);
    const edits = fake.findRequests(isEdit);
    expect(edits.at(-1)).toBe(final);
    expectPartialPreviews([first, ...edits.slice(0, -1)].map((p) => bodyOf(p).content ?? ''));
    expectThrottled([first, ...edits].map(clock.at));
    expect(bodyOf(final).content).toBe('');
    expect(bodyOf(final).embeds?.[0]?.description).toContain(VERIFIED);
    expect(openai.chatRequests.filter(isRewriteRequest)).toHaveLength(1);
    // Only one reply message: the preview became the answer.
    expect(fake.findRequests(route('POST', '/channels/:id/messages', (r) => r.index > first.index))).toEqual([]);
  });
});
