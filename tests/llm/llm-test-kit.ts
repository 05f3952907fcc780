import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { CareerAdvisor } from '../../src/core/index.js';
import { createLlmWriter, type LlmLogger, type LlmWriter, type LlmWriterOptions } from '../../src/llm/index.js';
import type { RetrievalResult } from '../../src/retrieval/index.js';
import { messageText, type ChatCompletionRequest, type FakeOpenAIServer } from '../fakes/openai/index.js';
import { openTestAdvisor, testConfig } from '../helpers/test-advisor.js';

/** Retrieval for a question over the real guide (hashing embedder, no network). */
export function retrieve(advisor: CareerAdvisor, question: string): Promise<RetrievalResult> {
  return advisor.retriever.retrieve(advisor.retriever.analyze(question));
}

/** LLM settings pointing at the fake; tests override what they exercise. */
export function llmEnv(baseURL: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    LLM_PROVIDER: 'openai',
    OPENAI_BASE_URL: baseURL,
    OPENAI_API_KEY: 'test',
    LLM_MODEL: 'gpt-4o-mini',
    LLM_TIMEOUT_MS: '2000',
    LLM_DEADLINE_MS: '5000',
    LLM_MAX_RETRIES: '1',
    ...overrides,
  };
}

/** A writer using the real ChatOpenAI against `baseURL`, with fast retries unless overridden. */
export function writerAt(baseURL: string, env: Record<string, string> = {}, options: LlmWriterOptions = {}): LlmWriter {
  return createLlmWriter(testConfig(llmEnv(baseURL, env)), { backoff: () => 20, ...options });
}

export function writerFor(fake: FakeOpenAIServer, env: Record<string, string> = {}, options: LlmWriterOptions = {}): LlmWriter {
  return writerAt(fake.baseURL, env, options);
}

/** The system message (instructions and guide excerpts) of a chat request. */
export function systemText(request: ChatCompletionRequest): string {
  return messageText(request.messages.find((m) => m.role === 'system')!);
}

/** Excerpt headers ("[n] Section › Path") the prompt showed, by id. */
export function excerptSections(request: ChatCompletionRequest): Map<number, string> {
  const headers = [...systemText(request).matchAll(/^\[(\d+)\] (.+)$/gm)];
  return new Map(headers.map((m) => [Number(m[1]), m[2]!]));
}

/** The id the prompt gave the first excerpt whose section path contains `fragment`. */
export function excerptId(request: ChatCompletionRequest, fragment: string): number {
  for (const [id, section] of excerptSections(request)) if (section.includes(fragment)) return id;
  throw new Error(`no excerpt for "${fragment}" in: ${[...excerptSections(request).values()].join(' | ')}`);
}

/** Records log calls. */
export class RecordingLogger implements LlmLogger {
  readonly entries: Array<{ level: 'info' | 'warn'; obj: Record<string, unknown>; msg: string }> = [];
  info(obj: Record<string, unknown>, msg: string): void {
    this.entries.push({ level: 'info', obj, msg });
  }
  warn(obj: Record<string, unknown>, msg: string): void {
    this.entries.push({ level: 'warn', obj, msg });
  }
  events(name: string): Record<string, unknown>[] {
    return this.entries.filter((e) => e.obj.event === name).map((e) => e.obj);
  }
}

/** Milliseconds taken by `work`, with its result. */
export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

/**
 * Shared lifecycle for writer suites against the fake server: starts it, retrieves the question
 * once over the real guide, checks after each test that every scripted reply was consumed, stops it.
 */
export function useScriptedLlm(fake: FakeOpenAIServer, question: string): { retrieval: RetrievalResult } {
  const session = {} as { retrieval: RetrievalResult };
  beforeAll(async () => {
    await fake.start();
    session.retrieval = await retrieve(await openTestAdvisor(), question);
  });
  afterEach(() => {
    expect(fake.pendingReplies, 'every scripted reply should have been consumed').toBe(0);
    fake.reset();
  });
  afterAll(async () => {
    await fake.stop();
  });
  return session;
}
