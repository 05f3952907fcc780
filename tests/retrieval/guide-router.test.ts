import { beforeAll, describe, expect, it } from 'vitest';
import type { CareerAdvisor } from '../../src/core/index.js';
import { openTestAdvisor, testConfig } from '../helpers/test-advisor.js';
import { CODING_GUIDE, PHARMACY_GUIDE, twoGuideKnowledgeDir } from '../helpers/two-guides.js';

// Questions written for this test, not taken from any eval set.
describe('GuideRouter: a question that names a career or a credential goes to that guide', () => {
  let advisor: CareerAdvisor;
  const both = [CODING_GUIDE, PHARMACY_GUIDE];
  beforeAll(async () => {
    advisor = await openTestAdvisor({ config: testConfig({ KNOWLEDGE_DIR: twoGuideKnowledgeDir() }) });
  });
  const route = (question: string, allowed = both) => advisor.retriever.router.route(advisor.retriever.analyze(question), allowed);

  it('a career named by its title word, in any form, names that guide', () => {
    expect(route('Is being a coder stressful?')).toEqual({ guides: [CODING_GUIDE], named: true });
    expect(route('do pharmacy techs work weekends')).toEqual({ guides: [PHARMACY_GUIDE], named: true });
  });

  it('a credential only one guide defines names that guide', () => {
    expect(route('is the CPhT hard to get?')).toEqual({ guides: [PHARMACY_GUIDE], named: true });
    expect(route('how hard is the CPC?')).toEqual({ guides: [CODING_GUIDE], named: true });
  });

  it('a question in words both guides use names neither', () => {
    expect(route('How long is the training?')).toEqual({ guides: both, named: false });
    expect(route('what certifications are there')).toEqual({ guides: both, named: false });
  });

  it('with one guide allowed, that guide is the route whatever is asked', () => {
    expect(route('Is being a coder stressful?', [PHARMACY_GUIDE])).toEqual({ guides: [PHARMACY_GUIDE], named: true });
  });
});

describe('CareerAdvisor with two guides: routed, per-guide and follow-up answers', () => {
  let advisor: CareerAdvisor;
  beforeAll(async () => {
    advisor = await openTestAdvisor({ config: testConfig({ KNOWLEDGE_DIR: twoGuideKnowledgeDir() }) });
  });
  const sources = (answer: Awaited<ReturnType<CareerAdvisor['ask']>>) => [...new Set(answer.citations.map((c) => c.source))];

  it('a question naming one career cites only that guide', async () => {
    expect(sources(await advisor.ask('How much do pharmacy technicians earn?'))).toEqual([PHARMACY_GUIDE]);
    expect(sources(await advisor.ask('How much do clinical coders earn?'))).toEqual([CODING_GUIDE]);
  });

  it('an ambiguous question both guides answer gets a part per guide, each under its title, numbered on', async () => {
    const answer = await advisor.ask('What is the salary range?');
    expect(answer.abstained).toBe(false);
    expect(sources(answer).sort()).toEqual([CODING_GUIDE, PHARMACY_GUIDE].sort());
    for (const document of advisor.index.documents) expect(answer.answer).toContain(`${document.title.split(':')[0]}:`);
    const numbers = [...answer.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    expect(new Set(numbers)).toEqual(new Set(answer.citations.map((c) => c.n)));
    expect(answer.citations.map((c) => c.n)).toEqual(answer.citations.map((_, i) => i + 1));
  });

  it('a follow-up that names no career stays with the guide of the previous answer', async () => {
    const conversationId = `follow-${Math.random()}`;
    await advisor.ask('What do pharmacy technicians earn?', { conversationId });
    expect(sources(await advisor.ask('and how long does the training take?', { conversationId }))).toEqual([PHARMACY_GUIDE]);
  });
});
