import { findMarkers, type MarkerMatch } from './citation-markers.js';

/** A piece of answer text and the excerpts its citation markers name. */
export interface Claim {
  /** The claim's text, without its markers. */
  text: string;
  /** Excerpt ids of the marker(s) right after it ("… exam [1][2]" → 1, 2). */
  ids: number[];
}

/** An answer split into cited claims and the text no marker backs. */
export interface ClaimSplit {
  markers: MarkerMatch[];
  claims: Claim[];
  /** Text after the last marker of a line, or lines without markers (trimmed, non-empty). */
  uncited: string[];
}

/**
 * Splits answer text at its citation markers: each claim runs from the previous marker (or the
 * start of its line) up to its marker; adjacent markers back the same claim.
 */
export function splitClaims(text: string): ClaimSplit {
  const markers = findMarkers(text);
  const claims: Array<Claim & { start: number; end: number }> = [];
  markers.forEach((marker, index) => {
    const start = claimStart(text, markers, index);
    const previous = claims.at(-1);
    if (previous && previous.start === start) {
      previous.ids = [...new Set([...previous.ids, ...marker.ids])];
      previous.end = marker.end;
    } else {
      claims.push({ text: stripMarkers(text.slice(start, marker.start)), ids: marker.ids, start, end: marker.end });
    }
  });
  return { markers, claims: claims.map(({ text: t, ids }) => ({ text: t, ids })), uncited: uncovered(text, claims) };
}

/** `text` with its citation markers removed. */
export function stripMarkers(text: string): string {
  let out = '';
  let position = 0;
  for (const marker of findMarkers(text)) {
    out += text.slice(position, marker.start);
    position = marker.end;
  }
  return out + text.slice(position);
}

type Span = { start: number; end: number };

/** Adjacent markers ("… exam [1][2]", "… [1], [2]") back the same claim. */
function claimStart(text: string, markers: readonly Span[], index: number): number {
  const lineStart = text.lastIndexOf('\n', markers[index]!.start - 1) + 1;
  if (index === 0) return lineStart;
  const previousEnd = markers[index - 1]!.end;
  if (previousEnd <= lineStart) return lineStart;
  if (/^[\s.,;:]*$/.test(text.slice(previousEnd, markers[index]!.start))) return claimStart(text, markers, index - 1);
  return previousEnd;
}

/** The stretches of `text` outside every claim, split at line ends. */
function uncovered(text: string, claims: readonly Span[]): string[] {
  const pieces: string[] = [];
  let position = 0;
  for (const claim of claims) {
    pieces.push(text.slice(position, claim.start));
    position = claim.end;
  }
  pieces.push(text.slice(position));
  return pieces
    .flatMap((piece) => piece.split('\n'))
    .map((piece) => piece.replace(/^[\s.,;:]+/, '').trim())
    .filter((piece) => piece !== '');
}
