import { describe, expect, it } from 'vitest';
import { detectPhi } from '../../src/privacy/index.js';
import { undoOcrConfusables } from '../../src/privacy/ocr-confusables.js';

describe('undoOcrConfusables', () => {
  it('reads look-alike letters in numbers as digits, and look-alike digits in words of capitals as letters', () => {
    expect(undoOcrConfusables('D0B: 1l/2l/1946  Phone: (4O4) 555-Ol72')).toBe('DOB: 11/21/1946  Phone: (404) 555-0172');
    expect(undoOcrConfusables('WlLLlAMS, BRlDGET  AGE 9l  Claim# 88l20O4471')).toBe('WILLIAMS, BRIDGET  AGE 91  Claim# 8812004471');
    expect(undoOcrConfusables("Kwabena 0sei, 0'Brlen")).toBe("Kwabena Osei, O'Brlen");
    expect(undoOcrConfusables('NAME: M0RALES, BEATR1Z')).toBe('NAME: MORALES, BEATRIZ');
  });

  it('keeps codes, words and table bars as written, and the text the same length', () => {
    const career = 'I10 vs O80.1, 0SR9019, G0439, E0260, E11, COVID19, home O2 at 2L, lol, Ohio, NaCl, 2lbs, 99213|||1, PID|1||448201';
    expect(undoOcrConfusables(career)).toBe(career);
    const ocr = 'RE: Ma rtinez-Oduya, Teresa  D0B O3/l7/l966';
    expect(undoOcrConfusables(ocr)).toHaveLength(ocr.length);
  });
});

describe('detectPhi on OCR text', () => {
  it('finds a date and a phone written with look-alikes, at their offsets as written', () => {
    const text = 'fax OCR: "D0B: O3/l7/l966  Phone: (4O4) 555-Ol72" is this our pt';
    const found = detectPhi(text).map((f) => `${f.kind}:${text.slice(f.start, f.end)}`);
    expect(found).toContain('date:O3/l7/l966');
    expect(found.some((f) => f.includes('(4O4) 555-Ol72'))).toBe(true);
  });
});
