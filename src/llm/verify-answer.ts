import type { Citation, ComposedAnswer } from '../answer/index.js';
import { contentTerms } from '../text/index.js';
import { CitationNumbering, findMarkers } from './citation-markers.js';
import type { GuideExcerpt } from './guide-excerpts.js';
import type { ModelAnswer } from './output-schema.js';

/** What an abstention says; fixed, so an abstaining model never gets uncited claims shown. */
export const ABSTENTION_TEXT =
  "The guide doesn't cover this, so I won't guess. Ask me about coding careers: salaries, certifications, education, skills or career paths.";

/** A claim must share at least one content word with what it cites, once it has this many. */
const MIN_TERMS_FOR_OVERLAP_CHECK = 3;
const MAX_QUOTE_LINES = 2;

export type Verification = { ok: true; answer: ComposedAnswer } | { ok: false; problems: string[] };

/**
 * Checks a model answer against the excerpts it was given and, if it holds, turns it into the
 * answer users see: markers renumbered 1..m in order of first use, each citation naming its
 * section and quoting the guide lines that back the claims citing it.
 *
 * It holds when every marker and every `cited` id is an excerpt that was provided, a
 * non-abstaining answer cites at least once, and each cited claim shares a content word with
 * at least one excerpt it cites (a cheap check that catches citations pointing at the wrong text).
 */
export function verifyModelAnswer(output: ModelAnswer, excerpts: readonly GuideExcerpt[]): Verification {
  if (output.abstained) return { ok: true, answer: { text: ABSTENTION_TEXT, abstained: true, citations: [] } };

  const byId = new Map(excerpts.map((e) => [e.id, e]));
  const provided = excerpts.length === 1 ? '[1]' : `[1] to [${excerpts.length}]`;
  const problems: string[] = [];
  const text = output.answer.trim();
  const markers = findMarkers(text);

  if (text === '') problems.push('The answer is empty. Answer from the excerpts, or set abstained to true.');
  else if (markers.length === 0) problems.push(`The answer has no citations. Put the excerpt number, like [1], after every claim.`);

  const unknownInText = [...new Set(markers.flatMap((m) => m.ids).filter((id) => !byId.has(id)))];
  if (unknownInText.length > 0) problems.push(`The answer cites ${unknownInText.map((id) => `[${id}]`).join(', ')}, but only excerpts ${provided} exist.`);
  const unknownCited = [...new Set(output.cited.filter((id) => !byId.has(id)))];
  if (unknownCited.length > 0) problems.push(`"cited" lists ${unknownCited.join(', ')}, but only excerpts ${provided} exist.`);
  if (problems.length > 0) return { ok: false, problems };

  const claims = claimsByExcerpt(text, markers);
  for (const [index, marker] of markers.entries()) {
    const claimTerms = new Set(contentTerms(claimBefore(text, markers, index)));
    if (claimTerms.size < MIN_TERMS_FOR_OVERLAP_CHECK) continue;
    const supported = marker.ids.some((id) => excerptTerms(byId.get(id)!).some((t) => claimTerms.has(t)));
    if (!supported) {
      const claim = claimBefore(text, markers, index).trim().slice(0, 80);
      problems.push(`“${claim}” cites ${marker.ids.map((id) => `[${id}]`).join('')}, which says nothing about it.`);
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const numbering = new CitationNumbering(new Set(byId.keys()));
  const rewritten = numbering.rewrite(text);
  const citations: Citation[] = numbering.order.map((id, i) => {
    const excerpt = byId.get(id)!;
    return { n: i + 1, section: excerpt.section, source: excerpt.source, quote: quoteFor(excerpt, claims.get(id) ?? []) };
  });
  return { ok: true, answer: { text: rewritten, abstained: false, citations } };
}

type Span = { start: number; end: number };

/** The text a marker backs: from the previous marker (or line start) up to this one. */
function claimBefore(text: string, markers: readonly Span[], index: number): string {
  return text.slice(claimStart(text, markers, index), markers[index]!.start);
}

/** Adjacent markers ("… exam [1][2]") back the same claim. */
function claimStart(text: string, markers: readonly Span[], index: number): number {
  const lineStart = text.lastIndexOf('\n', markers[index]!.start - 1) + 1;
  if (index === 0) return lineStart;
  const previousEnd = markers[index - 1]!.end;
  if (previousEnd <= lineStart) return lineStart;
  if (/^[\s.,;:]*$/.test(text.slice(previousEnd, markers[index]!.start))) return claimStart(text, markers, index - 1);
  return previousEnd;
}

function claimsByExcerpt(text: string, markers: ReturnType<typeof findMarkers>): Map<number, string[]> {
  const claims = new Map<number, string[]>();
  markers.forEach((marker, index) => {
    for (const id of marker.ids) claims.set(id, [...(claims.get(id) ?? []), claimBefore(text, markers, index)]);
  });
  return claims;
}

function excerptTerms(excerpt: GuideExcerpt): string[] {
  return contentTerms(`${excerpt.section}\n${excerpt.lines.join('\n')}`);
}

/**
 * The excerpt lines that back the claims citing it (verbatim guide text): greedily the line
 * covering most of the claims' words, then lines adding words not yet covered.
 */
function quoteFor(excerpt: GuideExcerpt, claims: readonly string[]): string {
  const uncovered = new Set(contentTerms(claims.join(' ')));
  const lines = excerpt.lines.map((line, index) => ({ line, index, terms: new Set(contentTerms(line)) }));
  const picked: typeof lines = [];
  while (picked.length < MAX_QUOTE_LINES) {
    let best: (typeof lines)[number] | undefined;
    let bestGain = 0;
    for (const candidate of lines) {
      if (picked.includes(candidate)) continue;
      const gain = [...candidate.terms].filter((t) => uncovered.has(t)).length;
      if (gain > bestGain) [best, bestGain] = [candidate, gain];
    }
    if (!best) break;
    picked.push(best);
    for (const t of best.terms) uncovered.delete(t);
  }
  if (picked.length === 0) return excerpt.lines[0] ?? '';
  return picked
    .sort((a, b) => a.index - b.index)
    .map((p) => p.line)
    .join('\n');
}
