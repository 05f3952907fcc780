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
  { id: 'a', text: 'SSN 123-45-6789 and MRN 12345', spans: [{ kind: 'ssn', text: '123-45-6789' }, { kind: 'mrn', text: '12345' }] },
  { id: 'b', text: 'no phi here', spans: [] },
];

describe('evaluatePhiDetection', () => {
  it('counts a labelled span as found when any finding overlaps it; findings outside every span are false alarms', () => {
    // Finds the SSN, finds the MRN under another kind (phone), and flags the negative case.
    const detect = (text: string): PhiFinding[] =>
      text.startsWith('SSN')
        ? [
            { kind: 'ssn', start: 4, end: 10 },
            { kind: 'phone', start: 24, end: 29 },
          ]
        : [{ kind: 'name', start: 0, end: 2 }];
    const e = evaluatePhiDetection(cases, detect);
    expect(e.overall).toMatchObject({ truePositives: 2, falsePositives: 1, falseNegatives: 0 });
    expect(e.overall.precision).toBeCloseTo(2 / 3);
    expect(e.overall.recall).toBe(1);
    expect(e.perKind.ssn).toMatchObject({ precision: 1, recall: 1 });
    expect(e.perKind.mrn).toMatchObject({ recall: 1 }); // redacted, though under another kind
    expect(e.perKind.phone).toMatchObject({ precision: 1 }); // its one finding covers a labelled span
    expect(e.perKind.name).toMatchObject({ precision: 0 }); // the false alarm
    expect(e.kindAgreement).toBeCloseTo(1 / 2);
    expect(e.perKind.email).toMatchObject({ precision: 1, recall: 1 }); // nothing labelled, nothing found
    expect(e.flaggedNegatives).toBe(1);
    expect(e.negatives).toBe(1);
    // 6 of 11 SSN chars + all 5 MRN chars (covered by the mislabelled phone).
    expect(e.characterCoverage).toBeCloseTo(11 / 16);
    expect(e.mistakes.map((m) => `${m.caseId}:${m.type}:${m.kind}`)).toEqual(['b:false-positive:name']);
    expect(formatPhiEvaluation(e)).toMatch(/overall\s+2\s+precision 0\.667\s+recall 1\.000/);
  });
});

describe('parsePhiCorpus', () => {
  it('parses JSONL and skips blank lines', () => {
    const jsonl = `${JSON.stringify(cases[0])}\n\n${JSON.stringify(cases[1])}\n`;
    expect(parsePhiCorpus(jsonl)).toEqual(cases);
  });

  it.each([
    ['{not json', /line 1: invalid JSON/],
    ['{"id":"x","text":"t","spans":[{"kind":"telex","text":"t"}]}', /line 1/],
    ['{"id":"x","text":"hello","spans":[{"kind":"name","text":"Bob"}]}', /"Bob" does not occur/],
  ])('rejects %s', (line, message) => {
    expect(() => parsePhiCorpus(line)).toThrow(PhiCorpusError);
    expect(() => parsePhiCorpus(line)).toThrow(message);
  });
});
