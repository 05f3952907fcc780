import { describe, expect, it } from 'vitest';
import { composeExtractiveAnswer } from '../../src/answer/index.js';
import { NOTE_UNAVAILABLE } from '../../src/llm/index.js';
import { FakeOpenAIServer, refusedBaseURL, type ChatCompletionRequest, type ScriptedChat } from '../fakes/openai/index.js';
import { excerptId, RecordingLogger, timed, useScriptedLlm, writerAt, writerFor } from './llm-test-kit.js';

const fake = new FakeOpenAIServer();
const QUESTION = 'How much does an entry-level clinical coding specialist earn?';
const session = useScriptedLlm(fake, QUESTION);

const valid: ScriptedChat = (request: ChatCompletionRequest) => {
  const id = excerptId(request, 'Compensation Overview');
  return { json: { answer: `Entry-level coders earn $28,000-$35,000 annually [${id}].`, cited: [id], abstained: false } };
};

/** Records the waits the writer asks for, without waiting. */
function recordingSleep(): { waits: number[]; sleep: (ms: number) => Promise<void> } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
}

/** The fallback the user gets when the model is unavailable. */
function expectUnavailableFallback(answer: { text: string; notes?: string[]; citations: unknown[] }): void {
  const extractive = composeExtractiveAnswer(session.retrieval);
  expect(answer.text).toBe(extractive.text);
  expect(answer.citations).toEqual(extractive.citations);
  expect(answer.notes).toEqual([NOTE_UNAVAILABLE]);
}


describe('LLM writer faults: bounded retries, then the extractive answer with a note', () => {
  it('timeout (reply slower than LLM_TIMEOUT_MS): retries once, then falls back', async () => {
    fake.enqueue({ delayMs: 5_000, json: {} }, { delayMs: 5_000, json: {} });
    const logger = new RecordingLogger();
    const { value: answer, ms } = await timed(() => writerFor(fake, { LLM_TIMEOUT_MS: '200' }, { logger }).write(QUESTION, session.retrieval, []));
    expectUnavailableFallback(answer);
    expect(fake.chatRequests).toHaveLength(2);
    expect(ms).toBeGreaterThanOrEqual(390);
    expect(ms).toBeLessThan(1_200);
    expect(logger.events('llm_fault').map((f) => f.fault)).toEqual(['timeout', 'timeout']);
    expect(logger.events('llm_answer')[0]).toMatchObject({ outcome: 'fallback_unavailable', fault: 'timeout', calls: 2, retries: 1 });
  });

  it('timeout then success: the retry answers', async () => {
    fake.enqueue({ delayMs: 5_000, json: {} }, valid);
    const answer = await writerFor(fake, { LLM_TIMEOUT_MS: '200' }).write(QUESTION, session.retrieval, []);
    expect(answer).toMatchObject({ text: 'Entry-level coders earn $28,000-$35,000 annually [1].', abstained: false });
    expect(answer.notes).toBeUndefined();
  });

  it('HTTP 429 with retry-after: waits what the server asks, then answers', async () => {
    const { waits, sleep } = recordingSleep();
    fake.enqueue({ status: 429, retryAfter: 2 }, valid);
    const { value: answer, ms } = await timed(() => writerFor(fake, {}, { sleep }).write(QUESTION, session.retrieval, []));
    expect(waits).toEqual([2_000]);
    expect(answer.notes).toBeUndefined();
    expect(answer.citations).toHaveLength(1);
    expect(ms).toBeLessThan(500);
  });

  it('HTTP 429 with retry-after, honoured with a real wait (1 s)', async () => {
    fake.enqueue({ status: 429, retryAfter: 1 }, valid);
    const { value: answer, ms } = await timed(() => writerFor(fake).write(QUESTION, session.retrieval, []));
    expect(answer.notes).toBeUndefined();
    const [first, second] = fake.requests.map((r) => r.receivedAt);
    expect(second! - first!).toBeGreaterThanOrEqual(990);
    expect(ms).toBeLessThan(1_600);
  });

  it('HTTP 429 asking for longer than the cap: no wait, immediate fallback', async () => {
    const { waits, sleep } = recordingSleep();
    fake.enqueue({ status: 429, retryAfter: 30 });
    const { value: answer, ms } = await timed(() => writerFor(fake, {}, { sleep }).write(QUESTION, session.retrieval, []));
    expectUnavailableFallback(answer);
    expect(waits).toEqual([]);
    expect(fake.chatRequests).toHaveLength(1);
    expect(ms).toBeLessThan(300);
  });

  it('HTTP 429 on every try: retries LLM_MAX_RETRIES times, then falls back', async () => {
    const { waits, sleep } = recordingSleep();
    fake.enqueue({ status: 429, retryAfter: 1 }, { status: 429, retryAfter: 1 }, { status: 429, retryAfter: 1 });
    const answer = await writerFor(fake, { LLM_MAX_RETRIES: '2' }, { sleep }).write(QUESTION, session.retrieval, []);
    expectUnavailableFallback(answer);
    expect(waits).toEqual([1_000, 1_000]);
  });

  it('HTTP 429 insufficient_quota is not retried', async () => {
    fake.enqueue({ status: 429, code: 'insufficient_quota', type: 'insufficient_quota' });
    expectUnavailableFallback(await writerFor(fake).write(QUESTION, session.retrieval, []));
    expect(fake.chatRequests).toHaveLength(1);
  });

  it('HTTP 500: retries with backoff, then falls back', async () => {
    const { waits, sleep } = recordingSleep();
    fake.enqueue({ status: 500 }, { status: 500 }, { status: 500 });
    const { value: answer, ms } = await timed(() =>
      writerFor(fake, { LLM_MAX_RETRIES: '2' }, { sleep, backoff: (retry) => 100 * 2 ** retry }).write(QUESTION, session.retrieval, []),
    );
    expectUnavailableFallback(answer);
    expect(waits).toEqual([100, 200]);
    expect(ms).toBeLessThan(500);
  });

  it('HTTP 500 then success', async () => {
    fake.enqueue({ status: 500 }, valid);
    const answer = await writerFor(fake).write(QUESTION, session.retrieval, []);
    expect(answer.notes).toBeUndefined();
    expect(fake.chatRequests).toHaveLength(2);
  });

  it('HTTP 401 (bad key) is not retried', async () => {
    fake.enqueue({ status: 401 });
    expectUnavailableFallback(await writerFor(fake).write(QUESTION, session.retrieval, []));
    expect(fake.chatRequests).toHaveLength(1);
  });

  it('connection refused: retries, then falls back quickly', async () => {
    const logger = new RecordingLogger();
    const { value: answer, ms } = await timed(async () => writerAt(await refusedBaseURL(), {}, { logger }).write(QUESTION, session.retrieval, []));
    expectUnavailableFallback(answer);
    expect(logger.events('llm_fault').map((f) => f.fault)).toEqual(['connection', 'connection']);
    expect(ms).toBeLessThan(1_000);
  });

  it('malformed JSON body: retries, then falls back', async () => {
    fake.enqueue({ malformed: true }, { malformed: true });
    const { value: answer, ms } = await timed(() => writerFor(fake).write(QUESTION, session.retrieval, []));
    expectUnavailableFallback(answer);
    expect(ms).toBeLessThan(500);
  });

  it('content that is not JSON, then empty output: retried as faults, then falls back', async () => {
    fake.enqueue({ content: 'Entry-level coders earn a lot.' }, { empty: true });
    const logger = new RecordingLogger();
    const { value: answer, ms } = await timed(() => writerFor(fake, {}, { logger }).write(QUESTION, session.retrieval, []));
    expectUnavailableFallback(answer);
    expect(logger.events('llm_fault').map((f) => f.fault)).toEqual(['malformed', 'empty']);
    expect(ms).toBeLessThan(500);
  });

  it('empty output then success', async () => {
    fake.enqueue({ empty: true }, valid);
    const answer = await writerFor(fake).write(QUESTION, session.retrieval, []);
    expect(answer.notes).toBeUndefined();
    expect(answer.usage!.total_tokens).toBeGreaterThan(0);
  });

  it('the overall deadline bounds everything, retries and waits included', async () => {
    fake.enqueue({ delayMs: 5_000, json: {} });
    const { value: answer, ms } = await timed(() =>
      writerFor(fake, { LLM_TIMEOUT_MS: '10000', LLM_DEADLINE_MS: '300', LLM_MAX_RETRIES: '5' }).write(QUESTION, session.retrieval, []),
    );
    expectUnavailableFallback(answer);
    expect(ms).toBeGreaterThanOrEqual(290);
    expect(ms).toBeLessThan(800);

    // A retry-after within the cap but beyond the deadline is not waited for.
    const { waits, sleep } = recordingSleep();
    fake.enqueue({ status: 429, retryAfter: 4 });
    expectUnavailableFallback(await writerFor(fake, { LLM_DEADLINE_MS: '1000' }, { sleep }).write(QUESTION, session.retrieval, []));
    expect(waits).toEqual([]);
  });

  it('default backoff: three 500s with LLM_MAX_RETRIES=2 fall back in well under 2 s', async () => {
    fake.enqueue({ status: 500 }, { status: 500 }, { status: 500 });
    const config = { LLM_MAX_RETRIES: '2' };
    const { value: answer, ms } = await timed(() => writerAt(fake.baseURL, config, { backoff: undefined }).write(QUESTION, session.retrieval, []));
    expectUnavailableFallback(answer);
    // ~300 ms + ~600 ms of jittered backoff (±25 %).
    expect(ms).toBeGreaterThanOrEqual(600);
    expect(ms).toBeLessThan(2_000);
  });
});
