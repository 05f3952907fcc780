import { minimizePhi } from './minimize.js';
import type { PhiFinding } from './phi-types.js';
import type { Vocabulary } from './vocabulary.js';

/** What the store keeps of a question (STORE_QUESTION_TEXT). */
export type StoredQuestionText = 'minimized' | 'redacted' | 'none';

/** A question as each destination may see it. */
export interface GuardedQuestion {
  /**
   * Detected patient data replaced by placeholders and every leftover identifier-like token masked:
   * what the advisor, its conversation memory, the LLM prompt and so every reply work from. A reply
   * may quote a word of the question ("The guide doesn't mention …"), so it gets no word the store
   * would not keep.
   */
  minimized: string;
  /** Detected patient data replaced by placeholders (the store's `redacted` mode). */
  redacted: string;
  /** What the store keeps, by mode: minimized (default), redacted, or nothing. */
  stored: string;
  findings: PhiFinding[];
  /** Tokens the minimizer masked on top of the findings. */
  masked: number;
  /** True when anything was redacted or masked: the asker gets a private reminder. */
  remind: boolean;
}

/** Splits a question into its redacted and stored forms (see docs/privacy.md for where each goes). */
export function guardQuestion(text: string, options: { store: StoredQuestionText; vocabulary?: Vocabulary }): GuardedQuestion {
  const minimized = minimizePhi(text, options.vocabulary ? { vocabulary: options.vocabulary } : {});
  const stored = options.store === 'minimized' ? minimized.text : options.store === 'redacted' ? minimized.redacted : '';
  return {
    minimized: minimized.text,
    redacted: minimized.redacted,
    stored,
    findings: minimized.findings,
    masked: minimized.masked,
    remind: minimized.findings.length > 0 || minimized.masked > 0,
  };
}
