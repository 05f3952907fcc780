import { isInScope, type EvalItem, type Fact, type InScopeItem } from './dataset.js';

/** A section counts as right if its heading path contains one of the expected strings (case-insensitive). */
export function sectionMatches(headingPath: string, expected: readonly string[]): boolean {
  const path = headingPath.toLowerCase();
  return expected.some((e) => path.includes(e.toLowerCase()));
}

/** 1-based rank of the first matching section within the first `k`, or undefined. */
export function firstHitRank(ranked: readonly string[], expected: readonly string[], k: number): number | undefined {
  const i = ranked.slice(0, k).findIndex((p) => sectionMatches(p, expected));
  return i === -1 ? undefined : i + 1;
}

/** True when the answer contains the fact (or one of its alternatives), ignoring case. */
export function hasFact(answer: string, fact: Fact): boolean {
  const text = answer.toLowerCase();
  return (Array.isArray(fact) ? fact : [fact]).some((f) => text.includes(f.toLowerCase()));
}

/** Mean of numbers; NaN-free (0 for an empty list). */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * The in-scope rows whose expected sections match no heading of the loaded guides. Most of a set's
 * rows missing says the set was written for a guide that is not loaded (a row without `source`
 * cannot say so itself): its scores would measure nothing.
 */
export function rowsWithoutLoadedSections(items: readonly EvalItem[], headingPaths: readonly string[]): { missing: InScopeItem[]; inScope: number } {
  const rows = items.filter(isInScope);
  return { missing: rows.filter((row) => !headingPaths.some((path) => sectionMatches(path, row.sections))), inScope: rows.length };
}
