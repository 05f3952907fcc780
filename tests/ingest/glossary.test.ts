import { describe, expect, it } from 'vitest';
import { extractGlossary, parseMarkdown, type GlossaryEntry } from '../../src/ingest/index.js';
import { GUIDE_MD_NAME, parseGuideMd, readGuideMd, sectionTitled } from '../helpers/guide-files.js';

const guide = parseGuideMd();
const glossary = extractGlossary(guide);
const rawLines = readGuideMd().split('\n');

const CERTIFICATIONS: Array<[acronym: string, term: string, definition: string]> = [
  ['CPC', 'Certified Professional Coder', 'Entry-level certification from AAPC, recognizing competency in outpatient and facility coding'],
  ['CCS', 'Certified Coding Specialist', 'AHIMA credential for hospital inpatient coding expertise'],
  ['CCS-P', 'Certified Coding Specialist-Physician', 'AHIMA certification for physician office and outpatient coding'],
  ['COC', 'Certified Outpatient Coder', 'AAPC credential specializing in outpatient facility coding'],
  ['CIC', 'Certified Inpatient Coder', 'AAPC certification for hospital inpatient coding specialists'],
  ['CPMA', 'Certified Professional Medical Auditor', 'Advanced AAPC credential for coding audits and compliance'],
  ['CCA', 'Certified Coding Associate', 'Entry-level AHIMA credential for coding professionals'],
  ['CBCS', 'Certified Billing and Coding Specialist', 'National Healthcare Association certification combining billing and coding'],
];

const inSection = (title: string) => glossary.filter((e) => e.headingPath.at(-1) === title);

describe('extractGlossary on the real guide', () => {
  it('turns every certification bullet of Professional Certifications into {term, acronym, definition}', () => {
    const section = sectionTitled(guide, 'Professional Certifications');
    const defs = inSection('Professional Certifications').filter((e) => e.kind === 'definition');
    expect(defs.map((e) => [e.acronym, e.term, e.definition])).toEqual(CERTIFICATIONS);
    for (const entry of defs) {
      expect(entry.sectionId).toBe(section.id);
      expect(entry.source).toBe(GUIDE_MD_NAME);
      expect(entry.headingPath).toEqual(['Education and Certification Pathways', 'Professional Certifications']);
      // The quote is the full guide line the entry was read from, at the recorded line.
      expect(rawLines[entry.line - 1]).toBe(`- ${entry.quote}`);
      expect(entry.quote).toBe(`${entry.term} (${entry.acronym}): ${entry.definition}`);
    }
    // Every bullet of the section produced exactly one definition.
    expect(defs).toHaveLength(section.blocks.filter((b) => b.kind === 'bullet').length);
  });

  it('reads "Term: definition" bullets without inventing an acronym', () => {
    const byTerm = (term: string) => glossary.find((e) => e.kind === 'definition' && e.term === term);
    expect(byTerm('Medical Record Review')).toMatchObject({
      acronym: undefined,
      definition: 'Carefully examine patient charts, physician notes, lab results, and diagnostic reports to identify billable services and procedures',
      headingPath: ['Core Responsibilities of Clinical Coding Specialists'],
    });
    expect(byTerm('Geographic Location')).toMatchObject({ acronym: undefined, definition: 'Metropolitan areas and high cost-of-living regions offer higher salaries' });
    expect(byTerm('HCPCS Level II')).toMatchObject({ definition: 'Temporary and national modifier codes for specific circumstances' });
    // A definition keeps everything after the first colon, sentences included.
    expect(byTerm('Ask Questions')?.definition).toBe('Never code with uncertainty. Consult colleagues, references, or providers when clarification is needed');
  });

  it('keeps a non-acronym parenthesis as a qualifier of the term ("Entry-Level (0-2 years)")', () => {
    const comp = inSection('Compensation Overview');
    expect(comp.map((e) => [e.term, e.acronym, e.definition])).toEqual([
      ['Entry-Level (0-2 years)', undefined, '$28,000-$35,000 annually'],
      ['Intermediate (2-5 years)', undefined, '$35,000-$45,000 annually'],
      ['Experienced (5+ years)', undefined, '$45,000-$60,000+ annually'],
      ['Specialist/Lead Positions', undefined, '$50,000-$65,000+ annually'],
      ['Management/Director Roles', undefined, '$60,000-$80,000+ annually'],
    ]);
    expect(glossary.find((e) => e.term === "Associate’s Degree (Optional)")).toMatchObject({ acronym: undefined });
  });

  it('finds the inline expansions AAPC, AHIMA, EHR, HIM and CPT (Current Procedural Terminology), once each', () => {
    const expansions = glossary.filter((e) => e.kind === 'expansion');
    const expected: Record<string, [term: string, section: string]> = {
      AAPC: ['American Academy of Professional Coders', 'Professional Certifications'],
      AHIMA: ['American Health Information Management Association', 'Professional Certifications'],
      EHR: ['Electronic Health Records', 'Core Responsibilities of Clinical Coding Specialists'],
      HIM: ['Health Information Management', 'Educational Requirements'],
      CPT: ['Current Procedural Terminology', 'What Is a Clinical Coding Specialist?'],
    };
    for (const [acronym, [term, section]] of Object.entries(expected)) {
      const found = expansions.filter((e) => e.acronym === acronym);
      expect(found, acronym).toHaveLength(1);
      expect(found[0]).toMatchObject({ term, headingPath: expect.arrayContaining([section]) });
      expect(found[0]!.definition).toContain(term);
      expect(found[0]!.definition).toContain(acronym);
      expect(readGuideMd()).toContain(found[0]!.quote);
    }
  });

  it('never produces an expansion for an acronym a definition bullet already defines', () => {
    const defined = new Set(glossary.filter((e) => e.kind === 'definition' && e.acronym).map((e) => e.acronym));
    expect(defined).toEqual(new Set(CERTIFICATIONS.map(([a]) => a)));
    expect(glossary.filter((e) => e.kind === 'expansion' && defined.has(e.acronym))).toEqual([]);
  });

  it('reads only bullets as definitions (paragraph "Label: text" lines and sentences are not terms)', () => {
    const terms = new Set(glossary.filter((e) => e.kind === 'definition').map((e) => e.term));
    for (const notATerm of ['Solution', 'A', 'Entry-Level Position', 'Intermediate Position', 'Management/Leadership']) expect(terms.has(notATerm), notATerm).toBe(false);
    for (const e of glossary) {
      expect(e.term.trim()).toBe(e.term);
      expect(e.term.length).toBeGreaterThan(1);
      expect(e.definition.length).toBeGreaterThan(0);
      expect(e.term.split(/\s+/).length).toBeLessThanOrEqual(8);
    }
  });
});

describe('extractGlossary on a synthetic guide', () => {
  const md = [
    '# Billing Guide',
    '## Glossary',
    'The National Correct Coding Initiative (NCCI) bundles edits. Payments use the RVU (Relative Value Unit) system.',
    '- Revenue Cycle Management (RCM): the financial process from scheduling to final payment',
    '- Clean Claim: a claim with no errors that is paid on first submission',
    '- Prior Authorization (PA) – approval from the payer before a service',
    '- Residency (3 years): time spent training after school',
    '- Why this matters. Nobody knows: it is a sentence, not a term',
    '## Later',
    'Again the National Correct Coding Initiative (NCCI) and Revenue Cycle Management (RCM) are mentioned.',
    'Prices are listed in US dollars (USD) and some text (Optional) in parentheses.',
  ].join('\n');
  const entries = extractGlossary(parseMarkdown(md, 'billing.md'));
  const summary = (e: GlossaryEntry) => [e.kind, e.term, e.acronym, e.definition, e.headingPath.join('/'), e.line];

  it('extracts definition bullets with and without acronyms, including the dash form and qualifiers', () => {
    expect(entries.filter((e) => e.kind === 'definition').map(summary)).toEqual([
      ['definition', 'Revenue Cycle Management', 'RCM', 'the financial process from scheduling to final payment', 'Glossary', 4],
      ['definition', 'Clean Claim', undefined, 'a claim with no errors that is paid on first submission', 'Glossary', 5],
      ['definition', 'Prior Authorization', 'PA', 'approval from the payer before a service', 'Glossary', 6],
      ['definition', 'Residency (3 years)', undefined, 'time spent training after school', 'Glossary', 7],
    ]);
  });

  it('extracts both "Long Name (ACR)" and "ACR (Long Name)" expansions, once per acronym', () => {
    expect(entries.filter((e) => e.kind === 'expansion').map(summary)).toEqual([
      ['expansion', 'National Correct Coding Initiative', 'NCCI', 'National Correct Coding Initiative (NCCI)', 'Glossary', 3],
      ['expansion', 'Relative Value Unit', 'RVU', 'RVU (Relative Value Unit)', 'Glossary', 3],
    ]);
  });

  it('ignores parentheses whose words do not spell the acronym, and acronyms already defined', () => {
    const acronyms = entries.map((e) => e.acronym);
    expect(acronyms).not.toContain('USD');
    expect(entries.filter((e) => e.acronym === 'RCM')).toHaveLength(1);
    expect(entries.some((e) => e.term.startsWith('Why this matters'))).toBe(false);
  });

  it('returns nothing for a document without sections', () => {
    expect(extractGlossary(parseMarkdown('', 'empty.md'))).toEqual([]);
  });
});

describe('extractGlossary on headings that name a term', () => {
  const md = [
    '# Beekeeper Guide',
    '## Credentials',
    '### CHK (ABA): Certified Hive Keeper',
    'Awarded by the Apiary Board of America (ABA). The first credential most keepers earn.',
    '- Exam: 60 questions',
    '### Master Beekeeper Award (MBA)',
    'A program of the state clubs.',
    '### SBK – Senior Bee Keeper',
    'For keepers with five years of hives.',
    '### RBK (ABA): Something Else Entirely',
    'Initials that do not spell the acronym name nothing.',
    '### Queen Rearing Certificate (QRC)',
    '- Queen Rearing Certificate (QRC): the bullet defines it more precisely',
  ].join('\n');
  const entries = extractGlossary(parseMarkdown(md, 'bees.md'));
  const fromHeadings = entries.filter((e) => e.heading);

  it('reads "ACR (ORG): Full Name", "Full Name (ACR)" and "ACR – Full Name" headings whose initials spell the acronym', () => {
    expect(fromHeadings.map((e) => [e.acronym, e.term, e.heading?.qualifier, e.definition])).toEqual([
      ['CHK', 'Certified Hive Keeper', 'ABA', 'Awarded by the Apiary Board of America (ABA). The first credential most keepers earn.'],
      ['MBA', 'Master Beekeeper Award', undefined, 'A program of the state clubs.'],
      ['SBK', 'Senior Bee Keeper', undefined, 'For keepers with five years of hives.'],
    ]);
    expect(fromHeadings.every((e) => e.kind === 'definition' && e.headingPath.at(-1)!.includes(e.acronym!))).toBe(true);
  });

  it('leaves a heading whose words do not spell its acronym alone, and lets a definition bullet win over a heading', () => {
    expect(entries.some((e) => e.acronym === 'RBK')).toBe(false);
    const qrc = entries.filter((e) => e.acronym === 'QRC');
    expect(qrc).toHaveLength(1);
    expect(qrc[0]!.heading).toBeUndefined();
  });
});

describe('extractGlossary on acronym-first credentials', () => {
  const md = [
    '# Survey Guide',
    '## Credentials',
    '| Credential | Organization | Renewal |',
    '|---|---|---|',
    '| LSA (Licensed Survey Assistant) | NCEES | None, it leads to the licence |',
    '| Certified Survey Technician (CST) | NSPS | Every 3 years |',
    '- **PLS (Professional Land Surveyor):** the state licence to sign survey plats',
  ].join('\n');
  const entries = extractGlossary(parseMarkdown(md, 'survey.md')).filter((e) => e.kind === 'definition');

  it('reads a bullet that names the acronym first and spells it out in brackets', () => {
    expect(entries.find((e) => e.acronym === 'PLS')).toMatchObject({ term: 'Professional Land Surveyor', definition: 'the state licence to sign survey plats' });
  });

  it('reads a table cell holding both the acronym and its name, in either order, and marks the layouts read since round 15', () => {
    expect(entries.find((e) => e.acronym === 'LSA')).toMatchObject({ term: 'Licensed Survey Assistant', definition: 'Organization: NCEES; Renewal: None, it leads to the licence', form: 'one-cell' });
    expect(entries.find((e) => e.acronym === 'PLS')?.form).toBe('acronym-first');
    expect(entries.find((e) => e.acronym === 'CST')?.form).toBe('one-cell');
    expect(entries.find((e) => e.acronym === 'CST')).toMatchObject({ term: 'Certified Survey Technician' });
  });
});
