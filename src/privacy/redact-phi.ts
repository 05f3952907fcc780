import { detectPhi } from './detect-phi.js';
import type { PhiFinding, PhiKind } from './phi-types.js';

/** Result of {@link redactPhi}; `findings` use offsets into the original text. */
export interface RedactionResult {
  text: string;
  findings: PhiFinding[];
}

/** The placeholder that replaces a finding of `kind`, e.g. `[REDACTED:ssn]`. */
/** Matches the placeholders `redactPhi` writes, so later stages can skip them. */
export const PHI_PLACEHOLDER_PATTERN = /\[REDACTED:[a-z]+\]/g;

export function phiPlaceholder(kind: PhiKind): string {
  return `[REDACTED:${kind}]`;
}

/**
 * Replaces every detected piece of patient data with a placeholder.
 * Placeholders are never detected themselves, so redacting twice is a no-op.
 */
export function redactPhi(text: string): RedactionResult {
  const findings = detectPhi(text);
  let out = '';
  let cursor = 0;
  for (const f of findings) {
    out += text.slice(cursor, f.start) + phiPlaceholder(f.kind);
    cursor = f.end;
  }
  return { text: out + text.slice(cursor), findings };
}
