import { describe, expect, it } from 'vitest';
import { detectPhi } from '../../src/privacy/index.js';
import { guideVocabulary } from '../helpers/guide-vocabulary.js';

// A capitalised pair spelled by an email address in the same message is that person's name
// (src/privacy/detect-names-in-emails.ts), whatever its words are.
const vocabulary = guideVocabulary(new URL('../fixtures/guides/pharmacy-technician-guide.md', import.meta.url));

function names(text: string): string[] {
  return detectPhi(text, { vocabulary })
    .filter((f) => f.kind === 'name')
    .map((f) => text.slice(f.start, f.end));
}

describe('names an email address spells', () => {
  it('takes the pair whose first name and surname initial, or initial and surname, open the address', () => {
    expect(names('Savannah Dale wrote from savannahd.88@example.com about her 99213 copay')).toContain('Savannah Dale');
    expect(names('Forest Grant (fgrant@example.org) asked why 90471 was billed')).toContain('Forest Grant');
  });

  it('leaves a pair the address does not spell', () => {
    expect(names('Sterile Compounding questions go to lab.help@example.com')).toEqual([]);
  });
});
