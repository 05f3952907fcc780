import type { Answer } from '../../src/answer/index.js';

/** Readable terminal rendering of an answer: the answer, then numbered sources. */
export function renderAnswer(answer: Answer, options: { color?: boolean } = {}): string {
  const dim = (s: string) => (options.color ? `\x1b[2m${s}\x1b[22m` : s);
  const bold = (s: string) => (options.color ? `\x1b[1m${s}\x1b[22m` : s);
  const lines = [answer.answer];
  if (answer.notes?.length) lines.push('', ...answer.notes.map((n) => dim(`note: ${n}`)));
  if (answer.citations.length > 0) {
    lines.push('', bold('Sources'));
    for (const c of answer.citations) lines.push(`  [${c.n}] ${c.section} ${dim(`(${c.source})`)}`);
  }
  return lines.join('\n');
}
