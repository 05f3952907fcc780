import type { PhiFinding, PhiKind } from './phi-types.js';

/**
 * Collects a finding for every match of `pattern` (which must have the `g`
 * flag). When the pattern has a capture group named `v` (and the `d` flag for
 * its offsets), only that group is reported, so a label such as "DOB:" stays
 * readable after redaction.
 */
export function scan(
  text: string,
  pattern: RegExp,
  kind: PhiKind,
  accept: (value: string) => boolean = () => true,
): PhiFinding[] {
  const findings: PhiFinding[] = [];
  for (const match of text.matchAll(pattern)) {
    const [start, end] = match.indices?.groups?.v ?? [match.index, match.index + match[0].length];
    if (end > start && accept(text.slice(start, end))) findings.push({ kind, start, end });
  }
  return findings;
}

/** Number of ASCII digits in `value`. */
export function digitCount(value: string): number {
  return value.replace(/\D/g, '').length;
}
