import { formatHeadingPath } from '../ingest/index.js';
import { QUALITY } from '../quality/index.js';
import { matchStrength, type AnalyzedQuery, type RankedSection, type RetrievalResult, type ScoredUnit } from '../retrieval/index.js';
import { contentTerms } from '../text/index.js';
import { display, render, type ComposedAnswer } from './extractive-composer.js';

/** The guide lines a written answer quotes (each citation's quote holds one per line). */
export function quotedLines(answer: Pick<ComposedAnswer, 'citations'>): string[] {
  return answer.citations.flatMap((c) => c.quote.split('\n')).filter(Boolean);
}

/**
 * True when everything the answer quotes was already shown in the conversation and the follow-up
 * names too little of its own for those lines to be its answer ("what then?", not "and the
 * procedure code updates?", whose answer may well be a line shown before).
 */
export function repeatsConversation(answer: ComposedAnswer, shown: ReadonlySet<string>, query?: AnalyzedQuery): boolean {
  const quoted = quotedLines(answer);
  if (answer.abstained || quoted.length === 0 || !quoted.every((line) => shown.has(line))) return false;
  // "why?" asks for the reason behind what was said, and the guide often gave it in the same lines: say them again.
  if (query && ASKS_WHY.test(query.question)) return false;
  return !query || ownSupport(query, new Set(quoted.flatMap((line) => contentTerms(line)))) < QUALITY.followUps.restateSupport;
}

const ASKS_WHY = /^\s*(?:(?:and|but|so)\s+)?why\b/i;

/** Share of the question's own words (not carried context, not hints) that the terms contain. */
function ownSupport(query: AnalyzedQuery, terms: ReadonlySet<string>): number {
  const own = query.terms.filter((t) => t.weight >= 1 && !t.hint);
  return own.length === 0 ? 0 : own.filter((t) => matchStrength(t, terms) > 0).length / own.length;
}

function sectionOf(result: RetrievalResult, answer: ComposedAnswer): RankedSection | undefined {
  const lead = answer.citations[0];
  return lead && result.sections.find((s) => s.entry.section.source === lead.source && formatHeadingPath(s.entry.section.headingPath) === lead.section);
}

/** The lines after the last shown one in the lead section (the next stage or band), not yet shown. */
function nextInSection(section: RankedSection, shown: ReadonlySet<string>): ScoredUnit[] {
  // Document order is the catalog's unit order: sentences of one paragraph share a line number.
  const position = new Map(section.entry.units.map((u, i) => [u, i]));
  const inOrder = [...section.units].sort((a, b) => position.get(a.unit)! - position.get(b.unit)!);
  const lastShown = inOrder.reduce((last, u, i) => (shown.has(u.unit.text) ? i : last), -1);
  return inOrder.filter((u, i) => i > lastShown && !shown.has(u.unit.text)).slice(0, QUALITY.followUps.nextLines);
}

/**
 * A follow-up whose best answer repeats what the conversation already showed ("what then?")
 * gets the next lines of the same section instead; when the section has nothing more, the
 * reply says so and points to the closest other section.
 */
export function composeNextLines(result: RetrievalResult, answer: ComposedAnswer, shown: ReadonlySet<string>): ComposedAnswer {
  const section = sectionOf(result, answer);
  const next = section ? nextInSection(section, shown) : [];
  if (section && next.length > 0) return render(next.map((u) => ({ text: display(u.unit.text), section, quotes: [u.unit.text] })));
  const other = result.sections.find((s) => s !== section)?.entry.section.headingPath.at(-1);
  const pointer = other ? ` The closest related section is “${other}” (try “topics ${other}”).` : '';
  return { text: `The guide says nothing more on this than what I've already shown.${pointer}`, abstained: true, citations: [] };
}
