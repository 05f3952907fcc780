import { readFileSync } from 'node:fs';
import { guideVocabulary } from '../helpers/guide-vocabulary.js';
import { describe, expect, it } from 'vitest';
import { minimizePhi } from '../../src/privacy/index.js';

// Precision on career text: no code, figure, duration, credential or organisation may be
// redacted or masked. The vocabulary is the main guide's; the second text is the pharmacy
// technician guide, career text about another job that the vocabulary has never seen.
const vocabulary = guideVocabulary(new URL('../../knowledge/clinical-coding-specialist-guide.md', import.meta.url));
const pharmacyGuide = readFileSync(new URL('../fixtures/guides/pharmacy-technician-guide.md', import.meta.url), 'utf8');

const careerQuestions = [
  'Is 99213 vs 99214 a common audit finding, and does G2211 add 15 minutes of credit?',
  'I make $23.75/hr with a CPC-A and 18 months at an ASC; is $58,000 fair in FY2026?',
  'Should I code J1885 x4 or 60 mg units, and is modifier -59 or XU right with 20610?',
  'Does DRG 470 vs 469 hinge on an MCC like N17.9, and what about 0SRD0J9 in ICD-10-PCS?',
  'Is the RHIA worth it after the RHIT, or should I sit for the CCS through AHIMA first?',
  'Optum, Ensemble Health Partners and R1 RCM all posted remote jobs; which pays 10% more?',
  'I scored 78% on the practice exam; 5 hours 40 minutes felt short for 100 questions.',
  'Is Epic Resolute or Cerner Soarian harder to learn for pro-fee coding, 2-3 weeks?',
  'The 2025 guidelines effective October 1 changed Z79.4 sequencing; what changed for E11.65?',
  'Our CDI team at Intermountain Health uses 3M 360 Encompass; is CCDS or CDIP better?',
];

function changedTokens(text: string): string {
  return minimizePhi(text, { vocabulary }).text === text ? '' : minimizePhi(text, { vocabulary }).text;
}

describe('career text stays untouched by the patient-data guard', () => {
  it.each(careerQuestions)('%s', (text) => {
    expect(changedTokens(text)).toBe('');
  });

  it('leaves every paragraph of a guide about another career as it is', () => {
    const changed = pharmacyGuide
      .split(/\n\s*\n/)
      .filter((p) => p.trim())
      .map(changedTokens)
      .filter(Boolean);
    expect(changed).toEqual([]);
  });
});
