// Text that OCR or a voicemail transcript spells out one character at a time, words set apart by
// wider gaps: "H O L L O W A Y ,  R U T H   D O B : 0 2 / 1 1 / 1 9 4 0", "call 2 1 4 5 5 5 0 1 3 7".
// Each run of four or more single characters joined by single spaces is read as the word it
// spells, so every detector sees "HOLLOWAY, RUTH DOB: 02/11/1940"; what they find maps back to
// the characters as written. Shorter runs ("a 9 0 y/o", "A, B or C") stay as they are.

const SPACED_RUN = /(?<![^\s"“'‘(])(?:\S )+\S(?=[\s"”’'),.;:!?]|$)/g;
const MIN_RUN_CHARACTERS = 4;

export interface CollapsedText {
  text: string;
  /** The offset in the original text of each offset in `text` (one past the end included). */
  original: readonly number[];
}

/** `text` with its spaced-out runs closed up, or undefined when it has none. */
export function collapseSpacedRuns(text: string): CollapsedText | undefined {
  const runs = [...text.matchAll(SPACED_RUN)].filter((m) => (m[0].length + 1) / 2 >= MIN_RUN_CHARACTERS);
  if (runs.length === 0) return undefined;
  let collapsed = '';
  const original: number[] = [];
  let at = 0;
  const keep = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      collapsed += text[i];
      original.push(i);
    }
  };
  for (const run of runs) {
    keep(at, run.index);
    for (let i = run.index; i < run.index + run[0].length; i += 2) keep(i, i + 1);
    at = run.index + run[0].length;
  }
  keep(at, text.length);
  original.push(text.length);
  return { text: collapsed, original };
}

/** A span of the collapsed text as a span of the original. */
export function originalSpan<T extends { start: number; end: number }>(span: T, collapsed: CollapsedText): T {
  return { ...span, start: collapsed.original[span.start]!, end: collapsed.original[span.end - 1]! + 1 };
}
