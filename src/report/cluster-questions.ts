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

/** How alike two question wordings are, 0–1. */
export type QuestionSimilarity = (a: string, b: string) => number;

/** Shared words (through the lexicon): Jaccard of the questions' comparable terms. */
export function wordSimilarity(): QuestionSimilarity {
  const terms = new Map<string, Set<string>>();
  const of = (q: string) => terms.get(q) ?? terms.set(q, questionTerms(q)).get(q)!;
  return (a, b) => jaccard(of(a), of(b));
}

/**
 * Greedy ("leader") clustering: questions are taken most asked first; each joins
 * the existing group whose leading wording it resembles most (similarity ≥ `threshold`),
 * or starts a new one. Comparing with the leader, not every member, stops chains
 * of small steps from merging unrelated questions. Deterministic for a given input.
 * `similarity` defaults to shared words; the report passes the answer embedder's cosine when it has it.
 */
export function clusterQuestions(questions: readonly AskedQuestion[], threshold = DEFAULT_SIMILARITY, similarity: QuestionSimilarity = wordSimilarity()): QuestionCluster[] {
  const ordered = [...questions].sort(
    (a, b) => b.count - a.count || b.lastTs - a.lastTs || a.question.localeCompare(b.question),
  );
  const groups: QuestionCluster[] = [];
  for (const q of ordered) {
    let best: QuestionCluster | undefined;
    let bestScore = 0;
    for (const g of groups) {
      const score = similarity(q.question, g.representative);
      if (score >= threshold && score > bestScore) {
        best = g;
        bestScore = score;
      }
    }
    if (best) {
      best.count += q.count;
      best.lastTs = Math.max(best.lastTs, q.lastTs);
      best.variants.push({ question: q.question, count: q.count });
    } else {
      groups.push({ representative: q.question, count: q.count, lastTs: q.lastTs, variants: [{ question: q.question, count: q.count }] });
    }
  }
  return groups.sort((a, b) => b.count - a.count || b.lastTs - a.lastTs || a.representative.localeCompare(b.representative));
}
