import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatHeadingPath, parseKnowledgeFile } from '../../src/ingest/index.js';
import { claimSpecifics, sharedClaimSimilarity, sourceSpecifics, unsupportedSpecifics, verifyModelAnswer, type GuideExcerpt } from '../../src/llm/index.js';
import { testConfig } from '../helpers/test-advisor.js';

const guide = parseKnowledgeFile({ source: 'clinical-coding-specialist-guide.md', text: readFileSync(join(import.meta.dirname, '../../knowledge/clinical-coding-specialist-guide.md'), 'utf8') });

/** An excerpt of the real guide: the whole section whose heading path contains `fragment`. */
function guideExcerpt(id: number, fragment: string): GuideExcerpt {
  const section = guide.sections.find((s) => formatHeadingPath(s.headingPath).includes(fragment));
  if (!section) throw new Error(`no section "${fragment}"`);
  const lines = section.blocks.map((b) => b.text);
  return { id, section: formatHeadingPath(section.headingPath), source: section.source, lines, text: lines.join('\n') };
}

const OVERVIEW = guideExcerpt(1, 'Compensation Overview');
const FACTORS = guideExcerpt(2, 'Factors Affecting Compensation');
const STEP4 = guideExcerpt(3, 'Step 4: Obtain Professional Certification');
const EDUCATION = guideExcerpt(4, 'Educational Requirements');
const HOW_LONG = guideExcerpt(5, 'Q2: How long');
const EXCERPTS = [OVERVIEW, FACTORS, STEP4, EDUCATION, HOW_LONG];
const semantic = { similarity: sharedClaimSimilarity(), minSimilarity: testConfig().LLM_CLAIM_MIN_SIMILARITY };

const verify = (answer: string) => verifyModelAnswer({ answer, cited: [], abstained: false }, EXCERPTS, semantic);
const unsupported = (claim: string, ...sources: GuideExcerpt[]) =>
  unsupportedSpecifics(
    claimSpecifics(claim),
    sources.map((s) => sourceSpecifics([s.section, ...s.lines].join('\n'))),
  ).map((s) => s.text);

describe('specifics of a claim: figures, acronyms and names', () => {
  it('reads money, percentages, durations, counts, years and months', () => {
    const found = claimSpecifics('Coders earn $28K-35K, growth is 8-10% through 2033, programs take four to six months, and three credentials open in January.');
    expect(found.map((s) => (s.kind === 'figure' ? [s.figure.value, s.figure.unit ?? null] : [s.kind, s.text]))).toEqual([
      [28_000, 'money'],
      [35_000, 'money'],
      [8, 'percent'],
      [10, 'percent'],
      [2033, null],
      [4, 'month'],
      [6, 'month'],
      [3, null],
      [1, 'calendar-month'],
    ]);
  });

  it('treats different spellings of one figure as the same figure', () => {
    for (const claim of ['$28,000 to $35,000', '28,000 dollars to 35,000 dollars', '$28K-$35K', '$28k–$35k', '28 thousand dollars to 35 thousand dollars']) {
      expect(unsupported(`Entry-level coders earn ${claim} a year`, OVERVIEW), claim).toEqual([]);
    }
    expect(unsupported('An associate degree takes two years', EDUCATION)).toEqual([]);
    expect(unsupported('Full competency takes 6–12 months', HOW_LONG)).toEqual([]);
  });

  it('does not count list numbering, citation-free prose numbers like "one of", or code digits', () => {
    expect(claimSpecifics('1. One of the options is ICD-10-CM')).toEqual([expect.objectContaining({ kind: 'acronym', text: 'ICD-10-CM' })]);
  });

  it('keeps credentials apart: CCS is not CCS-P, and Certified Coding Specialist is not Certified Coding Specialist-Physician', () => {
    const source = sourceSpecifics('Certified Coding Specialist-Physician (CCS-P): AHIMA certification for physician office coding');
    expect(unsupportedSpecifics(claimSpecifics('The CCS is for physician offices'), [source]).map((s) => s.text)).toEqual(['CCS']);
    expect(unsupportedSpecifics(claimSpecifics('The Certified Coding Specialist is for physician offices'), [source]).map((s) => s.text)).toEqual(['Certified Coding Specialist']);
    expect(unsupportedSpecifics(claimSpecifics('The CCS-Ps are issued by AHIMA'), [source])).toEqual([]);
  });

  it('names organisations by their capitalised words, ignoring a leading "The" and a sentence-opening verb', () => {
    expect(unsupported('The American Medical Association issues the CPC', STEP4)).toEqual(['American Medical Association']);
    const software = guideExcerpt(8, 'Essential Software and Systems');
    expect(unsupported('Coding software such as 3M Encoder and Optum Encoder is common', software)).toEqual([]);
    expect(unsupported('Coding software such as 3M Encoder and Acme Coder Pro is common', software)).toEqual(['Encoder and Acme Coder Pro']);
    const education = guideExcerpt(9, 'Educational Requirements');
    expect(unsupported('Completing Health Information Management studies is advanced', education)).toEqual([]);
  });
});

describe('verification rejects real-looking bad answers', () => {
  it('a wrong figure: the invented exam fee behind a valid citation (the reported bug)', async () => {
    const result = await verify('Entry-Level (0-2 years): $28,000-$35,000 annually, and the exam fee is $987,654. [1]');
    expect(result).toEqual({ ok: false, problems: [expect.stringMatching(/cites \[1\], but \[1\] does not contain “\$987,654”/)] });
  });

  it('a swapped credential: CCS where the cited excerpt names the CPC', async () => {
    const result = await verify('After training, you can get the CCS certification from AAPC [3].');
    expect(result).toEqual({ ok: false, problems: [expect.stringContaining('does not contain “CCS”')] });
    expect(await verify('After training, you can get the CPC certification from AAPC [3].')).toMatchObject({ ok: true });
  });

  it('a duration taken from another excerpt', async () => {
    // "6-12 months" is in the FAQ answer [5], not in the education excerpt [4] ("4-6 month programs").
    const result = await verify('A medical coding certification program takes 6-12 months [4].');
    expect(result).toEqual({ ok: false, problems: [expect.stringContaining('does not contain “12 months”')] });
    expect(await verify('A medical coding certification program takes 4-6 months [4].')).toMatchObject({ ok: true });
  });

  it('a true claim with the wrong citation, with figures and without', async () => {
    const figures = await verify('Entry-level coders earn $28,000-$35,000 annually [2].');
    expect(figures).toEqual({ ok: false, problems: [expect.stringContaining('[2] does not contain “$28,000”, “$35,000”')] });
    expect(await verify('Entry-level coders earn $28,000-$35,000 annually [2][1].')).toMatchObject({ ok: true });

    const words = await verify('Large hospital systems usually pay more than small physician offices [1].');
    expect(words).toMatchObject({ ok: false, problems: [expect.stringMatching(/cites \[1\], (which says nothing about it|but no line of \[1\] says this)/)] });
    expect(await verify('Large hospital systems usually pay more than small physician offices [2].')).toMatchObject({ ok: true });
  });

  it('a claim that shares words with its excerpt but is far from every line (USE similarity)', async () => {
    // A true sentence of the guide (Professional Competencies) citing the education excerpt: they share "coding", nothing more.
    const claim = 'Attention to detail matters because coding errors can lead to claim denials';
    const result = await verify(`${claim} [4].`);
    const closest = await semantic.similarity.closest(claim, [EDUCATION.section, ...EDUCATION.lines]);
    expect(closest).toBeLessThan(semantic.minSimilarity);
    expect(result).toEqual({ ok: false, problems: [expect.stringContaining('but no line of [4] says this')] });
  });

  it('a figure in text that no marker backs', async () => {
    const result = await verify('Entry-level coders earn $28,000-$35,000 annually [1]. The exam costs $399.');
    expect(result).toEqual({ ok: false, problems: [expect.stringContaining('“The exam costs $399.” states “$399” without a citation')] });
    expect(await verify('Entry-level coders earn $28,000-$35,000 annually [1]. Good luck!')).toMatchObject({ ok: true });
  });
});

describe('properties of the figure check', () => {
  const amountsInOverview = new Set([28_000, 35_000, 45_000, 50_000, 60_000, 65_000, 80_000]);
  const amount = fc.integer({ min: 1, max: 999_999 }).filter((n) => !amountsInOverview.has(n) && !amountsInOverview.has(n * 1000));
  const spellings = (n: number) => [`$${n.toLocaleString('en-US')}`, `${n.toLocaleString('en-US')} dollars`, ...(n % 1000 === 0 ? [`$${n / 1000}K`] : [])];

  it('an amount the cited excerpt does not state is always rejected, however it is written', async () => {
    await fc.assert(
      fc.asyncProperty(amount, fc.nat(2), async (n, pick) => {
        const written = spellings(n)[pick % spellings(n).length]!;
        const result = await verifyModelAnswer({ answer: `Entry-level coders earn $28,000-$35,000 annually, and the exam costs ${written} [1].`, cited: [1], abstained: false }, [OVERVIEW]);
        expect(result.ok).toBe(false);
        expect(!result.ok && result.problems[0]).toContain(`“${written}”`);
      }),
      { numRuns: 200 },
    );
  });

  it('every spelling of an amount the excerpt states is accepted', () => {
    fc.assert(
      fc.property(fc.constantFrom(...amountsInOverview), fc.nat(2), (n, pick) => {
        const written = spellings(n)[pick % spellings(n).length]!;
        expect(unsupported(`Coders can earn ${written} a year`, OVERVIEW)).toEqual([]);
      }),
    );
  });
});

describe('answers written the way chat models write them pass', () => {
  const STEP1 = guideExcerpt(1, 'Step 1: Complete Your High School Education');
  const CERTS = guideExcerpt(3, 'Professional Certifications');
  const steps = [STEP1, EDUCATION, STEP4].map((e, i) => ({ ...e, id: i + 1 }));

  it('a numbered list with bold labels, en dashes and an em-dash-joined excerpt', async () => {
    const answer = [
      'To become a clinical coding specialist:',
      '1. **Finish high school** or earn a GED [1].',
      '2. **Enroll in a medical coding program**, which usually takes 4–6 months [2].',
      '3. **Get certified**: the CPC from AAPC or the CCA from AHIMA [3].',
    ].join('\n');
    expect(await verifyModelAnswer({ answer, cited: [1, 2, 3], abstained: false }, steps, semantic)).toMatchObject({ ok: true });
  });

  it('a salary list and full organisation names with their acronyms', async () => {
    const salaries = '- **Entry-level (0–2 years):** $28,000–$35,000 per year [1]\n- **Experienced (5+ years):** $45,000–$60,000+ [1]';
    expect(await verifyModelAnswer({ answer: salaries, cited: [1], abstained: false }, [OVERVIEW], semantic)).toMatchObject({ ok: true });
    const orgs = 'Yes. The American Academy of Professional Coders (AAPC) and the American Health Information Management Association (AHIMA) both offer industry-recognized certifications [1].';
    expect(await verifyModelAnswer({ answer: orgs, cited: [1], abstained: false }, [{ ...CERTS, id: 1 }], semantic)).toMatchObject({ ok: true });
  });
});
