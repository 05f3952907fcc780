import { readFileSync } from 'node:fs';
import { letEventLoopTurnBetweenTests } from '../helpers/event-loop.js';
import { guideVocabulary } from '../helpers/guide-vocabulary.js';
import { describe, expect, it } from 'vitest';
import { evaluatePhiDetection, formatPhiEvaluation, measureStoredText, minimizePhi, parsePhiCorpus, PHI_KINDS, redactPhi } from '../../src/privacy/index.js';

// The tuning corpus: the detectors were adjusted while looking at it, so its numbers are an upper
// bound. docs/privacy.md also reports the held-out corpus nobody tuned on (eval/privacy/holdout.jsonl,
// measured once with scripts/privacy/measure-phi.ts; never used in a test).
const corpus = parsePhiCorpus(readFileSync(new URL('../fixtures/phi-corpus.jsonl', import.meta.url), 'utf8'));

letEventLoopTurnBetweenTests();

describe('PHI tuning corpus', () => {
  it('is big enough and covers every identifier kind, with many messages free of patient data', () => {
    expect(new Set(corpus.map((c) => c.id)).size).toBe(corpus.length);
    expect(corpus.filter((c) => c.spans.length === 0).length).toBeGreaterThanOrEqual(100);
    for (const kind of PHI_KINDS) {
      expect(corpus.filter((c) => c.spans.some((p) => p.kind === kind)).length, kind).toBeGreaterThanOrEqual(4);
    }
  });

  it('is detected with recall of at least 0.95 on names and dates, 0.98 overall, and precision of at least 0.95', () => {
    const e = evaluatePhiDetection(corpus);
    console.log(formatPhiEvaluation(e));
    expect(e.perKind.name.recall).toBeGreaterThanOrEqual(0.95);
    expect(e.perKind.date.recall).toBeGreaterThanOrEqual(0.95);
    expect(e.overall.recall).toBeGreaterThanOrEqual(0.98);
    expect(e.overall.precision).toBeGreaterThanOrEqual(0.95);
  });

  it('leaves no labelled identifier in the minimized text, and masks no code, figure or credential in the messages without patient data', () => {
    const m = measureStoredText(corpus, (text) => minimizePhi(text).text);
    expect(m.leaks).toEqual([]);
    // Only dates and people's names (authors, colleagues) may be masked in career questions.
    const masked = m.maskedInNegatives.map((t) => t.token);
    expect(masked.filter((t) => /\d/.test(t) && !/^\d{1,2}\/\d{1,2}\/\d{2,4}$/.test(t))).toEqual([]);
    expect(masked.filter((t) => /^\p{Lu}{2,}/u.test(t))).toEqual([]);
  });

  it('redacting is idempotent on every corpus message', () => {
    for (const c of corpus) {
      const once = redactPhi(c.text).text;
      expect(redactPhi(once).text, c.id).toBe(once);
    }
  });
});

// The former blind held-out sets, tuned on since (eval/privacy/README.md). A regression guard with the
// guides' vocabulary, as the bot runs; the ceilings sit a little above what they measure. tune-3 has one
// message without patient data still changed in the store (a place-of-service code pair read as a
// month/day); tune-4 none.
describe.each([
  { file: 'tune-2.jsonl', maxLeaks: 10, maxChangedNegatives: 0 },
  { file: 'tune-3.jsonl', maxLeaks: 14, maxChangedNegatives: 1 },
  { file: 'tune-4.jsonl', maxLeaks: 22, maxChangedNegatives: 0 },
])('PHI tuning corpus eval/privacy/$file', ({ file, maxLeaks, maxChangedNegatives }) => {
  const cases = parsePhiCorpus(readFileSync(new URL(`../../eval/privacy/${file}`, import.meta.url), 'utf8'));
  const options = { vocabulary: guideVocabulary(new URL('../../knowledge/clinical-coding-specialist-guide.md', import.meta.url)) };

  it('keeps recall on names and dates at 0.95 or more, and on numeric identifiers at 0.98 or more', () => {
    const e = evaluatePhiDetection(cases, (text) => redactPhi(text, options).findings);
    expect(e.perKind.name.recall).toBeGreaterThanOrEqual(0.95);
    expect(e.perKind.date.recall).toBeGreaterThanOrEqual(0.95);
    for (const kind of ['ssn', 'mrn', 'health_plan_id', 'account', 'phone', 'fax', 'ip'] as const) {
      expect(e.perKind[kind].recall, kind).toBeGreaterThanOrEqual(0.98);
    }
  });

  it(`leaves at most ${maxLeaks} labelled spans with a piece in the minimized text, and changes at most ${maxChangedNegatives} message(s) without patient data`, () => {
    const m = measureStoredText(cases, (text) => minimizePhi(text, options).text, options.vocabulary);
    expect(m.leaks.length).toBeLessThanOrEqual(maxLeaks);
    expect(new Set(m.maskedInNegatives.map((t) => t.caseId)).size).toBeLessThanOrEqual(maxChangedNegatives);
  });
});
