import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectPhi, phiPlaceholder, redactPhi, type PhiFinding } from '../../src/privacy/index.js';
import { guideishText, hostileText, SEED } from './arbitraries.js';

/** Pieces of chart-like text: cues, names, dates, numbers, addresses, emails — and their look-alikes. */
const PHI_PIECES = [
  'patient ', 'Patient: ', 'pt ', 'Pt: ', 'PT ', 'patient name is ', 'beneficiary ', "patient's ", '*Patient:* ', 'the pt (',
  'Mr. ', 'Mrs ', 'Ms. ', 'Name: ', 'name:', 'my patient', ', my patient, ', 'admitted ', 'discharged ', 'dx ', 'ED ', 'history of ',
  'John', 'Smith', 'Maria Lopez', "O'Brien", 'Jean-Luc', 'May', 'Grace', 'Bill', 'McDonald', 'José', 'Łukasz', 'John Q. Smith', 'Smith, John', 'Lopez',
  'DOB 03/14/1962', 'born on March 3, 1980', 'DOB: 1962-03-14', 'MRN 00482913', 'SSN 123-45-6789', 'call 555-201-3344',
  'DOB ', 'DOB: ', 'born on ', 'date of birth ', 'birthday ', '03/14/1962', '3-14-62', '1962-03-14', 'March 3, 1980', '3rd of March 1980', 'March 1980', '2019', 'October 1st',
  'MRN ', 'MRN: ', 'MR# ', 'acct ', 'account number ', 'member id ', 'claim # ', 'MBI ', '00482913', 'A12-3456', '99213', 'E11.9', 'ICD-10',
  'SSN ', 'SS# ', 'social security number ', '123-45-6789', '123 45 6789', '000-00-0000', '123456789',
  'call ', 'phone: ', 'tel ', 'at ', '555-201-3344', '(555) 201-3344', '+1 555.201.3344', '5552013344', '100 200 3000', '2019-2023', '99202-99215',
  '88 Birch Ln', '1200 N. Main Street', '12 W 3rd St', 'Apt 4B', ', Dayton, OH 45402', ', Springfield, IL', 'P.O. Box 123', 'PO Box 9',
  'jsmith@example.com', 'maria.lopez+pt@clinic.org', 'a@b.co', '.x@y.com',
  ', 45 y/o', ', 67F', ' 45 year-old ', '45yo', ' aged 80', '$45,000', '40 hours a week', '3 years of coding experience', 'CPC', 'CCS-P',
  '[REDACTED:name]', '[REDACTED:dob]', 'REDACTED', ' ', ' ', ', ', '. ', '\n', '\t', ': ', '-', '(', ')', '#', '/', "'", '’',
];

/** Chart-like text assembled from PHI pieces, with noise mixed in. */
const phiText = fc
  .array(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...PHI_PIECES) }, { weight: 1, arbitrary: hostileText(8) }, { weight: 1, arbitrary: guideishText }), { maxLength: 30 })
  .map((parts) => parts.join(''));

const anyText = fc.oneof({ weight: 4, arbitrary: phiText }, { weight: 1, arbitrary: hostileText(200) }, { weight: 1, arbitrary: guideishText });

/** Sentences or lines holding at most one PHI item each (or none), the way people actually paste them. */
const ITEMS = [
  'Patient John Smith', 'pt: Maria Lopez', 'Mr. Feldman, 71, admitted', 'Maria Lopez, 67F', 'Linda, my patient, called', 'patient name is José Núñez',
  'DOB 03/14/1962', 'born on March 3, 1980', 'date of birth: 1962-03-14', 'MRN 00482913', 'member id A12-3456', 'SSN 123-45-6789', 'SS# 123456789',
  'call 555-201-3344', 'phone: (555) 201-3344', 'cell 5552013344', '88 Birch Ln, Dayton, OH 45402', '1200 N. Main Street Apt 4B', 'P.O. Box 123', 'jsmith@example.com',
  'Coders earn $45,000 a year', 'ICD-10 code E11.9 or CPT 99213', 'The CPC exam costs $499', 'Work 40 hours a week', 'I have 3 years of coding experience', 'Dr. Patel teaches on October 1st',
];
const itemsText = fc
  .tuple(fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ITEMS) }, { weight: 1, arbitrary: guideishText }), { maxLength: 8 }), fc.constantFrom('. ', '; ', ' and ', '\n', '.\n'))
  .map(([items, sep]) => items.join(sep));

/** ~100 KB inputs built by repeating a generated piece. */
const hugeText = anyText.map((s) => (s || 'Patient John Smith ').repeat(Math.ceil(100_000 / Math.max(1, (s || 'Patient John Smith ').length))));

function checkFindings(text: string, findings: PhiFinding[]): void {
  let end = 0;
  for (const f of findings) {
    expect(f.start).toBeGreaterThanOrEqual(end); // sorted, non-overlapping
    expect(f.end).toBeGreaterThan(f.start);
    expect(f.end).toBeLessThanOrEqual(text.length);
    end = f.end;
  }
}

// Async properties let the worker answer vitest between runs (the tagger makes each run slower).
describe('PHI guard', { timeout: 120_000 }, () => {
  it('detectPhi returns sorted, non-overlapping, in-bounds findings', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => checkFindings(text, detectPhi(text))),
      { seed: SEED, numRuns: 1_000 },
    );
  });

  it('redactPhi replaces exactly the findings: the text outside them is kept and the length is what the placeholders imply', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const { text: out, findings } = redactPhi(text);
        checkFindings(text, findings);
        const expected = findings.reduce((n, f) => n - (f.end - f.start) + phiPlaceholder(f.kind).length, text.length);
        expect(out.length).toBe(expected);
        // rebuild the output from the original and the findings
        let rebuilt = '';
        let cursor = 0;
        for (const f of findings) {
          rebuilt += text.slice(cursor, f.start) + phiPlaceholder(f.kind);
          cursor = f.end;
        }
        expect(out).toBe(rebuilt + text.slice(cursor));
        if (findings.length === 0) expect(out).toBe(text);
      }),
      { seed: SEED, numRuns: 1_000 },
    );
  });

  it('one PHI item per sentence or line: the redacted text has no detected finding and redacting again changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(itemsText, async (text) => {
        const once = redactPhi(text).text;
        expect(detectPhi(once).map((f) => `${f.kind}:${once.slice(f.start, f.end)}`)).toEqual([]);
        expect(redactPhi(once).text).toBe(once);
      }),
      // Three detections per run, each through the part-of-speech tagger.
      { seed: SEED, numRuns: 400 },
    );
  }, 120_000);

  it('the redacted text contains no detectable PHI (e.g. a PO box next to a birth date is redacted too)', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const out = redactPhi(text).text;
        expect(detectPhi(out).map((f) => `${f.kind}:${out.slice(f.start, f.end)}`)).toEqual([]);
      }),
      { seed: SEED, numRuns: 1_000, examples: [['P.O. Box 123, born on March 3, 1980']] },
    );
  });

  it('redactPhi is idempotent (placeholders are opaque to the detectors)', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const once = redactPhi(text).text;
        expect(redactPhi(once).text).toBe(once);
      }),
      { seed: SEED, numRuns: 1_000, examples: [['DOB 03/14/1962, March 1980']] },
    );
  });

  it('PHI does not leak through a single redaction — concrete cases', () => {
    const leaks: Array<[string, string]> = [
      // PO_BOX is case-insensitive, so ", born on Ma" reads as ", City ST"; that span overlaps the DOB, which wins, and the whole address is dropped
      ['P.O. Box 123, born on March 3, 1980', 'Box 123'],
      // the phone pattern refuses a number glued to a word character; a name/email in front hides it
      ['Patient John Smith(555) 201-3344', '201-3344'],
      ['pt jsmith@example.com(555) 201-3344', '201-3344'],
      ['call Smith-555-201-3344', '201-3344'],
      // a second item glued to a first one is found once the first is redacted
      ['(555) 201-3344(555) 201-3344', '201-3344'],
      ['a@b.comaria.lopez+pt@clinic.org', 'clinic.org'],
    ];
    const survived = leaks.filter(([input, secret]) => redactPhi(input).text.includes(secret)).map(([input]) => input);
    expect(survived).toEqual([]);
    // the PO box's city/state tail is case-sensitive now, so it no longer swallows ", born on Ma"
    expect(redactPhi('P.O. Box 123, born on March 3, 1980').text).toBe('[REDACTED:address], born on [REDACTED:date]');
    expect(redactPhi('PO Box 9, Dayton, OH 45402').text).toBe('[REDACTED:address]');
  });

  it('placeholders are opaque: no label inside one, no look-ahead across one, no finding touching one', () => {
    // "born" is a date label but no chart word: only a date right behind it is the person's
    expect(detectPhi('born [REDACTED:date], March 1980')).toEqual([]);
    expect(detectPhi('[REDACTED:date] March 3, 1980')).toEqual([]);
    expect(detectPhi('[REDACTED:name]')).toEqual([]);
    expect(detectPhi('[MASKED] [MASKED]')).toEqual([]);
    const once = redactPhi('born 03/14/1962, March 1980').text;
    expect(once).toBe('born [REDACTED:date], March 1980');
    expect(redactPhi(once).text).toBe(once);
  });

  it('the generator really produces PHI of every kind', () => {
    const kinds = new Set(fc.sample(phiText, { seed: SEED, numRuns: 500 }).flatMap((t) => detectPhi(t).map((f) => f.kind)));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['address', 'date', 'email', 'mrn', 'name', 'phone', 'ssn']));
  });

  it('never throws on ~100 KB random input, and stays consistent there', async () => {
    await fc.assert(
      fc.asyncProperty(hugeText, async (text) => {
        expect(text.length).toBeGreaterThanOrEqual(100_000);
        const { text: out, findings } = redactPhi(text);
        const expected = findings.reduce((n, f) => n - (f.end - f.start) + phiPlaceholder(f.kind).length, text.length);
        expect(out.length).toBe(expected);
      }),
      { seed: SEED, numRuns: 10 },
    );
  });
});
