import { ChatOpenAI } from '@langchain/openai';
import type { Config } from '../config/index.js';

/**
 * The chat model for any OpenAI-compatible endpoint. LangChain's own retries are off
 * (maxRetries 0): its first wait is 1–2 s and it gives up on a 429 without retry-after, so the
 * writer retries itself with a short backoff inside one overall deadline.
 */
export function createChatModel(config: Config, limits: { maxTokens?: number; timeoutMs?: number } = {}): ChatOpenAI {
  return new ChatOpenAI({
    model: config.LLM_MODEL,
    apiKey: config.OPENAI_API_KEY ?? 'not-needed',
    temperature: config.LLM_TEMPERATURE,
    maxTokens: limits.maxTokens ?? config.LLM_MAX_TOKENS,
    timeout: limits.timeoutMs ?? config.LLM_TIMEOUT_MS,
    maxRetries: 0,
    streamUsage: true,
    configuration: config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : undefined,
  });
}
