import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatHeadingPath, parseKnowledgeFile, type Section } from '../../src/ingest/index.js';
import type { ClaimSimilarity } from '../../src/llm/claim-similarity.js';
import type { GuideExcerpt } from '../../src/llm/guide-excerpts.js';
import { verifyModelAnswer } from '../../src/llm/verify-answer.js';

/**
 * True and false claim/citation pairs built from the shipped guide, for choosing and checking
 * LLM_CLAIM_MIN_SIMILARITY. Each claim in claim-pairs.jsonl paraphrases a line of the section it
 * names, the way a model would (true pair); the same claim citing any other section of the file
 * is a wrong citation (false pair).
 */
export interface ScoredPair {
  claim: string;
  section: string;
  /** Closest-line similarity of the claim to the section. */
  score: number;
  /** Whether the whole verification (specifics, shared words, similarity) accepts "claim [1]" citing the section. */
  accepted: boolean;
}

export interface PairScores {
  /** Each claim citing the section it paraphrases. */
  truePairs: ScoredPair[];
  /** Each claim citing every other section named in the file. */
  falsePairs: ScoredPair[];
}

const ROOT = join(import.meta.dirname, '../..');

export async function scoreClaimPairs(similarity: ClaimSimilarity, minSimilarity: number): Promise<PairScores> {
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
  const score = async (claim: string, fragment: string): Promise<ScoredPair> => {
    const section = sectionOf(fragment);
    const blocks = section.blocks.map((b) => b.text);
    const excerpt: GuideExcerpt = { id: 1, section: formatHeadingPath(section.headingPath), source: section.source, lines: blocks, text: blocks.join('\n') };
    const answer = `${claim.replace(/\.$/, '')} [1].`;
    const verification = await verifyModelAnswer({ answer, cited: [1], abstained: false }, [excerpt], { similarity, minSimilarity });
    return { claim, section: fragment, score: await similarity.closest(claim, lines(section)), accepted: verification.ok };
  };
  const scores: PairScores = { truePairs: [], falsePairs: [] };
  for (const pair of pairs) {
    scores.truePairs.push(await score(pair.claim, pair.section));
    for (const other of fragments.filter((f) => f !== pair.section)) scores.falsePairs.push(await score(pair.claim, other));
  }
  return scores;
}

/** The value below which `share` of `values` lie (nearest rank). */
export function quantile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}
