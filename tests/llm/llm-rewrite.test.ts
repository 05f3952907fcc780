import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CareerAdvisor } from '../../src/core/index.js';
import { groundedReply, isRewriteRequest, standaloneReply } from '../../scripts/ops/fake-llm.js';
import { FakeOpenAIServer, messageText, type ChatCompletionRequest, type ChatReply } from '../fakes/openai/index.js';
import { openTestAdvisor, testConfig } from '../helpers/test-advisor.js';
import { llmEnv, RecordingLogger } from './llm-test-kit.js';

/**
 * Follow-ups condensed into standalone questions by the model (LLM_PROVIDER=openai), through the
 * real ChatOpenAI against the fake server, and the offline rewriter when that call fails.
 */
const fake = new FakeOpenAIServer();
const FIRST = 'Which AHIMA credential is for hospital inpatient coding?';
const FOLLOW_UP = 'And the one for physician offices?';
const STANDALONE = 'Which AHIMA credential is for physician office coding?';

/** Answers questions with a grounded reply; rewrite calls get `rewrite`. */
const replies = (rewrite: (request: ChatCompletionRequest) => ChatReply) => (request: ChatCompletionRequest) => (isRewriteRequest(request) ? rewrite(request) : groundedReply(request));

let logger: RecordingLogger;
async function advisorWith(env: Record<string, string> = {}): Promise<CareerAdvisor> {
  logger = new RecordingLogger();
  return openTestAdvisor({ config: testConfig(llmEnv(fake.baseURL, env)), llmLogger: logger });
}

async function askFollowUp(advisor: CareerAdvisor) {
  const conversationId = `c-${Math.random()}`;
  await advisor.ask(FIRST, { conversationId });
  const started = performance.now();
  const result = await advisor.askWithRetrieval(FOLLOW_UP, { conversationId });
  return { ...result, ms: performance.now() - started };
}

beforeAll(async () => {
  await fake.start();
});
afterEach(() => fake.reset());
afterAll(async () => {
  await fake.stop();
});

describe('follow-ups rewritten by the model', () => {
  it('condenses the follow-up into a standalone question that forms the retrieval query, in the answer and the log', async () => {
    fake.setDefaultReply(replies(() => ({ content: `Standalone question: "${STANDALONE}"` })));
    const { answer, retrieval } = await askFollowUp(await advisorWith());

    expect(answer.rewritten_question).toBe(STANDALONE);
    expect(retrieval?.query.searchText).toBe(STANDALONE);
    // The writer is asked the standalone question (the earlier ones stay in its prompt for context).
    const answerRequest = fake.chatRequests.filter((r) => !isRewriteRequest(r)).at(-1)!;
    expect(messageText(answerRequest.messages.at(-1)!)).toContain(`Question: ${STANDALONE}`);
    const rewriteRequests = fake.chatRequests.filter(isRewriteRequest);
    expect(rewriteRequests).toHaveLength(1);
    const prompt = messageText(rewriteRequests[0]!.messages.at(-1)!);
    expect(prompt).toContain(`- ${FIRST}`);
    expect(prompt).toContain(`Follow-up question: ${FOLLOW_UP}`);
    expect(rewriteRequests[0]!.max_tokens ?? rewriteRequests[0]!.max_completion_tokens).toBe(120);
    expect(logger.events('llm_rewrite')).toEqual([expect.objectContaining({ outcome: 'rewritten', rewritten_question: STANDALONE, total_tokens: expect.any(Number) })]);
  });

  it('the first question of a conversation is not sent for rewriting', async () => {
    fake.setDefaultReply(replies(() => ({ content: STANDALONE })));
    const advisor = await advisorWith();
    await advisor.ask(FIRST, { conversationId: 'fresh' });
    expect(fake.chatRequests.filter(isRewriteRequest)).toHaveLength(0);
  });

  it('a standalone question the model returns unchanged is searched as asked', async () => {
    fake.setDefaultReply(replies((request) => ({ content: /Follow-up question: (.+)/.exec(messageText(request.messages.at(-1)!))![1]! })));
    const advisor = await advisorWith();
    const conversationId = 'unchanged';
    await advisor.ask(FIRST, { conversationId });
    const { answer, retrieval } = await advisor.askWithRetrieval('What does a CPC earn?', { conversationId });
    expect(answer.rewritten_question).toBeUndefined();
    expect(retrieval?.query.searchText).toBe('What does a CPC earn?');
    expect(logger.events('llm_rewrite')[0]).toMatchObject({ outcome: 'unchanged' });
  });

  it('an HTTP 500 on the rewrite falls back to the offline rewriter at once', async () => {
    fake.setDefaultReply(replies(() => ({ status: 500 })));
    const { answer } = await askFollowUp(await advisorWith());
    // The offline rewriter carries the previous question's words.
    expect(answer.rewritten_question).toContain(FOLLOW_UP);
    expect(answer.rewritten_question).toContain('inpatient');
    expect(logger.events('llm_rewrite')).toEqual([expect.objectContaining({ outcome: 'fallback', fault: 'server' })]);
  });

  it('a rewrite slower than LLM_REWRITE_TIMEOUT_MS is abandoned after that time, not the answer deadline', async () => {
    fake.setDefaultReply(replies((request) => ({ ...standaloneReply(messageText(request.messages.at(-1)!)), delayMs: 5_000 })));
    const { answer, ms } = await askFollowUp(await advisorWith({ LLM_REWRITE_TIMEOUT_MS: '250' }));
    expect(logger.events('llm_rewrite')).toEqual([expect.objectContaining({ outcome: 'fallback', fault: 'timeout' })]);
    expect(logger.events('llm_rewrite')[0]!.ms).toBeGreaterThanOrEqual(240);
    expect(ms).toBeLessThan(2_500);
    expect(answer.rewritten_question).toContain('inpatient');
    expect(answer.notes).toBeUndefined();
  });

  it('an empty rewrite is unusable: offline rewriter', async () => {
    fake.setDefaultReply(replies(() => ({ content: '   ' })));
    const { answer } = await askFollowUp(await advisorWith());
    expect(logger.events('llm_rewrite')).toEqual([expect.objectContaining({ outcome: 'fallback', fault: 'empty' })]);
    expect(answer.rewritten_question).toContain(FOLLOW_UP);
  });

  it('LLM_REWRITE_FOLLOW_UPS=false keeps the offline rewriter', async () => {
    fake.setDefaultReply(replies(() => ({ content: STANDALONE })));
    const { answer } = await askFollowUp(await advisorWith({ LLM_REWRITE_FOLLOW_UPS: 'false' }));
    expect(fake.chatRequests.filter(isRewriteRequest)).toHaveLength(0);
    expect(answer.rewritten_question).toContain(FOLLOW_UP);
  });
});
