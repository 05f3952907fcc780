import { describe, expect, it } from 'vitest';
import { isAcronym, isLabelWord, labelSpans } from '../../src/privacy/label-words.js';

describe('label words and acronyms (never names)', () => {
  it('knows the detectors\' labels in any case and in the plural', () => {
    for (const word of ['dob', 'DOB', 'DOBs', 'mrn', 'acct', 'dos']) expect(isLabelWord(word), word).toBe(true);
    for (const word of ['Delia', 'nurse', 'coder']) expect(isLabelWord(word), word).toBe(false);
  });

  it('finds labels of several words in a text', () => {
    const text = 'med rec no. 7 for her';
    expect(labelSpans(text).map((s) => text.slice(s.start, s.end))).toContain('med rec no.');
  });

  it('reads capitals as a credential or brand, but not a name with one inner capital', () => {
    for (const word of ['CPC', 'CEUs', "NHA's", 'ExCPT', 'CPhT']) expect(isAcronym(word), word).toBe(true);
    for (const word of ['McKay', 'DeShawn', 'Priya']) expect(isAcronym(word), word).toBe(false);
  });
});
