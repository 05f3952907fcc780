import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  detectPhi,
  evaluatePhiDetection,
  formatPhiEvaluation,
  parsePhiCorpus,
  PHI_KINDS,
  redactPhi,
} from '../../src/privacy/index.js';

const corpus = parsePhiCorpus(readFileSync(new URL('../fixtures/phi-corpus.jsonl', import.meta.url), 'utf8'));

describe('PHI corpus', () => {
  it('is big enough and covers every kind with positives and negatives', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    expect(new Set(corpus.map((c) => c.id)).size).toBe(corpus.length);
    expect(corpus.filter((c) => c.phi.length === 0).length).toBeGreaterThanOrEqual(30);
    for (const kind of PHI_KINDS) {
      expect(corpus.filter((c) => c.phi.some((p) => p.kind === kind)).length, kind).toBeGreaterThanOrEqual(3);
    }
  });

  it('is detected with precision and recall of at least 0.9', () => {
    const evaluation = evaluatePhiDetection(corpus);
    // Printed on purpose: these are the numbers the README quotes.
    console.log(formatPhiEvaluation(evaluation));
    if (evaluation.mistakes.length > 0) console.log(evaluation.mistakes);
    expect(evaluation.overall.precision).toBeGreaterThanOrEqual(0.9);
    expect(evaluation.overall.recall).toBeGreaterThanOrEqual(0.9);
  });
});
