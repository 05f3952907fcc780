import { getWordNet } from '../lexicon/index.js';
import { isStopWord, stem, synonymsOf, wordTokens } from '../text/index.js';

/** Default minimum Jaccard similarity for two questions to share a group. */
export const DEFAULT_SIMILARITY = 0.5;

/** A question wording and how often it was asked (the store already merged case and punctuation variants). */
export interface AskedQuestion {
  question: string;
  count: number;
  /** Epoch ms of the latest time it was asked. */
  lastTs: number;
}

/** Similar questions grouped together, led by the most asked wording. */
export interface QuestionCluster {
  representative: string;
  count: number;
  lastTs: number;
  /** All wordings in the group, most asked first. */
  variants: Array<{ question: string; count: number }>;
}

/**
 * The comparable terms of a question: stemmed content words, each replaced by one fixed member
 * of its WordNet synonym sets (or curated abbreviation group), so "exam"/"test" or
 * "pay"/"salary" match. The same lexicon answers use (src/lexicon).
 */
export function questionTerms(question: string): Set<string> {
  return new Set(
    wordTokens(question.normalize('NFKC'))
      .filter((t) => !isStopWord(t))
      .map(canonicalTerm),
  );
}

function canonicalTerm(token: string): string {
  const own = stem(token);
  let best = own;
  const consider = (other: string) => {
    if (other < best) best = other;
  };
  for (const other of synonymsOf(own)) consider(other);
  for (const r of getWordNet().related(token)) if (r.relation === 'synonym' && !r.word.includes(' ')) consider(stem(r.word));
  return best;
}

/** |a ∩ b| / |a ∪ b|; 0 when both are empty (no evidence they are alike). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/**
 * Greedy ("leader") clustering: questions are taken most asked first; each joins
 * the existing group whose leading wording it resembles most (Jaccard ≥ `threshold`),
 * or starts a new one. Comparing with the leader, not every member, stops chains
 * of small steps from merging unrelated questions. Deterministic for a given input.
 */
export function clusterQuestions(questions: readonly AskedQuestion[], threshold = DEFAULT_SIMILARITY): QuestionCluster[] {
  const ordered = [...questions].sort(
    (a, b) => b.count - a.count || b.lastTs - a.lastTs || a.question.localeCompare(b.question),
  );
  const groups: Array<{ terms: Set<string>; cluster: QuestionCluster }> = [];
  for (const q of ordered) {
    const terms = questionTerms(q.question);
    let best: (typeof groups)[number] | undefined;
    let bestScore = 0;
    for (const g of groups) {
      const score = jaccard(terms, g.terms);
      if (score >= threshold && score > bestScore) {
        best = g;
        bestScore = score;
      }
    }
    if (best) {
      best.cluster.count += q.count;
      best.cluster.lastTs = Math.max(best.cluster.lastTs, q.lastTs);
      best.cluster.variants.push({ question: q.question, count: q.count });
    } else {
      groups.push({ terms, cluster: { representative: q.question, count: q.count, lastTs: q.lastTs, variants: [{ question: q.question, count: q.count }] } });
    }
  }
  return groups
    .map((g) => g.cluster)
    .sort((a, b) => b.count - a.count || b.lastTs - a.lastTs || a.representative.localeCompare(b.representative));
}
