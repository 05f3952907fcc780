import { beforeAll, describe, expect, it } from 'vitest';
import { buildCertCards } from '../../../src/commands/cards/certifications.js';
import { areasNamedIn, focusAreas, type FocusArea } from '../../../src/commands/guide/focus-areas.js';
import { createCommandHandler, type CommandResult } from '../../../src/commands/index.js';
import type { CareerAdvisor } from '../../../src/core/index.js';
import { openTestAdvisor, testConfig } from '../../helpers/test-advisor.js';
import { pharmacyKnowledgeDir, thinGuideKnowledgeDir } from '../../helpers/two-guides.js';

const byKind = (areas: FocusArea[], kind: FocusArea['kind']) => areas.filter((a) => a.kind === kind).map((a) => a.label);

describe('focus areas come from the guide’s own headings and items', () => {
  let pharmacy: CareerAdvisor;
  let coding: CareerAdvisor;
  beforeAll(async () => {
    pharmacy = await openTestAdvisor({ config: testConfig({ KNOWLEDGE_DIR: pharmacyKnowledgeDir() }) });
    coding = await openTestAdvisor();
  });

  it('pharmacy guide: its “Where … Work” sub-headings are settings, its “Specialisations” bullets specialisations; credentials and pay rows are not areas', () => {
    const areas = focusAreas(pharmacy.index);
    expect(byKind(areas, 'setting')).toEqual(['retail and community', 'hospital', 'mail-order and central fill', 'compounding', 'long-term care']);
    expect(byKind(areas, 'specialization')).toEqual(expect.arrayContaining(['iv and sterile compounding', 'nuclear', 'informatics', 'buyer']));
    expect(areas.map((a) => a.name)).not.toEqual(expect.arrayContaining([expect.stringMatching(/CSPT|Certified|Hospitals|Other Places/)]));
    const hospital = areas.find((a) => a.label === 'hospital')!;
    expect(hospital.line.text).toMatch(/^Hospital technicians restock/);
  });

  it('coding guide: work-setting bullets, specialisation bullets and advancement bullets, each of its kind', () => {
    const areas = focusAreas(coding.index);
    expect(byKind(areas, 'setting')).toEqual(expect.arrayContaining(['hospitals', 'physician offices', 'remote']));
    expect(byKind(areas, 'specialization')).toEqual(expect.arrayContaining(['inpatient', 'outpatient', 'cardiology', 'risk adjustment']));
    expect(byKind(areas, 'path')).toEqual(expect.arrayContaining(['auditing', 'compliance', 'training and education']));
    // "Specialization: develop expertise…" is the advice to specialise, not an area.
    expect(byKind(areas, 'path')).not.toContain('specialization');
  });

  it('a message names an area by all the words of one part of it, in the order it names them', () => {
    const areas = focusAreas(pharmacy.index);
    expect(areasNamedIn('I would like retail first, then sterile compounding', areas).map((a) => a.name)).toEqual(['Retail and Community Pharmacies', 'IV and sterile compounding technician', 'Compounding Pharmacies']);
    expect(areasNamedIn('I want to work with central fill', areas).map((a) => a.name)).toEqual(['Mail-Order and Central Fill Pharmacies']);
    expect(areasNamedIn('I like the idea of being central', areas)).toEqual([]);
  });

  it('a credential card’s focus is its level and the areas its definition names', () => {
    const cards = buildCertCards(pharmacy.index);
    expect(cards.find((c) => c.acronym === 'CPhT')!.focus).toEqual(['entry level', 'hospital']);
    expect(cards.find((c) => c.acronym === 'CSPT')!.focus).toEqual(expect.arrayContaining(['advanced', 'iv and sterile compounding']));
  });

  it('a guide with no such sections has none', async () => {
    expect(focusAreas((await openTestAdvisor({ config: testConfig({ KNOWLEDGE_DIR: thinGuideKnowledgeDir() }) })).index)).toEqual([]);
  });
});

describe('plan goals on the pharmacy guide come from that guide', () => {
  let say: (text: string) => Promise<CommandResult>;
  beforeAll(async () => {
    const handler = createCommandHandler(await openTestAdvisor({ config: testConfig({ KNOWLEDGE_DIR: pharmacyKnowledgeDir() }) }));
    say = (text) => handler.handle({ text, conversationId: 'pharmacy-goals', userId: 'u', platform: 'cli' });
  });

  it('the goals question offers the guide’s areas; named areas become cited steps with the guide’s credentials and pay', async () => {
    await say('plan');
    await say('high school diploma');
    const goals = await say('none, I work in retail');
    expect(goals.kind === 'plan-question' && goals.question).toMatch(/an area the guide names, such as retail and community pharmacies, IV and sterile compounding technician/);
    const check = await say('I want hospital work, later sterile compounding');
    expect(check.kind === 'plan-question' && check.question).toMatch(/goal: work in hospital pharmacies, IV and sterile compounding technician, work in compounding pharmacies\./);
    const plan = await say('yes');
    if (plan.kind !== 'plan') throw new Error(`expected a plan, got ${plan.kind}`);
    const hospital = plan.steps.find((s) => s.title === 'Work in hospital pharmacies')!;
    expect(hospital.salary).toBe('Hospitals: $42,000-$50,000');
    expect(plan.steps.find((s) => /^Specialize in IV and sterile compounding technician and earn CSPT$/.test(s.title))).toBeDefined();
    expect(plan.summary).not.toMatch(/no focus areas/);
  });
});

describe('a guide without focus areas', () => {
  it('the goals question and the plan say plainly that the plan is a general one', async () => {
    const handler = createCommandHandler(await openTestAdvisor({ config: testConfig({ KNOWLEDGE_DIR: thinGuideKnowledgeDir() }) }));
    const say = (text: string) => handler.handle({ text, conversationId: 'bees', userId: 'u', platform: 'cli' });
    const goals = await say('plan high school, no experience');
    expect(goals.kind === 'plan-question' && goals.question).toMatch(/This guide names no work settings, specialisations or advancement paths, so the plan will be a general one\./);
    await say('hospital work');
    const plan = await say('yes');
    expect(plan.kind === 'plan' && plan.summary).toContain('This guide names no focus areas (work settings, specialisations or advancement paths), so this is a general plan.');
  });
});
