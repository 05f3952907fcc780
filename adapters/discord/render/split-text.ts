/** A citation marker such as [3], [1, 2] or [4–6]; never split and never separated from the word before it. */
const MARKER = /\[\d+(?:\s*[,;–-]\s*\d+)*\]/g;

/** Preference of a break point: paragraph > line > sentence > word. */
const Rank = { Word: 0, Sentence: 1, Line: 2, Paragraph: 3 } as const;

/**
 * Splits `text` into chunks of at most `limit` characters for Discord messages and embeds.
 * Breaks at paragraph, then line, then sentence, then word boundaries (taking a higher-ranked
 * break only if it keeps at least half a chunk), never inside a word or a citation marker and
 * never between a word and the marker that follows it (unless the two together exceed `limit`).
 * Only a single token longer than `limit` is cut hard. Whitespace at each break is dropped; indentation of the next line is kept.
 */
export function splitText(text: string, limit: number): string[] {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const cut = findBreak(rest, limit);
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\s*\n|^\s+/, '');
  }
  if (rest) chunks.push(rest);
  return chunks;
}

/** Index to cut `text` at so the first part is at most `limit` characters. */
function findBreak(text: string, limit: number): number {
  const markers = markerRanges(text.slice(0, limit + 64));
  const inMarker = (p: number) => markers.some(([start, end]) => p > start && p < end);
  const best: number[] = [0, 0, 0, 0];
  let beforeMarker = 0;
  for (let p = 1; p <= limit; p++) {
    if (!isSpace(text[p]) || isSpace(text[p - 1]) || inMarker(p)) continue;
    const run = whitespaceRun(text, p);
    const newlines = countNewlines(run);
    if (newlines === 0 && MARKER_AT_START.test(text.slice(p + run.length, p + run.length + 24))) {
      beforeMarker = p;
      continue;
    }
    const rank = newlines >= 2 ? Rank.Paragraph : newlines === 1 ? Rank.Line : endsSentence(text, p, markers) ? Rank.Sentence : Rank.Word;
    best[rank] = p;
  }
  for (const rank of [Rank.Paragraph, Rank.Line, Rank.Sentence]) {
    if (best[rank]! >= limit / 2) return best[rank]!;
  }
  const any = Math.max(...best);
  if (any > 0) return any;
  // A word plus its marker is longer than the limit: separate them rather than cut either.
  if (beforeMarker > 0) return beforeMarker;
  // One token longer than the limit: cut it, but not inside a marker or a surrogate pair.
  const marker = markers.find(([start, end]) => limit > start && limit < end);
  if (marker && marker[0] > 0) return marker[0];
  return isHighSurrogate(text.charCodeAt(limit - 1)) ? limit - 1 : limit;
}

const MARKER_AT_START = new RegExp(`^${MARKER.source}`);

function markerRanges(text: string): Array<[number, number]> {
  return [...text.matchAll(MARKER)].map((m) => [m.index, m.index + m[0].length]);
}

function endsSentence(text: string, p: number, markers: Array<[number, number]>): boolean {
  return /[.!?…]["')]?$/.test(text.slice(Math.max(0, p - 2), p)) || markers.some(([, end]) => end === p);
}

function whitespaceRun(text: string, from: number): string {
  let end = from;
  while (end < text.length && isSpace(text[end])) end++;
  return text.slice(from, end);
}

function countNewlines(run: string): number {
  let n = 0;
  for (const ch of run) if (ch === '\n') n++;
  return n;
}

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/.test(ch);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
