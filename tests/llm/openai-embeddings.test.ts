import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CareerAdvisor } from '../../src/core/index.js';
import { createEmbeddings, OpenAICompatibleEmbeddings } from '../../src/embeddings/index.js';
import { buildIndex, manifestSchema } from '../../src/index/index.js';
import { createLlmWriter } from '../../src/llm/index.js';
import { FakeOpenAIServer, fakeEmbedding } from '../fakes/openai/index.js';
import { testConfig } from '../helpers/test-advisor.js';
import { excerptId, llmEnv } from './llm-test-kit.js';

const fake = new FakeOpenAIServer();

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

/** Embeddings through the fake, 64 dimensions to keep the index small. */
const embeddingsEnv = () => ({ EMBEDDINGS_PROVIDER: 'openai', OPENAI_BASE_URL: fake.baseURL, OPENAI_API_KEY: 'test', EMBEDDINGS_DIMENSIONS: '64' });

describe('OpenAI-compatible embeddings against the fake server', () => {
  it('buildIndex embeds every chunk through the endpoint, keyed by an id naming the base URL', async () => {
    const config = testConfig(embeddingsEnv());
    const embedder = createEmbeddings(config);
    expect(embedder).toBeInstanceOf(OpenAICompatibleEmbeddings);
    expect(embedder.id).toBe(`openai:text-embedding-3-small:64@${fake.baseURL}`);

    const { index, summary } = await buildIndex({ knowledgeDir: config.knowledgeDir, indexDir: config.indexDir, cacheDir: config.cacheDir, embedder });

    const embedded = fake.embeddingRequests.flatMap((r) => (Array.isArray(r.input) ? (r.input as string[]) : [r.input]));
    // Every chunk, and every guide word (for meaning-based matching of question words), goes through the endpoint.
    expect(embedded).toHaveLength(summary.chunks + summary.words);
    expect(fake.embeddingRequests.every((r) => r.model === 'text-embedding-3-small' && r.dimensions === 64)).toBe(true);
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(config.indexDir, 'manifest.json'), 'utf8')));
    expect(manifest.embedder).toEqual({ id: embedder.id, dimension: 64 });
    expect(index.chunks).toHaveLength(summary.chunks);
  });

  it('CareerAdvisor.open builds the index through the fake and embeds each query there', async () => {
    const advisor = await CareerAdvisor.open(testConfig(embeddingsEnv()));
    const indexingRequests = fake.embeddingRequests.length;
    expect(indexingRequests).toBeGreaterThan(0);

    const question = 'What certifications can a clinical coding specialist earn?';
    const answer = await advisor.ask(question);

    const queries = fake.embeddingRequests.slice(indexingRequests);
    expect(queries).toEqual([expect.objectContaining({ input: question, dimensions: 64 })]);
    expect(await advisor.retriever.embedder.embedQuery(question)).toEqual(fakeEmbedding(question, 64));
    expect(answer.abstained).toBe(false);
    expect(answer.citations.length).toBeGreaterThan(0);
  });

  it('the whole OpenAI-compatible path: fake embeddings for retrieval, fake chat model for the answer', async () => {
    const config = testConfig({ ...embeddingsEnv(), ...llmEnv(fake.baseURL) });
    const advisor = await CareerAdvisor.open(config, { writer: createLlmWriter(config) });
    fake.enqueue((request) => {
      const id = excerptId(request, 'Professional Certifications');
      return { json: { answer: `Certifications include CPC, CCS and CCS-P [${id}].`, cited: [id], abstained: false } };
    });

    const answer = await advisor.ask('Which coding certifications are there?');

    expect(answer).toMatchObject({ answer: 'Certifications include CPC, CCS and CCS-P [1].', abstained: false, kind: 'answer' });
    expect(answer.citations[0]!.section).toContain('Professional Certifications');
    expect(answer.usage?.total_tokens).toBeGreaterThan(0);
    expect(fake.requests.at(-1)!.path).toBe('/v1/chat/completions');
    expect(fake.requests.at(-2)).toMatchObject({ path: '/v1/embeddings', body: { input: 'Which coding certifications are there?' } });
  });
});
