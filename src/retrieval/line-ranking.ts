import { linearScore, QUALITY, type LinearModel } from '../quality/index.js';
import type { AnalyzedQuery } from './query-analysis.js';
import type { RankedSection, ScoredUnit } from './ranked-section.js';

/** A candidate line: a line of one of the top sections, with its section's rank (0 = top). */
export interface CandidateLine {
  unit: ScoredUnit;
  section: RankedSection;
  rank: number;
}

/** A candidate line with the line model's log-odds that it states the answer. */
export interface RankedLine extends CandidateLine {
  score: number;
}

/** Lines of the sections an answer may quote (the top QUALITY.answer.sectionsConsidered), best first within each section. */
export function candidateUnits(sections: readonly RankedSection[]): CandidateLine[] {
  return sections.slice(0, QUALITY.answer.sectionsConsidered).flatMap((section, rank) => section.units.map((unit) => ({ unit, section, rank })));
}

/**
 * What the line model weighs for one candidate line: its own evidence (cosine, coverage, label,
 * value type), its section's standing, and its shape (position, length, whether it only introduces a list).
 */
export function lineFeatures(query: AnalyzedQuery, c: CandidateLine): Record<string, number> {
  const position = c.section.entry.units.indexOf(c.unit.unit);
  const words = c.unit.unit.text.split(/\s+/).length;
  const quantity = query.quantity;
  return {
    line_sim: c.unit.dense,
    coverage: c.unit.coverage,
    support: c.unit.support,
    about: c.unit.about,
    line_score: c.unit.score,
    value_match: quantity ? (c.unit.hasQuantity ? 1 : -1) : 0,
    section_score: c.section.score,
    top_section: c.rank === 0 ? 1 : 0,
    first_line: position === 0 ? 1 : 0,
    intro: c.unit.unit.text.endsWith(':') ? 1 : 0,
    log_words: Math.log(words),
  };
}

export const LINE_FEATURES = ['line_sim', 'coverage', 'support', 'about', 'line_score', 'value_match', 'section_score', 'top_section', 'first_line', 'intro', 'log_words'] as const;

/** Candidate lines of the top sections, best first by the line model. */
export function rankLines(query: AnalyzedQuery, sections: readonly RankedSection[], model: LinearModel): RankedLine[] {
  return candidateUnits(sections)
    .map((c) => ({ ...c, score: linearScore(model, lineFeatures(query, c)) }))
    .sort((a, b) => b.score - a.score);
}

/** A line ending in a colon only introduces a list; alone it answers nothing. */
export const isIntro = (unit: ScoredUnit): boolean => unit.unit.text.endsWith(':');

/**
 * The line an answer leads with: the line model's best candidate, among those stating the value
 * asked for when any does. A line that only introduces a list never leads.
 */
export function leadLine(lines: readonly RankedLine[], query: AnalyzedQuery): RankedLine | undefined {
  const candidates = lines.filter((c) => !isIntro(c.unit));
  const withValue = query.quantity ? candidates.filter((c) => c.unit.hasQuantity) : [];
  return (withValue.length > 0 ? withValue : candidates)[0];
}
