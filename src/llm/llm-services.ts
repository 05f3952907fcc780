import type { Config } from '../config/index.js';
import { createChatModel } from './chat-model.js';
import type { ModelBreaker } from './circuit-breaker.js';
import { createModelBreaker, LlmWriter, type LlmWriterOptions } from './llm-writer.js';
import { QuestionRewriter, type FollowUpRewriter } from './question-rewriter.js';
import type { LlmLogger } from './types.js';

/** Everything LLM_PROVIDER=openai adds: the answer writer, the follow-up rewriter and the breaker they share. */
export interface LlmServices {
  writer: LlmWriter;
  /** Absent when LLM_REWRITE_FOLLOW_UPS=false. */
  rewriter?: FollowUpRewriter;
  breaker: ModelBreaker;
}

/** A standalone question is short; this caps the rewrite call's output. */
const REWRITE_MAX_TOKENS = 120;

const silent: LlmLogger = { info() {}, warn() {} };

/** Builds the writer and the rewriter around one breaker, so a model that is down is detected once. */
export function createLlmServices(config: Config, options: LlmWriterOptions = {}): LlmServices {
  const logger = options.logger ?? silent;
  const breaker = options.breaker ?? createModelBreaker(config, logger);
  const writer = new LlmWriter(config, { ...options, logger, breaker });
  const rewriter = config.LLM_REWRITE_FOLLOW_UPS
    ? new QuestionRewriter({
        model: createChatModel(config, { maxTokens: REWRITE_MAX_TOKENS, timeoutMs: config.LLM_REWRITE_TIMEOUT_MS }),
        breaker,
        timeoutMs: config.LLM_REWRITE_TIMEOUT_MS,
        historyTurns: config.CONVERSATION_TURNS,
        maxChars: config.MAX_QUESTION_CHARS,
        logger,
        modelName: config.LLM_MODEL,
      })
    : undefined;
  return { writer, rewriter, breaker };
}
