import type { Answer, Citation } from './schema.js';

/**
 * One numbering of sources across a whole reply: the same section of the same guide gets the
 * same number wherever it is cited (an answer's lines, both cards of a comparison, every plan
 * step), and its quoted lines are gathered under that one number.
 */
export class SourceNumbering {
  private readonly byKey = new Map<string, Citation>();

  /** The reply-wide number for a citation, adding its quote to that source's lines. */
  number(citation: Citation): number {
    const key = `${citation.source}\u0000${citation.section}`;
    const known = this.byKey.get(key);
    if (!known) {
      const n = this.byKey.size + 1;
      this.byKey.set(key, { ...citation, n });
      return n;
    }
    if (!known.quote.split('\n').includes(citation.quote)) known.quote = `${known.quote}\n${citation.quote}`;
    return known.n;
  }

  /** A function mapping a part's own numbers to reply-wide ones (numbers it does not define stay). */
  renumberer(citations: readonly Citation[]): (n: number) => number {
    const map = new Map(citations.map((c) => [c.n, this.number(c)]));
    return (n) => map.get(n) ?? n;
  }

  /** The sources with the given numbers, in number order: only what the reply cites. */
  cited(numbers: Iterable<number>): Citation[] {
    const wanted = new Set(numbers);
    return [...this.byKey.values()].filter((c) => wanted.has(c.n)).map((c) => ({ ...c }));
  }
}

/** Rewrites "[n]" markers through `renumber`; a run like "[2][2]" left by merging collapses to one. */
export function renumberMarkers(text: string, renumber: (n: number) => number): string {
  return text.replace(/\[(\d+)\]/g, (_, n: string) => `[${renumber(Number(n))}]`).replace(/(\[\d+\])(?:\s*\1)+/g, '$1');
}

/** The numbers "[n]" markers in the texts point at. */
export function markersIn(...texts: string[]): number[] {
  return texts.flatMap((t) => [...t.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
}

/** An answer whose [n] markers and citations follow one numbering (a section once), listing only the sources its text cites. */
export function citeOnce(answer: Answer): Answer {
  if (answer.citations.length === 0) return answer;
  const numbering = new SourceNumbering();
  const renumber = numbering.renumberer(answer.citations);
  const text = renumberMarkers(answer.answer, renumber);
  const cited = markersIn(text);
  // An answer without markers (a generated one that cited nothing inline) keeps every source it used.
  const citations = numbering.cited(cited.length > 0 ? cited : answer.citations.map((c) => renumber(c.n)));
  return { ...answer, answer: text, citations };
}

/**
 * How a reply lists its sources: the guide named once (when every source is from one guide),
 * then one line per source naming its section; with several guides each line names its guide.
 */
export function sourceListing(citations: readonly Citation[]): { guide?: string; lines: Array<{ n: number; label: string }> } {
  const guides = new Set(citations.map((c) => c.guide ?? c.source));
  const guide = guides.size === 1 ? [...guides][0] : undefined;
  const label = (c: Citation) => (guide !== undefined ? c.section : c.guide ? `${c.guide} › ${c.section}` : `${c.section} (${c.source})`);
  return { ...(guide !== undefined ? { guide } : {}), lines: citations.map((c) => ({ n: c.n, label: label(c) })) };
}
