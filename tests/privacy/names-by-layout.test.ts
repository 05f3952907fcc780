import { describe, expect, it } from 'vitest';
import { detectPhi } from '../../src/privacy/index.js';
import { detectNamesInRows } from '../../src/privacy/detect-names-in-rows.js';
import { OPAQUE } from '../../src/privacy/placeholder.js';
import { guideVocabulary } from '../helpers/guide-vocabulary.js';

// Names found by the layout around them, whatever their words: the rows of a pasted worklist open with
// the same "LAST, FIRST" layout, so one found name makes the others names too
// (src/privacy/detect-names-in-rows.ts); a capitalised pair an email address in the same message spells
// is that person's name (src/privacy/detect-names-in-emails.ts). Second guide's vocabulary, as elsewhere.
const vocabulary = guideVocabulary(new URL('../fixtures/guides/pharmacy-technician-guide.md', import.meta.url));

function names(text: string): string[] {
  return detectPhi(text, { vocabulary })
    .filter((f) => f.kind === 'name')
    .map((f) => text.slice(f.start, f.end));
}

describe('names opening the rows of a list', () => {
  it('takes every row opening once one of them is a found name', () => {
    const text = 'denials from the WQ:\nTuilagi, Sefo  CSN 2038817741  HB\nYazzie, Hosteen  CSN 2038817802  PB\nNakamura, Emiko  CSN 2038817930  HB\nwhy HB vs PB?';
    expect(names(text)).toEqual(['Tuilagi, Sefo', 'Yazzie, Hosteen', 'Nakamura, Emiko']);
  });

  it('takes English words and capitals in the same layout', () => {
    const text = 'flagged:\nGREENE, ROSALIND  0044120  03/02  99284\nWHITE HORSE, DALE  0044187  03/02  99285\nanything wrong?';
    expect(names(text)).toContain('WHITE HORSE, DALE');
    const bulleted = 'check these DRGs:\n- Moreno, Ana Lucia, 88 yo, TKA → 470?\n- Fox, Hunter, 79 yo, CABG → 236?';
    expect(names(bulleted)).toContain('Fox, Hunter');
  });

  it('takes no row opening on the word of something else found at a line start (a masked date is no name)', () => {
    const masked = `study log:\n${OPAQUE.repeat(8)} exam day\nAnatomy, Terminology  week 2\nPharmacology, Calculations  week 3`;
    expect(detectNamesInRows(masked, [], [], vocabulary)).toEqual([]);
    const name = { kind: 'name' as const, start: masked.indexOf(OPAQUE), end: masked.indexOf(OPAQUE) + 8 };
    expect(detectNamesInRows(masked, [], [name], vocabulary).length).toBe(2);
  });

  it('takes rows run together on one line by a dash or a slash, each opening with a bed or a bullet', () => {
    const beds = 'bed board: 4N-01 Amsel, Ruth / 4N-02 Kealoha, Pua / 4N-03 Bergstrom, Nils (found)';
    const text = beds.replace('Amsel, Ruth', 'Amsel, Ruth Ann 3/2/41');
    expect(names(text)).toEqual(expect.arrayContaining(['Kealoha, Pua', 'Bergstrom, Nils']));
    const dashed = 'queue: - Vasquez, Ilse 2 queries - Wolde, Hanna 1 query - Ortiz, Beto path pending, DOB 4/4/51 on the first';
    expect(names(dashed)).toEqual(expect.arrayContaining(['Wolde, Hanna', 'Ortiz, Beto']));
  });

  it('takes the bed or room opening a row as an identifier, a bare number too', () => {
    const text = 'census: 312-A GARRISON, DELL / 314 AKINTOLA, FOLAKE / 318 MORNINGSTAR, ELI — still obs?';
    const ids = detectPhi(text, { vocabulary }).filter((f) => f.kind === 'other_id').map((f) => text.slice(f.start, f.end));
    expect(ids).toEqual(['312-A', '314', '318']);
    expect(names(text)).toEqual(['GARRISON, DELL', 'AKINTOLA, FOLAKE', 'MORNINGSTAR, ELI']);
  });

  it('leaves a list alone when no row opens with a found name', () => {
    const text = 'study plan:\nAnatomy, Terminology  week 1\nPharmacology, Calculations  week 2';
    expect(names(text)).toEqual([]);
  });
});

describe('names an email address spells', () => {
  it('takes the pair whose first name and surname initial, or initial and surname, open the address', () => {
    expect(names('Savannah Dale wrote from savannahd.88@example.com about her 99213 copay')).toContain('Savannah Dale');
    expect(names('Forest Grant (fgrant@example.org) asked why 90471 was billed')).toContain('Forest Grant');
  });

  it('leaves a pair the address does not spell', () => {
    expect(names('Sterile Compounding questions go to lab.help@example.com')).toEqual([]);
  });
});
