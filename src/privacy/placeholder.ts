import type { PhiKind } from './phi-types.js';

/** Matches the placeholders `redactPhi` writes, so later stages can skip them. */
export const PHI_PLACEHOLDER_PATTERN = /\[(?:REDACTED:[a-z_0-9]+|MASKED)\]/g;

/** The placeholder that replaces a finding of `kind`, e.g. `[REDACTED:ssn]`. */
export function phiPlaceholder(kind: PhiKind): string {
  return `[REDACTED:${kind}]`;
}

/**
 * What the detectors see instead of each character of a placeholder: U+FFFC OBJECT REPLACEMENT
 * CHARACTER, which is no letter, digit, space or punctuation any pattern accepts, so nothing is
 * found in, across or through a placeholder (e.g. "DOB [REDACTED:dob], March 1980" has no birth
 * date left to find). Patterns with a free-text filler must exclude it explicitly.
 */
export const OPAQUE = '\uFFFC';

/** Spans of the placeholders in `text`. */
export function placeholderSpans(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(PHI_PLACEHOLDER_PATTERN)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

/** `text` with every character of `spans` (sorted, non-overlapping) replaced by {@link OPAQUE}; offsets unchanged. */
export function maskSpans(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string {
  if (spans.length === 0) return text;
  let out = '';
  let cursor = 0;
  for (const s of spans) {
    out += text.slice(cursor, s.start) + OPAQUE.repeat(s.end - s.start);
    cursor = s.end;
  }
  return out + text.slice(cursor);
}

/** What the minimizer writes over a token it masks without knowing its kind. */
export const MASK_PLACEHOLDER = '[MASKED]';
