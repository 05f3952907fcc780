import { readFileSync } from 'node:fs';
import { guideVocabulary } from '../helpers/guide-vocabulary.js';
import { describe, expect, it } from 'vitest';
import { detectPhi, Vocabulary } from '../../src/privacy/index.js';
import { cueWordKind, isEvidencedName } from '../../src/privacy/name-evidence.js';

// Which words behind a patient cue can be a name comes from evidence, not a list: the guides'
// vocabulary (read here from the second guide, so nothing is fitted to the coding guide), WordNet
// and the function words.
const pharmacyGuide = readFileSync(new URL('../fixtures/guides/pharmacy-technician-guide.md', import.meta.url), 'utf8');
const vocabulary = guideVocabulary(new URL('../fixtures/guides/pharmacy-technician-guide.md', import.meta.url));

function names(text: string, options = { vocabulary }): string[] {
  return detectPhi(text, options)
    .filter((f) => f.kind === 'name')
    .map((f) => text.slice(f.start, f.end));
}

describe('cue words: evidence instead of a stop list', () => {
  it('stops a name at a label, a function word or a month', () => {
    expect(cueWordKind('DOB', vocabulary)).toBe('stop');
    expect(cueWordKind('The', vocabulary)).toBe('stop');
    expect(cueWordKind('March', vocabulary)).toBe('stop');
  });

  it('counts a guide word or a common English word as soft, and an unknown word or a person\'s name as evidence', () => {
    expect(cueWordKind('Pharmacy', vocabulary)).toBe('soft');
    expect(cueWordKind('Representative', vocabulary)).toBe('soft');
    expect(cueWordKind('Okonkwo', vocabulary)).toBe('evidence');
    expect(cueWordKind('Hope', vocabulary)).toBe('evidence');
  });

  it('reads a plural as the word it is, not as a person ("Services")', () => {
    expect(cueWordKind('Services', new Vocabulary())).toBe('soft');
  });

  it('needs one evidence word, or a capital behind a lower-case cue', () => {
    expect(isEvidencedName(['Access', 'Representative'], vocabulary)).toBe(false);
    expect(isEvidencedName(['Marisol', 'Reyes'], vocabulary)).toBe(true);
    expect(isEvidencedName(['Dusty'], vocabulary, true)).toBe(true);
    expect(isEvidencedName(['Dusty'], vocabulary, false)).toBe(false);
  });
});

describe('names behind a cue, found with the guides\' vocabulary', () => {
  it('leaves a department or title behind "patient" alone, with or without guide vocabulary', () => {
    expect(names('I work in Patient Access Services and want to move into billing.')).toEqual([]);
    expect(names('I work in Patient Access Services and want to move into billing.', { vocabulary: new Vocabulary() })).toEqual([]);
  });

  it('finds a capitalised word behind a lower-case cue', () => {
    expect(names('the pt Dusty is back for a refill of 0093-1234-56')).toEqual(['Dusty']);
  });

  it('finds a name in capitals behind a cue, LAST, FIRST or FIRST MIDDLE LAST', () => {
    expect(names('Pt: OKONKWO, ADAEZE\nneeds a prior auth')).toEqual(['OKONKWO, ADAEZE']);
    expect(names('PATIENT: BARTHOLOMEW JAMES QUILLEN was seen')).toEqual(['BARTHOLOMEW JAMES QUILLEN']);
  });

  it('finds LAST, FIRST in capitals before a birth date or record number without a cue', () => {
    expect(names('FENWICK, ODALYS M 1944-02-19 refill request')).toEqual(['FENWICK, ODALYS M']);
    expect(names('HUANG, MEI (MRN 40022871) called twice')).toEqual(['HUANG, MEI']);
  });

  it('never reads credentials or guide acronyms in capitals as a name', () => {
    expect(names('PTCB, NHA 10/2025 exam windows: which is easier?')).toEqual([]);
    expect(names('patient CPhT ExCPT question')).toEqual([]);
  });

  it('takes later mentions in capitals, in Title case and possessive as the same name', () => {
    const text = 'Pt: ROSALIND QUILLEN DOB 3/3/1950. Quillen\'s refill and QUILLEN chart';
    expect(names(text)).toEqual(['ROSALIND QUILLEN', 'Quillen', 'QUILLEN']);
  });

  it('keeps a generational suffix and a first name before a found surname', () => {
    expect(names('patient Dwight Okafor Jr. picked up his 90 day supply')).toEqual(['Dwight Okafor Jr.']);
  });
});
