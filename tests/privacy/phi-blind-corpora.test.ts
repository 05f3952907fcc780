import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluatePhiDetection, measureStoredText, minimizePhi, parsePhiCorpus, redactPhi } from '../../src/privacy/index.js';
import { letEventLoopTurnBetweenTests } from '../helpers/event-loop.js';
import { guideVocabulary } from '../helpers/guide-vocabulary.js';

letEventLoopTurnBetweenTests();

// Blind sets 4 and 6 to 13, measured blind, then tuned on (eval/privacy/README.md). Their recall is
// below the targets still, so they are guarded at what they measure now: overall recall, what
// reaches the store and how many messages without patient data the store changes.
describe.each([
  { file: 'tune-5.jsonl', minRecall: 0.97, maxLeaks: 6, maxChangedNegatives: 3 },
  { file: 'tune-6.jsonl', minRecall: 0.92, maxLeaks: 23, maxChangedNegatives: 6 },
  { file: 'tune-7.jsonl', minRecall: 0.96, maxLeaks: 15, maxChangedNegatives: 2 },
  { file: 'tune-8.jsonl', minRecall: 0.98, maxLeaks: 3, maxChangedNegatives: 3 },
  { file: 'tune-9.jsonl', minRecall: 0.98, maxLeaks: 15, maxChangedNegatives: 2 },
  { file: 'tune-10.jsonl', minRecall: 0.965, maxLeaks: 16, maxChangedNegatives: 1 },
  { file: 'tune-11.jsonl', minRecall: 0.95, maxLeaks: 12, maxChangedNegatives: 2 },
  { file: 'tune-12.jsonl', minRecall: 0.97, maxLeaks: 7, maxChangedNegatives: 4 },
  { file: 'tune-13.jsonl', minRecall: 0.9, maxLeaks: 48, maxChangedNegatives: 3 },
])('PHI tuning corpus eval/privacy/$file', ({ file, minRecall, maxLeaks, maxChangedNegatives }) => {
  const cases = parsePhiCorpus(readFileSync(new URL(`../../eval/privacy/${file}`, import.meta.url), 'utf8'));
  const options = { vocabulary: guideVocabulary(new URL('../../knowledge/clinical-coding-specialist-guide.md', import.meta.url)) };

  it(`keeps overall recall at ${minRecall} or more, at most ${maxLeaks} spans with a piece in the store and at most ${maxChangedNegatives} changed messages without patient data`, () => {
    expect(evaluatePhiDetection(cases, (text) => redactPhi(text, options).findings).overall.recall).toBeGreaterThanOrEqual(minRecall);
    const m = measureStoredText(cases, (text) => minimizePhi(text, options).text, options.vocabulary);
    expect(m.leaks.length).toBeLessThanOrEqual(maxLeaks);
    expect(new Set(m.maskedInNegatives.map((t) => t.caseId)).size).toBeLessThanOrEqual(maxChangedNegatives);
  });
});
