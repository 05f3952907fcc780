import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCertCards, createCommandHandler, renderText, type CommandHandler, type CommandResult } from '../../../src/commands/index.js';
import type { CareerAdvisor } from '../../../src/core/index.js';
import { openTestAdvisor, testConfig } from '../../helpers/test-advisor.js';
import { expectCitationInGuide, GUIDE, sectionBullets } from '../guide-text.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** The guide's credential bullets, parsed here with a plain regex: name, acronym, definition, organisation. */
const expected = sectionBullets('Education and Certification Pathways › Professional Certifications')
  .map((line) => /^(.+?) \(([A-Z][A-Z-]+)\): (.+)$/.exec(line))
  .filter((m): m is RegExpExecArray => !!m)
  .map(([, name, acronym, definition]) => ({
    name: name!,
    acronym: acronym!,
    definition: definition!,
    organization: /\b(AAPC|AHIMA)\b/.exec(definition!)?.[1] ?? /((?:[A-Z][a-z]+ )+Association)/.exec(definition!)?.[1],
  }));

let advisor: CareerAdvisor;
let handler: CommandHandler;
const ask = (text: string, conversationId = 'c1') => handler.handle({ text, conversationId, userId: 'u1', platform: 'cli' });
const card = async (text: string) => {
  const result = await ask(text);
  expect(result.kind, `“${text}” gives a card`).toBe('cert');
  return (result as Extract<CommandResult, { kind: 'cert' }>).card;
};

beforeAll(async () => {
  advisor = await openTestAdvisor();
  handler = createCommandHandler(advisor);
});

describe('certification cards', () => {
  it('the independent parse finds the eight credentials of the guide', () => {
    expect(expected.map((e) => e.acronym)).toEqual(['CPC', 'CCS', 'CCS-P', 'COC', 'CIC', 'CPMA', 'CCA', 'CBCS']);
    expect(expected.every((e) => e.organization)).toBe(true);
  });

  it('every certification in the guide gets a card with the right name, acronym and organisation', async () => {
    const cards = buildCertCards(advisor.index);
    expect(cards.map((c) => c.acronym).sort()).toEqual(expected.map((e) => e.acronym).sort());
    for (const e of expected) {
      const c = await card(`cert ${e.acronym}`);
      expect(c.name).toBe(e.name);
      expect(c.acronym).toBe(e.acronym);
      expect(c.organization).toBe(e.organization);
      expect(c.summary).toBe(e.definition);
      expect(c.citations[0]!.quote).toContain(`(${e.acronym}): ${e.definition}`);
      for (const citation of c.citations) expectCitationInGuide(citation);
      for (const r of c.related) expect(c.citations.find((x) => x.n === r.n)?.quote).toBe(r.text);
    }
  });

  it('expands organisation acronyms from the guide text', async () => {
    expect((await card('cert CPC')).organizationName).toBe('American Academy of Professional Coders');
    expect((await card('cert CCA')).organizationName).toBe('American Health Information Management Association');
    expect(GUIDE).toContain('American Academy of Professional Coders (AAPC)');
  });

  it('derives focus tags from the definition words: the level, and the guide’s focus areas they name', async () => {
    expect((await card('cert CCS')).focus).toEqual(expect.arrayContaining(['hospitals', 'inpatient']));
    expect((await card('cert CCS-P')).focus).toEqual(expect.arrayContaining(['physician offices', 'outpatient']));
    expect((await card('cert CPMA')).focus).toEqual(expect.arrayContaining(['advanced', 'auditing', 'compliance']));
    // "billing" is no work setting, specialisation or advancement path of this guide, so it is no focus.
    expect((await card('cert CBCS')).focus).toEqual([]);
    const cpc = await card('cert CPC');
    expect(cpc.focus).toEqual(expect.arrayContaining(['entry level', 'outpatient']));
    expect(cpc.level).toBe('entry level');
  });

  it('lists related guide lines: career path, continuing education (Q5) and exam preparation (Q6), each cited', async () => {
    const cpc = await card('cert CPC');
    const texts = cpc.related.map((r) => r.text);
    expect(texts).toContain('Entry-Level Position: Coding Specialist with CCA or CPC certification → 2-3 years experience');
    expect(texts.some((t) => t.includes('36-48 continuing education credits'))).toBe(true);
    expect(texts.some((t) => /preparation/i.test(t))).toBe(true);
    expect(texts.some((t) => t.includes('AAPC’s most popular entry-level certification'))).toBe(true);
    const cpma = await card('cert CPMA');
    expect(cpma.related.map((r) => r.text)).toContain('Auditing Role: Transition to quality auditing with CPMA certification for enhanced career status');
    // "CCS" must not pick up CCS-P lines.
    const ccs = await card('cert CCS');
    expect(ccs.related.some((r) => r.text.includes('CCS-P'))).toBe(false);
  });

  it('renders a card for the terminal with its sources', async () => {
    const text = renderText(await ask('cert CPC'));
    expect(text).toContain('CPC — Certified Professional Coder');
    expect(text).toContain('Organisation: AAPC (American Academy of Professional Coders)');
    expect(text).toMatch(/Sources — clinical-coding-specialist-guide\.md\n {2}\[1\] Education and Certification Pathways › Professional Certifications/);
  });
});

describe('fuzzy lookup', () => {
  it.each([
    ['cert ccsp', 'CCS-P'],
    ['cert CCS-P', 'CCS-P'],
    ['cert physician coding', 'CCS-P'],
    ['/cert ccs-p', 'CCS-P'],
    ['cert coding specialist', 'CCS'],
    ['cert "coding specialist"', 'CCS'],
    ['cert Certified Coding Specialist', 'CCS'],
    ['cert cpc', 'CPC'],
    ['cert the CPC exam', 'CPC'],
    ['cert CSS', 'CCS'],
    ['cert auditor', 'CPMA'],
    ['cert billing', 'CBCS'],
    ['cert inpatient coder', 'CIC'],
    ['certification CCA', 'CCA'],
  ])('%s → %s', async (text, acronym) => {
    expect((await card(text)).acronym).toBe(acronym);
  });

  it('an unknown name lists the certifications the guide knows', async () => {
    const result = await ask('cert basket weaving');
    expect(result.kind).toBe('cert-list');
    if (result.kind !== 'cert-list') return;
    expect(result.message).toContain('couldn\'t find a certification called “basket weaving”');
    expect(result.certifications.map((c) => c.acronym)).toEqual(expected.map((e) => e.acronym));
  });

  it('an acronym one edit from two credentials suggests both', async () => {
    const result = await ask('cert CPA');
    expect(result.kind).toBe('cert-list');
    if (result.kind === 'cert-list') expect(result.message).toMatch(/Did you mean .*CPC/);
  });

  it('an organisation lists its credentials', async () => {
    const result = await ask('cert AHIMA');
    expect(result.kind).toBe('cert-list');
    if (result.kind === 'cert-list') expect(result.certifications.map((c) => c.acronym)).toEqual(expected.filter((e) => e.organization === 'AHIMA').map((e) => e.acronym));
  });

  it('"cert" alone lists every credential', async () => {
    const result = await ask('cert');
    expect(result.kind).toBe('cert-list');
    if (result.kind === 'cert-list') expect(result.certifications).toHaveLength(expected.length);
  });
});

describe('compare', () => {
  it('compares organisation, focus and level', async () => {
    const result = await ask('cert compare CPC CCS');
    expect(result.kind).toBe('cert-compare');
    if (result.kind !== 'cert-compare') return;
    expect(result.left.acronym).toBe('CPC');
    expect(result.right.acronym).toBe('CCS');
    const [org, focus, level] = result.differences;
    expect(org).toContain('AAPC');
    expect(org).toContain('AHIMA');
    expect(focus).toMatch(/CCS covers .*inpatient/);
    expect(focus).toMatch(/CPC covers .*outpatient/);
    expect(level).toMatch(/CPC is entry level/);
    expect(renderText(result)).toContain('CPC vs CCS');
  });

  it('accepts "A vs B" and says when both come from the same organisation', async () => {
    const result = await ask('cert CPC vs CIC');
    expect(result.kind).toBe('cert-compare');
    if (result.kind === 'cert-compare') expect(result.differences[0]).toBe('Organisation: both are AAPC credentials.');
  });

  it('gives clear replies for incomplete or unknown comparisons', async () => {
    const one = await ask('cert compare CPC');
    expect(one).toMatchObject({ kind: 'error', code: 'INPUT_INVALID' });
    if (one.kind === 'error') expect(one.message).toContain('cert compare CPC CCS');
    expect(await ask('cert compare CPC cpc')).toMatchObject({ kind: 'error', code: 'INPUT_INVALID' });
    const unknown = await ask('cert compare CPC XYZQ');
    expect(unknown.kind).toBe('cert-list');
  });
});

describe('cards follow the guide', () => {
  it('a credential added to the guide gets a card, with its organisation, without code changes', async () => {
    const dir = tempDir('career-advisor-knowledge-');
    cpSync(fileURLToPath(new URL('../../../knowledge', import.meta.url)), dir, { recursive: true });
    const file = join(dir, 'clinical-coding-specialist-guide.md');
    const edited = readFileSync(file, 'utf8').replace(
      '- Certified Coding Associate (CCA):',
      '- Certified Risk Adjustment Coder (CRC): AAPC credential for risk adjustment coding\n- Certified Coding Associate (CCA):',
    );
    writeFileSync(file, edited);
    const edAdvisor = await openTestAdvisor({ config: testConfig({ KNOWLEDGE_DIR: dir }) });
    const result = await createCommandHandler(edAdvisor).handle({ text: 'cert risk adjustment', conversationId: 'x', userId: 'u', platform: 'cli' });
    expect(result).toMatchObject({ kind: 'cert', card: { acronym: 'CRC', name: 'Certified Risk Adjustment Coder', organization: 'AAPC' } });
  });
});
