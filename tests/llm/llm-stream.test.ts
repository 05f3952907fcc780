import { describe, expect, it } from 'vitest';
import { composeExtractiveAnswer } from '../../src/answer/index.js';
import { ABSTENTION_TEXT, isStreamingWriter, NOTE_UNAVAILABLE, NOTE_UNVERIFIED, STREAM_ABSTENTION } from '../../src/llm/index.js';
import { FakeOpenAIServer, type ChatCompletionRequest } from '../fakes/openai/index.js';
import { excerptId, RecordingLogger, systemText, timed, useScriptedLlm, writerFor } from './llm-test-kit.js';

const fake = new FakeOpenAIServer();
const QUESTION = 'How much does an entry-level clinical coding specialist earn?';
const session = useScriptedLlm(fake, QUESTION);

/** A streamed reply whose tokens cite the salary excerpt by the id the prompt gave it. */
const salaryStream = (tokenDelayMs = 0) => (request: ChatCompletionRequest) => {
  const id = excerptId(request, 'Compensation Overview');
  return { stream: ['Entry-level ', 'coders ', 'earn ', '$28,000-$35,000 ', 'annually ', '[', `${id}`, '].'], tokenDelayMs };
};

/** Collects tokens with their arrival times. */
function sink(): { tokens: string[]; at: number[]; onToken: (t: string) => void } {
  const tokens: string[] = [];
  const at: number[] = [];
  return { tokens, at, onToken: (t) => void (tokens.push(t), at.push(performance.now())) };
}


describe('LLM writer streaming', () => {
  it('delivers tokens in order as they arrive, markers renumbered on the fly, then the verified answer', async () => {
    fake.enqueue(salaryStream(40));
    const { tokens, at, onToken } = sink();
    const writer = writerFor(fake);
    expect(isStreamingWriter(writer)).toBe(true);

    const answer = await writer.writeStream(QUESTION, session.retrieval, [], onToken);
    const finished = performance.now();

    expect(tokens).toEqual(['Entry-level ', 'coders ', 'earn ', '$28,000-$35,000 ', 'annually ', '[1].']);
    expect(answer).toMatchObject({ text: 'Entry-level coders earn $28,000-$35,000 annually [1].', abstained: false, streamed: true });
    expect(answer.citations).toEqual([
      expect.objectContaining({ n: 1, section: 'Salary and Compensation › Compensation Overview', quote: 'Entry-Level (0-2 years): $28,000-$35,000 annually' }),
    ]);
    // Incremental: the first token was shown long before the stream ended (8 chunks, 40 ms apart).
    expect(finished - at[0]!).toBeGreaterThan(150);
    expect(at).toEqual([...at].sort((a, b) => a - b));

    const request = fake.lastChatRequest();
    expect(request).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(request.response_format).toBeUndefined();
    expect(systemText(request)).toContain(`reply exactly: ${STREAM_ABSTENTION}`);
  });

  it('reports the token usage of the stream', async () => {
    fake.enqueue((request) => ({ ...salaryStream()(request), usage: { prompt_tokens: 812, completion_tokens: 9 } }));
    const logger = new RecordingLogger();
    const answer = await writerFor(fake, {}, { logger }).writeStream(QUESTION, session.retrieval, [], () => {});
    expect(answer.usage).toEqual({ input_tokens: 812, output_tokens: 9, total_tokens: 821 });
    expect(logger.events('llm_answer')[0]).toMatchObject({ mode: 'stream', outcome: 'generated', input_tokens: 812, output_tokens: 9, total_tokens: 821 });
  });

  it('a streamed answer citing an excerpt that was not provided is replaced by the fallback', async () => {
    fake.enqueue({ stream: ['Coders ', 'earn ', '$90,000 ', '[9].'] });
    const { tokens, onToken } = sink();
    const answer = await writerFor(fake).writeStream(QUESTION, session.retrieval, [], onToken);
    expect(tokens.join('')).toBe('Coders earn $90,000 [9].');
    expect(answer).toMatchObject({ text: composeExtractiveAnswer(session.retrieval).text, notes: [NOTE_UNVERIFIED], streamed: false });
  });

  it('a streamed abstention becomes the standard abstention', async () => {
    fake.enqueue({ stream: ["The guide doesn't ", 'cover this.'] });
    const answer = await writerFor(fake).writeStream('What is the capital of Peru?', session.retrieval, [], () => {});
    expect(answer).toMatchObject({ text: ABSTENTION_TEXT, abstained: true, citations: [], streamed: false });
  });

  it('retries a fault that happens before any token, then streams', async () => {
    fake.enqueue({ status: 500 }, salaryStream());
    const { tokens, onToken } = sink();
    const answer = await writerFor(fake).writeStream(QUESTION, session.retrieval, [], onToken);
    expect(tokens.join('')).toBe(answer.text);
    expect(answer.streamed).toBe(true);
    expect(fake.chatRequests).toHaveLength(2);
  });

  it('does not retry a stream that broke after tokens were shown; the fallback replaces them', async () => {
    fake.enqueue({ stream: ['Entry-level ', 'coders ', 'earn ', '$28,000'], dropAfterTokens: 2 });
    const { tokens, onToken } = sink();
    const { value: answer, ms } = await timed(() => writerFor(fake).writeStream(QUESTION, session.retrieval, [], onToken));
    expect(tokens).toEqual(['Entry-level ', 'coders ']);
    expect(answer).toMatchObject({ text: composeExtractiveAnswer(session.retrieval).text, notes: [NOTE_UNAVAILABLE], streamed: false });
    expect(fake.chatRequests).toHaveLength(1);
    expect(ms).toBeLessThan(500);
  });

  it('a stalled stream times out (silence longer than LLM_TIMEOUT_MS) and falls back', async () => {
    fake.enqueue(
      (request) => ({ ...salaryStream(2_000)(request) }),
      (request) => ({ ...salaryStream(2_000)(request) }),
    );
    const { tokens, onToken } = sink();
    const { value: answer, ms } = await timed(() => writerFor(fake, { LLM_TIMEOUT_MS: '200' }).writeStream(QUESTION, session.retrieval, [], onToken));
    expect(tokens).toEqual([]);
    expect(answer).toMatchObject({ notes: [NOTE_UNAVAILABLE], streamed: false });
    expect(ms).toBeLessThan(1_200);
  });

  it('a slow but steady stream is not cut by LLM_TIMEOUT_MS (the timer restarts on every token)', async () => {
    fake.enqueue(salaryStream(120));
    const answer = await writerFor(fake, { LLM_TIMEOUT_MS: '300' }).writeStream(QUESTION, session.retrieval, [], () => {});
    expect(answer).toMatchObject({ streamed: true, abstained: false });
    expect(answer.notes).toBeUndefined();
  });

  it('empty and malformed streams are retried as faults, then fall back', async () => {
    fake.enqueue({ empty: true }, { malformed: true });
    const answer = await writerFor(fake).writeStream(QUESTION, session.retrieval, [], () => {});
    expect(answer).toMatchObject({ notes: [NOTE_UNAVAILABLE], streamed: false });
    expect(fake.chatRequests).toHaveLength(2);
  });

  it('a throwing token sink does not break the answer', async () => {
    fake.enqueue(salaryStream());
    const answer = await writerFor(fake).writeStream(QUESTION, session.retrieval, [], () => {
      throw new Error('adapter bug');
    });
    expect(answer).toMatchObject({ text: 'Entry-level coders earn $28,000-$35,000 annually [1].', streamed: true });
  });
});
