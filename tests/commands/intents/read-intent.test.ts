import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { asksSomething } from '../../../src/commands/intents/asks-something.js';
import { credentialMentions, hasComparisonShape } from '../../../src/commands/intents/named-credentials.js';
import { readIntent } from '../../../src/commands/intents/read-intent.js';
import type { CareerAdvisor } from '../../../src/core/index.js';
import { openTestAdvisor, testConfig } from '../../helpers/test-advisor.js';
import { tempDir } from '../../helpers/temp-dir.js';

let coding: CareerAdvisor;
let pharmacy: CareerAdvisor;

beforeAll(async () => {
  const dir = tempDir('career-advisor-pharmacy-');
  copyFileSync(fileURLToPath(new URL('../../fixtures/guides/pharmacy-technician-guide.md', import.meta.url)), join(dir, 'pharmacy-technician-guide.md'));
  [coding, pharmacy] = await Promise.all([openTestAdvisor(), openTestAdvisor({ config: testConfig({ KNOWLEDGE_DIR: dir }) })]);
}, 60_000);

describe('credentials named in a message', () => {
  it('finds the guide’s own credentials by acronym (any case) or full name, masking them as X and Y', () => {
    const found = credentialMentions('is Certified Professional Coder better than ccs?', coding.index);
    expect(found.records.map((r) => r.card.acronym)).toEqual(['CPC', 'CCS']);
    expect(found.masked).toBe('is X better than Y?');
  });

  it('does not take CCS out of CCS-P', () => {
    expect(credentialMentions('what is the CCS-P', coding.index).records.map((r) => r.card.acronym)).toEqual(['CCS-P']);
  });

  it('works on another guide’s credentials unchanged', () => {
    expect(credentialMentions('CPhT or CSPT?', pharmacy.index).masked).toBe('X or Y?');
  });
});

describe('comparison shapes', () => {
  it.each(['X or Y?', 'the X or the Y', 'X vs. Y', "what's the difference between X and Y?", 'differences between the X and Y'])('reads “%s” as a comparison', (text) => {
    expect(hasComparisonShape(text)).toBe(true);
  });

  it.each(['do I need X or Y to work?', 'X and Y', 'how much does X cost'])('does not read “%s” as one', (text) => {
    expect(hasComparisonShape(text)).toBe(false);
  });
});

describe('readIntent (any embedder: the shapes need no semantics)', () => {
  it('routes “difference between A and B” and “A or B?” to the comparison for both guides', async () => {
    expect(await readIntent('difference between CPC and CCS', coding)).toMatchObject({ kind: 'compare', left: { card: { acronym: 'CPC' } }, right: { card: { acronym: 'CCS' } } });
    expect(await readIntent('CSPT or CPhT?', pharmacy)).toMatchObject({ kind: 'compare', left: { card: { acronym: 'CSPT' } } });
  });

  it('leaves a question naming one credential among other words to the answer path', async () => {
    expect(await readIntent('how much does the CPC exam cost and how long is it valid?', coding)).toBeUndefined();
  });
});

describe('asksSomething', () => {
  it.each(['what does a CPC exam cost?', 'how long does it take', 'is it hard?', 'CPC?'])('“%s” asks something', (text) => {
    expect(asksSomething(text)).toBe(true);
  });
  it.each(['I finished high school', 'two years as a receptionist', 'CPC', 'remote work'])('“%s” tells', (text) => {
    expect(asksSomething(text)).toBe(false);
  });
});
