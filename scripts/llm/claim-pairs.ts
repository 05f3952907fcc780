import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatHeadingPath, parseKnowledgeFile, type Section } from '../../src/ingest/index.js';
import type { ClaimSimilarity } from '../../src/llm/claim-similarity.js';

/**
 * True and false claim/citation pairs built from the shipped guide, for choosing and checking
 * LLM_CLAIM_MIN_SIMILARITY. Each claim in claim-pairs.jsonl paraphrases a line of the section it
 * names, the way a model would (true pair); the same claim citing any other section of the file
 * is a wrong citation (false pair).
 */
export interface PairScores {
  /** Closest-line similarity of each claim to the section it paraphrases. */
  truePairs: Array<{ claim: string; section: string; score: number }>;
  /** Closest-line similarity of each claim to every other section named in the file. */
  falsePairs: Array<{ claim: string; section: string; score: number }>;
}

const ROOT = join(import.meta.dirname, '../..');

export async function scoreClaimPairs(similarity: ClaimSimilarity): Promise<PairScores> {
  const guide = parseKnowledgeFile({ source: 'clinical-coding-specialist-guide.md', text: readFileSync(join(ROOT, 'knowledge/clinical-coding-specialist-guide.md'), 'utf8') });
  const pairs = readFileSync(join(import.meta.dirname, 'claim-pairs.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { claim: string; section: string });
  const sectionOf = (fragment: string): Section => {
    const section = guide.sections.find((s) => formatHeadingPath(s.headingPath).includes(fragment));
    if (!section) throw new Error(`no section contains "${fragment}"`);
    return section;
  };
  const lines = (s: Section) => [formatHeadingPath(s.headingPath), ...s.blocks.map((b) => b.text)];
  const fragments = [...new Set(pairs.map((p) => p.section))];
  const scores: PairScores = { truePairs: [], falsePairs: [] };
  for (const pair of pairs) {
    scores.truePairs.push({ ...pair, score: await similarity.closest(pair.claim, lines(sectionOf(pair.section))) });
    for (const other of fragments.filter((f) => f !== pair.section)) {
      scores.falsePairs.push({ claim: pair.claim, section: other, score: await similarity.closest(pair.claim, lines(sectionOf(other))) });
    }
  }
  return scores;
}

/** The value below which `share` of `values` lie (nearest rank). */
export function quantile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}
