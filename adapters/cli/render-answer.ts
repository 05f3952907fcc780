import { shownSources, type Answer } from '../../src/answer/index.js';

/** Readable terminal rendering of an answer: the answer, then numbered sources (or, for a partial answer, the related lines). */
export function renderAnswer(answer: Answer, options: { color?: boolean } = {}): string {
  const dim = (s: string) => (options.color ? `\x1b[2m${s}\x1b[22m` : s);
  const bold = (s: string) => (options.color ? `\x1b[1m${s}\x1b[22m` : s);
  const lines = [answer.answer];
  if (answer.notes?.length) lines.push('', ...answer.notes.map((n) => dim(`note: ${n}`)));
  const sources = shownSources(answer);
  if (sources) {
    lines.push('', bold(sources.title));
    for (const c of sources.citations) lines.push(`  [${c.n}] ${c.section} ${dim(`(${c.source})`)}`);
  }
  return lines.join('\n');
}
