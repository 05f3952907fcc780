import { describe, expect, it } from 'vitest';
import { detectPhi } from '../../src/privacy/index.js';
import { collapseSpacedRuns, originalSpan } from '../../src/privacy/spaced-text.js';

function found(text: string): string[] {
  return detectPhi(text).map((f) => `${f.kind}:${text.slice(f.start, f.end)}`);
}

describe('text spelled out one character at a time', () => {
  it('closes up runs of four or more spaced characters and maps offsets back', () => {
    const text = 'fax: "N A M E :  O K A R A ,  T E M I"';
    const collapsed = collapseSpacedRuns(text)!;
    expect(collapsed.text).toBe('fax: "NAME:  OKARA,  TEMI"');
    const at = collapsed.text.indexOf('OKARA');
    expect(text.slice(originalSpan({ start: at, end: at + 5 }, collapsed).start, originalSpan({ start: at, end: at + 5 }, collapsed).end)).toBe('O K A R A');
    // Three single characters are ordinary text.
    expect(collapseSpacedRuns('is it A, B or C for a 9 0 y/o')).toBeUndefined();
  });

  it('finds a name, a date, a phone and an MRN as OCR or a voicemail spells them', () => {
    const ocr = 'OCR: "P A T I E N T :  M O R A L E S ,  I N E Z   D O B :  0 4 / 1 9 / 1 9 4 4   M R N :  5 5 0 2 9 1"';
    expect(found(ocr)).toEqual(expect.arrayContaining(['date:0 4 / 1 9 / 1 9 4 4', 'mrn:5 5 0 2 9 1']));
    expect(found(ocr).some((f) => f.startsWith('name:') && f.includes('M O R A L E S'))).toBe(true);
    expect(found('VM from the daughter, please call 6 0 2 5 5 5 0 1 8 8 about the bill')).toContain('phone:6 0 2 5 5 5 0 1 8 8');
  });
});
