import { shownSources, sourceListing, type Answer } from '../../src/answer/index.js';

/**
 * Readable terminal rendering of an answer: the answer, then numbered sources (or, for a partial
 * answer, the related lines) with the guide named once, then a refusal's suggestions.
 */
export function renderAnswer(answer: Answer, options: { color?: boolean } = {}): string {
  const dim = (s: string) => (options.color ? `\x1b[2m${s}\x1b[22m` : s);
  const bold = (s: string) => (options.color ? `\x1b[1m${s}\x1b[22m` : s);
  const lines = [answer.answer];
  if (answer.notes?.length) lines.push('', ...answer.notes.map((n) => dim(`note: ${n}`)));
  const sources = shownSources(answer);
  if (sources) {
    const listing = sourceListing(sources.citations);
    lines.push('', bold(sources.title) + (listing.guide ? dim(` — ${listing.guide}`) : ''));
    for (const l of listing.lines) lines.push(`  [${l.n}] ${l.label}`);
  }
  if (answer.suggestions?.length) lines.push('', bold('You could try:'), ...answer.suggestions.map((s) => `  • ${s}`));
  return lines.join('\n');
}
