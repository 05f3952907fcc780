/**
 * Citation markers in model text: "[2]", "[1, 3]", "[1-3]", "[ 2 ]". Anything in square brackets
 * that is only numbers, commas and dashes counts, so no look-alike marker slips past verification.
 */
const MARKER = /\[\s*\d[\d\s,\-–]*\]/g;
/** A '[' at the end of streamed text that may still grow into a marker. */
const OPEN_MARKER_TAIL = /\[\s*(?:\d[\d\s,\-–]*)?$/;
/** Longest marker tail held back while streaming; longer brackets are plain text. */
const MAX_TAIL = 24;
/** Ranges wider than this are not expanded (the model is not citing 40 excerpts). */
const MAX_RANGE = 20;

export interface MarkerMatch {
  start: number;
  end: number;
  /** The excerpt numbers the marker names, in its own order, duplicates removed. */
  ids: number[];
}

/** Every marker in `text`, in order. */
export function findMarkers(text: string): MarkerMatch[] {
  return [...text.matchAll(MARKER)].map((m) => ({ start: m.index, end: m.index + m[0].length, ids: parseIds(m[0]) }));
}

/** Numbers named by a marker's text ("[1, 3-4]" → 1, 3, 4). */
function parseIds(marker: string): number[] {
  const ids: number[] = [];
  for (const part of marker.slice(1, -1).split(',')) {
    const range = /^\s*(\d+)\s*[-–]\s*(\d+)\s*$/.exec(part);
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      if (to >= from && to - from <= MAX_RANGE) for (let n = from; n <= to; n++) ids.push(n);
      else ids.push(from, to);
    } else if (/^\s*\d+\s*$/.test(part)) {
      ids.push(Number(part));
    } else {
      // "[1 2]" or "[1-]": keep every number so none escapes the provided-id check.
      ids.push(...(part.match(/\d+/g) ?? []).map(Number));
    }
  }
  return [...new Set(ids)];
}

/**
 * Numbers excerpts in order of first citation: the first excerpt cited becomes [1], the next
 * new one [2], and so on. Numbers that are not valid excerpt ids keep their own number.
 */
export class CitationNumbering {
  private readonly numberOf = new Map<number, number>();

  constructor(private readonly validIds: ReadonlySet<number>) {}

  /** Excerpt ids in the order they received their new numbers. */
  get order(): number[] {
    return [...this.numberOf.keys()];
  }

  /** Rewrites every marker in `text` with the new numbers, assigning numbers to first-seen ids. */
  rewrite(text: string): string {
    return text.replace(MARKER, (marker) => {
      const numbers = parseIds(marker).map((id) => this.assign(id));
      return `[${[...new Set(numbers)].sort((a, b) => a - b).join(', ')}]`;
    });
  }

  private assign(id: number): number {
    if (!this.validIds.has(id)) return id;
    let n = this.numberOf.get(id);
    if (n === undefined) {
      n = this.numberOf.size + 1;
      this.numberOf.set(id, n);
    }
    return n;
  }
}

/**
 * Rewrites markers in streamed text as it arrives. A marker can be split across tokens ("[", "3",
 * "]"), so a trailing unfinished bracket is held back until it closes or clearly is not a marker.
 * The emitted text equals `numbering.rewrite(fullText)` for the same numbering.
 */
export class StreamingMarkerRewriter {
  private pending = '';

  constructor(readonly numbering: CitationNumbering) {}

  /** Adds a token; returns the text that can be shown now (may be empty). */
  push(token: string): string {
    this.pending += token;
    const tail = OPEN_MARKER_TAIL.exec(this.pending);
    const cut = tail && this.pending.length - tail.index <= MAX_TAIL ? tail.index : this.pending.length;
    const ready = this.pending.slice(0, cut);
    this.pending = this.pending.slice(cut);
    return this.numbering.rewrite(ready);
  }

  /** The held-back rest at the end of the stream. */
  flush(): string {
    const rest = this.numbering.rewrite(this.pending);
    this.pending = '';
    return rest;
  }
}
