// The writer contract is shared with the core through src/answer; re-exported for the LLM's callers.
export { isStreamingWriter } from '../answer/index.js';
export type { StreamedAnswer, StreamingAnswerWriter, TokenSink, WrittenAnswer } from '../answer/index.js';

/** Pino-style logger (pino loggers fit as-is). Only counts and fault kinds are logged, never text. */
export interface LlmLogger {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
}
