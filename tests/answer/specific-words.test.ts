import { describe, expect, it } from 'vitest';
import { missingSpecific, pinsDown } from '../../src/answer/specific-words.js';
import { QUALITY } from '../../src/quality/index.js';

describe('words that pin something down', () => {
  it('are places by their first WordNet sense, occupations, numbers and capitals', () => {
    expect(pinsDown('texas')).toBe(true);
    expect(pinsDown('city')).toBe(true);
    expect(pinsDown('pharmacist')).toBe(true);
    expect(pinsDown('2025')).toBe(true);
    expect(pinsDown('NHA')).toBe(true);
    // "range" is first an extent, "salary" a payment: neither names a place.
    expect(pinsDown('range')).toBe(false);
    expect(pinsDown('salary')).toBe(false);
  });

  it('count as present when a guide word matches them as a spelling fix, a clipping or a synonym, not more loosely', () => {
    const { relation } = QUALITY.matching;
    expect(missingSpecific('cali', relation.abbreviation)).toBe(false);
    expect(missingSpecific('texas', relation.spelling)).toBe(false);
    expect(missingSpecific('texas', relation.broader)).toBe(true);
    expect(missingSpecific('texas', 0)).toBe(true);
    expect(missingSpecific('salary', 0)).toBe(false);
  });
});
