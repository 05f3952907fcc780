/** Slack's limit for the text of a section block. */
export const SECTION_TEXT_LIMIT = 3000;

// Tokens that must never be cut in two: citation markers, Slack entities (<url|label>, <@U1>) and HTML escapes.
const UNBREAKABLE = /\[\d+\]|<[^<>\n]*>|&[a-z]+;/g;

/**
 * Splits mrkdwn into chunks of at most `limit` characters for consecutive section blocks.
 * Prefers line breaks, then spaces; a single over-long word is cut hard, but never inside a [n] marker,
 * a Slack <entity> or an &amp;-escape, so every chunk renders on its own.
 */
export function splitMrkdwn(text: string, limit: number = SECTION_TEXT_LIMIT): string[] {
  const chunks: string[] = [];
  let current = '';
  const flush = (): void => {
    if (current.trim() !== '') chunks.push(current.replace(/\s+$/, ''));
    current = '';
  };
  for (const line of text.split('\n')) {
    const joined = current === '' ? line : `${current}\n${line}`;
    if (joined.length <= limit) {
      current = joined;
      continue;
    }
    flush();
    if (line.length <= limit) {
      current = line;
      continue;
    }
    const pieces = splitLongLine(line, limit);
    chunks.push(...pieces.slice(0, -1));
    current = pieces.at(-1) ?? '';
  }
  flush();
  return chunks;
}

/** Splits one line at spaces; words longer than `limit` are cut at a safe position. */
function splitLongLine(line: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > limit) {
    const cut = cutPosition(rest, limit);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  pieces.push(rest);
  return pieces.filter((p) => p !== '');
}

/** The last space at or before `limit` outside unbreakable tokens; else a hard cut before the token crossing `limit`. */
function cutPosition(text: string, limit: number): number {
  const tokens = [...text.matchAll(UNBREAKABLE)].map((m) => [m.index, m.index + m[0].length] as const);
  const inside = (pos: number): boolean => tokens.some(([start, end]) => pos > start && pos < end);
  for (let pos = Math.min(limit, text.length - 1); pos > 0; pos -= 1) {
    if (text[pos] === ' ' && !inside(pos)) return pos;
  }
  const crossing = tokens.find(([start, end]) => start > 0 && start < limit && end > limit);
  return crossing ? crossing[0] : limit;
}
