import { linearScore, loadLineModel, type LinearModel } from '../quality/index.js';
import type { RankedSection, RetrievalResult, ScoredUnit } from '../retrieval/index.js';
import { candidateUnits } from './answerability.js';

/** A candidate line with the line model's log-odds that it states the answer. */
export interface RankedLine {
  unit: ScoredUnit;
  section: RankedSection;
  rank: number;
  score: number;
}

/**
 * What the line model weighs for one candidate line: its own evidence (cosine, coverage, label,
 * value type), its section's standing, and its shape (position, length, whether it only introduces a list).
 */
export function lineFeatures(result: RetrievalResult, c: { unit: ScoredUnit; section: RankedSection; rank: number }): Record<string, number> {
  const position = c.section.entry.units.indexOf(c.unit.unit);
  const words = c.unit.unit.text.split(/\s+/).length;
  const quantity = result.query.quantity;
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
export function rankLines(result: RetrievalResult, model: LinearModel = shippedLineModel()): RankedLine[] {
  return candidateUnits(result)
    .map((c) => ({ ...c, score: linearScore(model, lineFeatures(result, c)) }))
    .sort((a, b) => b.score - a.score);
}

let shipped: LinearModel | undefined;
function shippedLineModel(): LinearModel {
  shipped ??= loadLineModel();
  return shipped;
}
