import { contentTerms, escapeRegExp } from '../../text/index.js';

/** Lower-case letters and digits only: "ABC-P" → "abcp". */
export function compactKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Stemmed content terms as a set. */
export function termSet(text: string): Set<string> {
  return new Set(contentTerms(text));
}

/** Optimal-string-alignment distance (edits incl. adjacent swaps), for typo-tolerant acronyms. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** Regex source matching an acronym as a whole token: "ABC" does not match inside "ABC-P". */
export function acronymPattern(acronym: string, flags = ''): RegExp {
  const escaped = escapeRegExp(acronym);
  return new RegExp(`(?<![A-Za-z0-9-])${escaped}(?![A-Za-z0-9]|-[A-Za-z0-9])`, flags);
}

/** Strips surrounding quotes and trailing punctuation from a user argument. */
export function cleanArgument(text: string): string {
  return text.trim().replace(/^["'“”‘’]+|["'“”‘’]+$/g, '').replace(/[?!.]+$/, '').trim();
}
