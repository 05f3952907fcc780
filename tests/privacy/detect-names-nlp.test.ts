import { describe, expect, it } from 'vitest';
import { detectPhi } from '../../src/privacy/index.js';

/** The name spans found in `text`. */
function names(text: string): string[] {
  return detectPhi(text)
    .filter((f) => f.kind === 'name')
    .map((f) => text.slice(f.start, f.end));
}

describe('names without a patient cue', () => {
  it('does not start a name with a common capitalised word before a coinage (a programme, a product)', () => {
    expect(names('is Program Quintrel worth $500 before my first CPC job, or 99213 practice?')).toEqual([]);
  });

  it('does not read a procedure named after someone as a name: the unknown lower-case word after it is a term', () => {
    expect(names('what CPT for a Kasai portoenterostomy, 47701?')).toEqual([]);
    expect(names('coding a Toupet fundoplication lap, 43280?')).toEqual([]);
    expect(names('coded a visit for jane q doe 4/5/67 today')).toEqual(['jane q doe']);
  });

  it('reads a surname WordNet lists only as a proper noun as a name word', () => {
    expect(names('coding the visit for Lucinda Sutherland, 99213 or 99214?')).toEqual(['Lucinda Sutherland']);
  });

  it('reads a short capitalised word one letter off an English word as written, not as a typo', () => {
    expect(names('DOS 3/3/2024 for Marit Engel, E11.9 again?')).toContain('Marit Engel');
  });

  it('takes two English words as a name in a chart when one is also a person\'s name', () => {
    expect(names('MRN 88120455 belongs to Dawn Crane, is 99214 right?')).toEqual(['Dawn Crane']);
  });

  it('takes a word right after a relative as a name', () => {
    expect(names('her grandson Flint phones about the 99215 every day, DOB 2/9/1931')).toContain('Flint');
  });

  it('takes a Person word beside a capitalised English word as one name', () => {
    expect(names('acct 55102938 - Gloria Summers called about 99203')).toEqual(['Gloria Summers']);
  });

  it('keeps hyphenated and nicknamed names whole', () => {
    expect(names('Josefina "Pepa" Ruiz-Okafor, DOB 5/5/1950, needs 99397')).toEqual(['Josefina "Pepa" Ruiz-Okafor']);
  });

  it('reads a hyphenated first name the tagger splits as one name word', () => {
    expect(names('fax 206-555-0119 for Tae-woo Baek, she wants the EOB')).toEqual(['Tae-woo Baek']);
  });

  it('reads a capitalised modal before a past tense as a name', () => {
    expect(names('Will returned on 6/2 for the 99213 recheck, seen by ortho.')).toEqual(['Will']);
  });

  it('finds a lower-case name right before a labelled date', () => {
    expect(names('quick q: benicio born 9/9/09 had a 99394, ok?')).toEqual(['benicio']);
  });

  it('finds capitalised names behind a name label, LAST, FIRST', () => {
    expect(names('NAME WHITLOCK, ANSEL\nPH 605-555-0144')).toEqual(['WHITLOCK, ANSEL']);
  });

  it('never reads a detector label ("dob", "med rec") as a name', () => {
    const text = 'ok so dob 4/4/1944 and med rec no. 7783341 on the claim, 99213?';
    expect(names(text)).toEqual([]);
  });
});

describe('names without a cue: career text stays untouched', () => {
  it.each([
    'Is the Supply Chain Management certificate worth it for a coder?',
    'I passed NHA\'s ExCPT exam and want the CPC next, 99213 practice included.',
    'Does Kaiser Permanente hire remote coders at $28/hr?',
    'Later I moved to the Revenue Integrity team at a Coverage Database vendor.',
    'Will the 2026 CPT update change 99213? Hope so.',
  ])('%s', (text) => {
    expect(names(text)).toEqual([]);
  });
});
