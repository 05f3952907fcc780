import { detectPhi } from './detect-phi.js';
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
