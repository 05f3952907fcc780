import type { Citation, ComposedAnswer } from '../answer/index.js';
import { contentTerms } from '../text/index.js';
import { CitationNumbering, type MarkerMatch } from './citation-markers.js';
import type { ClaimSimilarity } from './claim-similarity.js';
import { splitClaims, type Claim } from './claims.js';
import type { GuideExcerpt } from './guide-excerpts.js';
import type { ModelAnswer } from './output-schema.js';
import { claimSpecifics, sourceSpecifics, unsupportedSpecifics, type SourceSpecifics } from './specifics/claim-specifics.js';

/** What an abstention says; fixed, so an abstaining model never gets uncited claims shown. */
export const ABSTENTION_TEXT =
  "The guide doesn't cover this, so I won't guess. Ask me about coding careers: salaries, certifications, education, skills or career paths.";

/** A claim must share at least one content word with what it cites, once it has this many. */
const MIN_TERMS_FOR_OVERLAP_CHECK = 3;
const MAX_QUOTE_LINES = 2;
/** Longest piece of a claim quoted back in a corrective message. */
const MESSAGE_CLAIM_CHARS = 80;

export type Verification = { ok: true; answer: ComposedAnswer } | { ok: false; problems: string[] };

/** The semantic check: each claim close enough to a line of what it cites (LLM_CLAIM_MIN_SIMILARITY). */
export interface SemanticCheck {
  similarity: ClaimSimilarity;
  /** Lowest accepted closest-line similarity; 0 turns the check off. */
  minSimilarity: number;
}

/**
 * Checks a model answer against the excerpts it was given and, if it holds, turns it into the
 * answer users see: markers renumbered 1..m in order of first use, each citation naming its
 * section and quoting the guide lines that back the claims citing it.
 *
 * It holds when every marker and every `cited` id is an excerpt that was provided, a
 * non-abstaining answer cites at least once, and each claim is backed by what it cites:
 * - every figure, acronym and capitalised name in the claim occurs in one of its excerpts
 *   (specifics/), and text no marker backs states none;
 * - the claim shares a content word with one of its excerpts (cheap; catches unrelated text);
 * - with a semantic check, the claim is close to a line of one of its excerpts (USE similarity).
 */
export async function verifyModelAnswer(output: ModelAnswer, excerpts: readonly GuideExcerpt[], semantic?: SemanticCheck): Promise<Verification> {
  if (output.abstained) return { ok: true, answer: { text: ABSTENTION_TEXT, abstained: true, citations: [] } };

  const byId = new Map(excerpts.map((e) => [e.id, e]));
  const text = output.answer.trim();
  const split = splitClaims(text);
  const structural = structuralProblems(text, split.markers, output.cited, byId);
  if (structural.length > 0) return { ok: false, problems: structural };

  const problems = [...uncitedProblems(split.uncited)];
  for (const claim of split.claims) problems.push(...(await claimProblems(claim, byId, semantic)));
  if (problems.length > 0) return { ok: false, problems };

  const numbering = new CitationNumbering(new Set(byId.keys()));
  const rewritten = numbering.rewrite(text);
  const claimsOf = (id: number) => split.claims.filter((c) => c.ids.includes(id)).map((c) => c.text);
  const citations: Citation[] = numbering.order.map((id, i) => {
    const excerpt = byId.get(id)!;
    return { n: i + 1, section: excerpt.section, source: excerpt.source, quote: quoteFor(excerpt, claimsOf(id)) };
  });
  return { ok: true, answer: { text: rewritten, abstained: false, citations } };
}

/** Empty or uncited answers and ids that were never provided. */
function structuralProblems(text: string, markers: readonly MarkerMatch[], cited: readonly number[], byId: ReadonlyMap<number, GuideExcerpt>): string[] {
  const provided = byId.size === 1 ? '[1]' : `[1] to [${byId.size}]`;
  const problems: string[] = [];
  if (text === '') problems.push('The answer is empty. Answer from the excerpts, or set abstained to true.');
  else if (markers.length === 0) problems.push(`The answer has no citations. Put the excerpt number, like [1], after every claim.`);
  const unknownInText = [...new Set(markers.flatMap((m) => m.ids).filter((id) => !byId.has(id)))];
  if (unknownInText.length > 0) problems.push(`The answer cites ${unknownInText.map((id) => `[${id}]`).join(', ')}, but only excerpts ${provided} exist.`);
  const unknownCited = [...new Set(cited.filter((id) => !byId.has(id)))];
  if (unknownCited.length > 0) problems.push(`"cited" lists ${unknownCited.join(', ')}, but only excerpts ${provided} exist.`);
  return problems;
}

/** Text after a line's last marker may connect or close, but not state a figure or a name. */
function uncitedProblems(uncited: readonly string[]): string[] {
  return uncited.flatMap((piece) => {
    const specifics = claimSpecifics(piece);
    if (specifics.length === 0) return [];
    return [`“${shorten(piece)}” states ${quoteList(specifics.map((s) => s.text))} without a citation. Put the number of the excerpt that states it after it.`];
  });
}

async function claimProblems(claim: Claim, byId: ReadonlyMap<number, GuideExcerpt>, semantic: SemanticCheck | undefined): Promise<string[]> {
  const cited = claim.ids.map((id) => byId.get(id)!);
  const markers = claim.ids.map((id) => `[${id}]`).join('');
  const unsupported = unsupportedSpecifics(claimSpecifics(claim.text), cited.map(specificsOf));
  if (unsupported.length > 0) {
    return [
      `“${shorten(claim.text)}” cites ${markers}, but ${markers} does not contain ${quoteList(unsupported.map((s) => s.text))}. State only figures, names and credentials that the cited excerpt contains, or cite the excerpt that does.`,
    ];
  }
  const claimTerms = new Set(contentTerms(claim.text));
  if (claimTerms.size < MIN_TERMS_FOR_OVERLAP_CHECK) return [];
  if (!cited.some((excerpt) => excerptTerms(excerpt).some((t) => claimTerms.has(t)))) {
    return [`“${shorten(claim.text)}” cites ${markers}, which says nothing about it.`];
  }
  if (semantic && semantic.minSimilarity > 0) {
    const closest = await semantic.similarity.closest(claim.text.trim(), cited.flatMap(excerptLines));
    if (closest < semantic.minSimilarity) return [`“${shorten(claim.text)}” cites ${markers}, but no line of ${markers} says this.`];
  }
  return [];
}

const specificsCache = new WeakMap<GuideExcerpt, SourceSpecifics>();

/** An excerpt's figures and names, from its section path and its full lines. */
function specificsOf(excerpt: GuideExcerpt): SourceSpecifics {
  let specifics = specificsCache.get(excerpt);
  if (!specifics) {
    specifics = sourceSpecifics(excerptLines(excerpt).join('\n'));
    specificsCache.set(excerpt, specifics);
  }
  return specifics;
}

function excerptLines(excerpt: GuideExcerpt): string[] {
  return [excerpt.section, ...excerpt.lines];
}

function shorten(claim: string): string {
  const trimmed = claim.trim();
  return trimmed.length > MESSAGE_CLAIM_CHARS ? `${trimmed.slice(0, MESSAGE_CLAIM_CHARS - 1)}…` : trimmed;
}

function quoteList(items: readonly string[]): string {
  return [...new Set(items)].map((item) => `“${item}”`).join(', ');
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
