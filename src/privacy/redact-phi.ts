import { detectPhi, type PhiDetectionOptions } from './detect-phi.js';
import type { PhiFinding } from './phi-types.js';
import { phiPlaceholder } from './placeholder.js';

/** Result of {@link redactPhi}; `findings` use offsets into the original text. */
export interface RedactionResult {
  text: string;
  findings: PhiFinding[];
}

export { PHI_PLACEHOLDER_PATTERN, phiPlaceholder } from './placeholder.js';

/**
 * Replaces every detected piece of patient data with a placeholder.
 * Placeholders are never detected themselves, so redacting twice is a no-op.
 */
export function redactPhi(text: string, options: PhiDetectionOptions = {}): RedactionResult {
  const findings = detectPhi(text, options);
  return { text: replaceSpans(text, findings, (f) => phiPlaceholder(f.kind)), findings };
}

/** `text` with each of the sorted, non-overlapping `spans` replaced by `replacement(span)`. */
export function replaceSpans<T extends { start: number; end: number }>(text: string, spans: readonly T[], replacement: (span: T) => string): string {
  let out = '';
  let cursor = 0;
  for (const s of spans) {
    out += text.slice(cursor, s.start) + replacement(s);
    cursor = s.end;
  }
  return out + text.slice(cursor);
}
