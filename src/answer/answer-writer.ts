import type { RetrievalResult } from '../retrieval/index.js';
import { composeExtractiveAnswer, type ComposedAnswer } from './extractive-composer.js';
import type { ConversationTurn } from './follow-up.js';
import type { Answer } from './schema.js';

// The writer contract lives here, beside the answer it writes, so the core (which picks a writer)
// and the LLM writer (which implements one) both depend on it and never on each other.

/** An answer as writers return it: text, citations, and optionally notes and token usage. */
export type WrittenAnswer = ComposedAnswer & Partial<Pick<Answer, 'notes' | 'usage'>>;

/** Writes the answer text for a retrieval; the extractive composer by default, an LLM chain when configured. */
export interface AnswerWriter {
  write(question: string, retrieval: RetrievalResult, history: readonly ConversationTurn[]): Promise<WrittenAnswer>;
}

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

/** True when `writer` supports `writeStream`. */
export function isStreamingWriter(writer: AnswerWriter): writer is StreamingAnswerWriter {
  return typeof (writer as Partial<StreamingAnswerWriter>).writeStream === 'function';
}

/** The default writer: the guide's own lines, chosen by the extractive composer. */
export const extractiveWriter: AnswerWriter = {
  async write(_question, retrieval) {
    return composeExtractiveAnswer(retrieval);
  },
};
