import { describe, expect, it } from 'vitest';
import {
  evaluatePhiDetection,
  formatPhiEvaluation,
  parsePhiCorpus,
  PhiCorpusError,
  type PhiCorpusCase,
  type PhiFinding,
} from '../../src/privacy/index.js';

const cases: PhiCorpusCase[] = [
  { id: 'a', text: 'SSN 123-45-6789 and MRN 12345', phi: [{ kind: 'ssn', value: '123-45-6789' }, { kind: 'mrn', value: '12345' }] },
  { id: 'b', text: 'no phi here', phi: [] },
];

describe('evaluatePhiDetection', () => {
  it('counts overlap with the right kind as a hit, everything else as a mistake', () => {
    // Finds the SSN, mislabels the MRN as a phone, and flags the negative case.
    const detect = (text: string): PhiFinding[] =>
      text.startsWith('SSN')
        ? [
            { kind: 'ssn', start: 4, end: 10 },
            { kind: 'phone', start: 24, end: 29 },
          ]
        : [{ kind: 'name', start: 0, end: 2 }];
    const e = evaluatePhiDetection(cases, detect);
    expect(e.overall).toMatchObject({ truePositives: 1, falsePositives: 2, falseNegatives: 1 });
    expect(e.overall.precision).toBeCloseTo(1 / 3);
    expect(e.overall.recall).toBeCloseTo(1 / 2);
    expect(e.perKind.ssn).toMatchObject({ precision: 1, recall: 1 });
    expect(e.perKind.mrn).toMatchObject({ precision: 1, recall: 0 });
    expect(e.perKind.email).toMatchObject({ precision: 1, recall: 1 }); // nothing labelled, nothing found
    expect(e.flaggedNegatives).toBe(1);
    expect(e.negatives).toBe(1);
    // 6 of 11 SSN chars + all 5 MRN chars (covered by the mislabelled phone).
    expect(e.characterCoverage).toBeCloseTo(11 / 16);
    expect(e.mistakes.map((m) => `${m.caseId}:${m.type}:${m.kind}`)).toEqual([
      'a:false-positive:phone',
      'a:false-negative:mrn',
      'b:false-positive:name',
    ]);
    expect(formatPhiEvaluation(e)).toContain('overall  precision 0.333  recall 0.500');
  });
});

describe('parsePhiCorpus', () => {
  it('parses JSONL and skips blank lines', () => {
    const jsonl = `${JSON.stringify(cases[0])}\n\n${JSON.stringify(cases[1])}\n`;
    expect(parsePhiCorpus(jsonl)).toEqual(cases);
  });

  it.each([
    ['{not json', /line 1: invalid JSON/],
    ['{"id":"x","text":"t","phi":[{"kind":"fax","value":"t"}]}', /line 1/],
    ['{"id":"x","text":"hello","phi":[{"kind":"name","value":"Bob"}]}', /"Bob" does not occur/],
  ])('rejects %s', (line, message) => {
    expect(() => parsePhiCorpus(line)).toThrow(PhiCorpusError);
    expect(() => parsePhiCorpus(line)).toThrow(message);
  });
});
