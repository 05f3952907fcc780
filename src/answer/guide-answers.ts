import type { WrittenAnswer } from './answer-writer.js';

/** One guide's answer to a question that did not say which career it meant. */
export interface GuideAnswer {
  /** The guide's title, shown above its part. */
  title: string;
  answer: WrittenAnswer;
}

/**
 * One reply from several guides' answers ("How long is the training?" with two careers loaded):
 * each part under its guide's title, citations numbered on through the whole reply.
 */
export function mergeGuideAnswers(parts: readonly GuideAnswer[]): WrittenAnswer {
  const citations: WrittenAnswer['citations'] = [];
  const texts = parts.map(({ title, answer }) => {
    const offset = citations.length;
    citations.push(...answer.citations.map((c) => ({ ...c, n: c.n + offset })));
    return `${title}:\n${answer.text.replace(/\[(\d+)\]/g, (_, n: string) => `[${Number(n) + offset}]`)}`;
  });
  const notes = parts.flatMap((p) => p.answer.notes ?? []);
  return { text: texts.join('\n\n'), abstained: false, citations, ...(notes.length ? { notes } : {}) };
}
