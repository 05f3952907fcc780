import { HumanMessage, SystemMessage, type AIMessageChunk } from '@langchain/core/messages';
import { concat } from '@langchain/core/utils/stream';
import { ChatOpenAI, OpenAIEmbeddings, type ChatOpenAIFields } from '@langchain/openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { FakeOpenAIServer, fakeEmbedding, promptText, refusedBaseURL } from './openai/index.js';

const fake = new FakeOpenAIServer();

/** A real ChatOpenAI pointed at the fake; no retries unless a test asks for them. */
function chat(fields: ChatOpenAIFields = {}): ChatOpenAI {
  return new ChatOpenAI({ model: 'gpt-4o-mini', maxRetries: 0, ...fake.clientOptions(), ...fields });
}

async function collect(stream: AsyncIterable<AIMessageChunk>): Promise<AIMessageChunk[]> {
  const chunks: AIMessageChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

const cosine = (a: number[], b: number[]): number => a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0);

beforeAll(async () => {
  await fake.start();
});

afterEach(() => {
  expect(fake.pendingReplies, 'every scripted reply should have been consumed').toBe(0);
  fake.reset();
});

afterAll(async () => {
  await fake.stop();
});

describe('fake OpenAI server with the real @langchain/openai ChatOpenAI', () => {
  it('returns scripted content with usage metadata and records the prompt', async () => {
    fake.enqueue({ content: 'Update your resume first.' });

    const reply = await chat().invoke([
      new SystemMessage('Answer from the guides.'),
      new HumanMessage('How do I start a job search?'),
    ]);

    expect(reply.content).toBe('Update your resume first.');
    // Fake tokenizer: one token per word (prompt: 4 + 7 words, completion: 4 words).
    expect(reply.usage_metadata).toMatchObject({ input_tokens: 11, output_tokens: 4, total_tokens: 15 });
    expect(reply.response_metadata).toMatchObject({ finish_reason: 'stop', model_name: 'gpt-4o-mini' });

    const request = fake.lastChatRequest();
    expect(request.stream).toBe(false);
    expect(request.messages).toEqual([
      { role: 'system', content: 'Answer from the guides.' },
      { role: 'user', content: 'How do I start a job search?' },
    ]);
    expect(promptText(request)).toBe('Answer from the guides.\nHow do I start a job search?');
  });

  it('honours scripted usage numbers', async () => {
    fake.enqueue({ content: 'ok', usage: { prompt_tokens: 120, completion_tokens: 7 } });
    const reply = await chat().invoke('q');
    expect(reply.usage_metadata).toMatchObject({ input_tokens: 120, output_tokens: 7, total_tokens: 127 });
  });

  it('streams the scripted tokens in order, then usage', async () => {
    fake.enqueue({ stream: ['Net', 'working', ' helps', '.'], tokenDelayMs: 5 });

    const chunks = await collect(await chat().stream('How do I network?'));

    expect(chunks.map((chunk) => chunk.content).filter((content) => content !== '')).toEqual([
      'Net',
      'working',
      ' helps',
      '.',
    ]);
    const full = chunks.reduce((acc, chunk) => concat(acc, chunk));
    expect(full.content).toBe('Networking helps.');
    expect(full.usage_metadata).toMatchObject({ input_tokens: 4, output_tokens: 4, total_tokens: 8 });
    expect(fake.lastChatRequest()).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('streams plain content word by word', async () => {
    fake.enqueue({ content: 'one two three' });
    const chunks = await collect(await chat().stream('count'));
    expect(chunks.map((chunk) => chunk.content).filter((content) => content !== '')).toEqual(['one ', 'two ', 'three']);
  });

  it('answers withStructuredOutput (default jsonSchema method) via response_format', async () => {
    const Answer = z.object({ answer: z.string(), citations: z.array(z.string()) }).describe('A cited answer');
    fake.enqueue({ json: { answer: 'Tailor it.', citations: ['resume#tailoring'] } });

    const result = await chat().withStructuredOutput(Answer, { name: 'Answer' }).invoke('How to write a resume?');

    expect(result).toEqual({ answer: 'Tailor it.', citations: ['resume#tailoring'] });
    const request = fake.lastChatRequest();
    expect(request.tools).toBeUndefined();
    expect(request.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'Answer', strict: true, schema: { type: 'object', required: ['answer', 'citations'] } },
    });
  });

  it('answers withStructuredOutput (functionCalling method) via a forced tool call', async () => {
    const Answer = z.object({ answer: z.string() });
    fake.enqueue({ json: { answer: 'Yes.' } });

    const result = await chat()
      .withStructuredOutput(Answer, { name: 'Answer', method: 'functionCalling' })
      .invoke('Should I negotiate?');

    expect(result).toEqual({ answer: 'Yes.' });
    const request = fake.lastChatRequest();
    expect(request.response_format).toBeUndefined();
    expect(request.tool_choice).toEqual({ type: 'function', function: { name: 'Answer' } });
    expect(request.tools).toMatchObject([{ type: 'function', function: { name: 'Answer' } }]);
  });

  it('returns scripted tool calls to a model with bound tools', async () => {
    const search = { name: 'search_guides', description: 'Search', schema: z.object({ query: z.string() }) };
    fake.enqueue({ toolCalls: [{ name: 'search_guides', args: { query: 'cover letter' }, id: 'call_1' }] });

    const reply = await chat().bindTools([search]).invoke('Find cover letter advice');

    expect(reply.tool_calls).toEqual([
      { name: 'search_guides', args: { query: 'cover letter' }, id: 'call_1', type: 'tool_call' },
    ]);
    expect(reply.response_metadata).toMatchObject({ finish_reason: 'tool_calls' });
  });

  it('lets a responder function answer from the request body', async () => {
    fake.enqueue((request, index) => ({ content: `#${index}: ${promptText(request).toUpperCase()}` }));
    const reply = await chat().invoke('echo me');
    expect(reply.content).toBe('#0: ECHO ME');
  });

  it('retries a 429 carrying retry-after when maxRetries > 0', async () => {
    fake.enqueue({ status: 429, retryAfter: 1 }, { content: 'after the rate limit' });

    const reply = await chat({ maxRetries: 1 }).invoke('q');

    expect(reply.content).toBe('after the rate limit');
    expect(fake.chatRequests).toHaveLength(2);
    // LangChain's AsyncCaller waits max(retry-after, 1-2 s randomized back-off) before retry #1.
    const [first, second] = fake.requests.map((request) => request.receivedAt);
    expect(second! - first!).toBeGreaterThanOrEqual(950);
    expect(second! - first!).toBeLessThan(2_500);
  });

  it('does not retry a 429 without retry-after', async () => {
    fake.enqueue({ status: 429 });
    await expect(chat({ maxRetries: 3 }).invoke('q')).rejects.toMatchObject({
      status: 429,
      name: 'RateLimitCapacityError',
    });
    expect(fake.chatRequests).toHaveLength(1);
  });

  it('surfaces HTTP 500, malformed JSON and empty content', async () => {
    fake.enqueue({ status: 500 }, { malformed: true }, { empty: true });
    await expect(chat().invoke('q')).rejects.toMatchObject({ status: 500 });
    await expect(chat().invoke('q')).rejects.toThrow(SyntaxError);
    expect((await chat().invoke('q')).content).toBe('');
  });

  it('fails with a timeout when the reply is delayed beyond `timeout`', async () => {
    fake.enqueue({ delayMs: 5_000, content: 'too late' });
    const started = performance.now();
    await expect(chat({ timeout: 200 }).invoke('q')).rejects.toMatchObject({
      name: 'TimeoutError',
      message: 'Request timed out.',
    });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('aborts a request through an AbortSignal', async () => {
    fake.enqueue({ delayMs: 5_000, content: 'never seen' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await expect(chat().invoke('q', { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('breaks a stream after dropAfterTokens chunks', async () => {
    fake.enqueue({ stream: ['a', 'b', 'c'], dropAfterTokens: 2 });
    const seen: unknown[] = [];
    await expect(async () => {
      for await (const chunk of await chat().stream('q')) seen.push(chunk.content);
    }).rejects.toThrow();
    expect(seen.filter((content) => content !== '')).toEqual(['a', 'b']);
  });

  it('answers HTTP 400 when nothing is scripted', async () => {
    await expect(chat().invoke('q')).rejects.toMatchObject({ status: 400 });
    fake.setDefaultReply({ content: 'fallback' });
    expect((await chat().invoke('q')).content).toBe('fallback');
  });

  it('gives a connection error for a refused port', async () => {
    const baseURL = await refusedBaseURL();
    const llm = new ChatOpenAI({ model: 'gpt-4o-mini', apiKey: 'test', maxRetries: 0, configuration: { baseURL } });
    await expect(llm.invoke('q')).rejects.toThrow('Connection error.');
  });
});

describe('fake OpenAI server with the real @langchain/openai OpenAIEmbeddings', () => {
  it('returns deterministic vectors of the requested dimension', async () => {
    const embeddings = new OpenAIEmbeddings({
      model: 'text-embedding-3-small',
      dimensions: 64,
      ...fake.clientOptions(),
    });
    const texts = ['How to write a resume', 'Resume writing tips', 'Salary negotiation'];

    const vectors = await embeddings.embedDocuments(texts);
    const query = await embeddings.embedQuery('resume');

    expect(vectors).toHaveLength(3);
    expect(vectors.every((vector) => vector.length === 64)).toBe(true);
    expect(vectors[0]).toEqual(fakeEmbedding(texts[0]!, 64));
    expect(query).toEqual(fakeEmbedding('resume', 64));
    expect(cosine(query, vectors[1]!)).toBeGreaterThan(cosine(query, vectors[2]!));
    expect(fake.embeddingRequests).toMatchObject([
      { model: 'text-embedding-3-small', input: texts, dimensions: 64 },
      { model: 'text-embedding-3-small', input: 'resume', dimensions: 64 },
    ]);
  });

  it('uses the default dimension and float encoding when asked', async () => {
    const embeddings = new OpenAIEmbeddings({ encodingFormat: 'float', ...fake.clientOptions() });
    const vector = await embeddings.embedQuery('interview');
    expect(vector).toHaveLength(1536);
    expect(vector).toEqual(fakeEmbedding('interview'));
  });

  it('can be scripted to fail', async () => {
    fake.enqueueEmbeddings({ status: 500 });
    const embeddings = new OpenAIEmbeddings({ maxRetries: 0, ...fake.clientOptions() });
    await expect(embeddings.embedQuery('x')).rejects.toMatchObject({ status: 500 });
  });
});
