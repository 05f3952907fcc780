import { describe, expect, it } from 'vitest';
import { EmbeddingClaimSimilarity } from '../../src/llm/index.js';
import { quantile, scoreClaimPairs } from '../../scripts/llm/claim-pairs.js';
import { testConfig } from '../helpers/test-advisor.js';

describe('LLM_CLAIM_MIN_SIMILARITY against true and false claim pairs from the guide', () => {
  it('keeps every true paraphrase and rejects a share of wrong citations (numbers in docs/generated-answers.md)', async () => {
    const threshold = testConfig().LLM_CLAIM_MIN_SIMILARITY;
    const { truePairs, falsePairs } = await scoreClaimPairs(new EmbeddingClaimSimilarity(), threshold);
    expect(truePairs.length).toBeGreaterThanOrEqual(40);
    expect(truePairs.filter((p) => p.score < threshold)).toEqual([]);
    const rejected = falsePairs.filter((p) => p.score < threshold).length / falsePairs.length;
    expect(rejected).toBeGreaterThan(0.3);
    // The whole verification accepts every true claim and rejects most wrong citations.
    expect(truePairs.filter((p) => !p.accepted)).toEqual([]);
    expect(falsePairs.filter((p) => !p.accepted).length / falsePairs.length).toBeGreaterThan(0.7);
    // Wrong citations score lower than true ones in the bulk of the distribution.
    expect(quantile(falsePairs.map((p) => p.score), 0.5)).toBeLessThan(quantile(truePairs.map((p) => p.score), 0.05));
  }, 60_000);
});
