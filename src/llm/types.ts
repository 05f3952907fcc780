import type { Answer, ComposedAnswer, ConversationTurn } from '../answer/index.js';
import type { AnswerWriter } from '../core/index.js';
import type { RetrievalResult } from '../retrieval/index.js';

/** An answer as writers return it: text, citations, and optionally notes and token usage. */
export type WrittenAnswer = ComposedAnswer & Partial<Pick<Answer, 'notes' | 'usage'>>;

/** A streamed answer. The returned text is authoritative; `streamed` says whether it equals the tokens delivered. */
export interface StreamedAnswer extends WrittenAnswer {
  /**
   * True when the concatenated tokens equal `text` (up to surrounding whitespace), so a live
   * preview needs no final edit; false after a fallback or an abstention, when the preview
   * must be replaced with `text`.
   */
  streamed: boolean;
}

/** Receives answer text in order as the model produces it, citation markers already renumbered. */
export type TokenSink = (token: string) => void;

/** A writer that can also deliver the answer while it is being written. */
export interface StreamingAnswerWriter extends AnswerWriter {
  writeStream(question: string, retrieval: RetrievalResult, history: readonly ConversationTurn[], onToken: TokenSink): Promise<StreamedAnswer>;
}

/** Pino-style logger (pino loggers fit as-is). Only counts and fault kinds are logged, never text. */
export interface LlmLogger {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
}

/** True when `writer` supports `writeStream`. */
export function isStreamingWriter(writer: AnswerWriter): writer is StreamingAnswerWriter {
  return typeof (writer as Partial<StreamingAnswerWriter>).writeStream === 'function';
}
