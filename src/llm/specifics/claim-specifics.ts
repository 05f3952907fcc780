import { figureOccurs, findFigures, isClaimedFigure, type Figure } from './figures.js';
import { findNamedTerms, termHaystack, termOccurs, type NamedTerm, type TermHaystack } from './named-terms.js';
import { normalizeForMatching } from './normalize.js';

/** A figure, acronym or name a claim states; it must occur in an excerpt the claim cites. */
export type Specific = { kind: 'figure'; text: string; figure: Figure } | { kind: 'acronym' | 'name'; text: string; term: NamedTerm };

/** The checkable specifics of an excerpt's text, computed once per excerpt. */
export interface SourceSpecifics {
  figures: Figure[];
  terms: TermHaystack;
}

/** List numbering ("1. ", "2) ") and bullets at line starts are layout, not figures. */
const LIST_MARK = /^[ \t]*(?:\d{1,2}[.)]|[-*•])[ \t]+/gm;

/** The specifics stated in `claim` (citation markers already removed). */
export function claimSpecifics(claim: string): Specific[] {
  const text = normalizeForMatching(claim.replace(LIST_MARK, ''));
  const figures: Specific[] = findFigures(text)
    .filter((f) => isClaimedFigure(f, text))
    .map((figure) => ({ kind: 'figure', text: figure.text, figure }));
  const terms: Specific[] = findNamedTerms(text).map((term) => ({ kind: term.kind, text: term.text, term }));
  return [...figures, ...terms];
}

export function sourceSpecifics(text: string): SourceSpecifics {
  const normalized = normalizeForMatching(text.replace(LIST_MARK, ''));
  return { figures: findFigures(normalized), terms: termHaystack(normalized) };
}

/** The claim's specifics found in none of `sources` (the excerpts it cites). */
export function unsupportedSpecifics(specifics: readonly Specific[], sources: readonly SourceSpecifics[]): Specific[] {
  return specifics.filter((s) => !sources.some((source) => occursIn(s, source)));
}

function occursIn(specific: Specific, source: SourceSpecifics): boolean {
  return specific.kind === 'figure' ? figureOccurs(specific.figure, source.figures) : termOccurs(specific.term, source.terms);
}
