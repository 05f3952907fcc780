import { beforeAll, describe, expect, it } from 'vitest';
import { QUALITY } from '../../src/quality/index.js';
import { answerabilityFeatures, composeNonAnswer, type Decision } from '../../src/answer/index.js';
import type { CareerAdvisor } from '../../src/core/index.js';
import { openTestAdvisor } from '../helpers/test-advisor.js';

// A partial answer says what is missing only when that is a specific thing (a place, a number,
// an occupation, a code); a scenario's everyday words are never quoted back as "not mentioned".
describe('composeNonAnswer: what a partial answer says is missing', () => {
  let advisor: CareerAdvisor;
  beforeAll(async () => {
    advisor = await openTestAdvisor();
  });
  const partial = async (question: string) => {
    const retrieval = await advisor.retriever.retrieve(advisor.retriever.analyze(question));
    const decision: Decision = { outcome: 'partial', probability: 0.1, features: answerabilityFeatures(retrieval) };
    return composeNonAnswer(retrieval, decision, advisor.subjects);
  };

  it('names a place the guide lacks', async () => {
    const reply = await partial('What do coders earn in Nebraska?');
    expect(reply.text).toMatch(/doesn't (?:mention “nebraska”|give a figure)/i);
    // What it says instead: the lead line and, rated nearly as likely here, one more, each cited.
    expect(reply.related?.length).toBe(2);
    expect(reply.text.split('\n').filter((l) => /\[\d\]$/.test(l)).length).toBeLessThanOrEqual(QUALITY.answer.partialLines);
  });

  it('names another occupation the guide lacks', async () => {
    expect((await partial('Which certifications should a dental hygienist get?')).text).toContain('“hygienist');
  });

  it('does not quote everyday words back at the asker', async () => {
    const reply = await partial('I feel so stuck and worried lately. Is there anything that helps with the workload?');
    expect(reply.text).not.toMatch(/mention “[^”]*(?:stuck|worried|feel)/);
    expect(reply.text).toMatch(/^The guide doesn't/);
  });

  it('never says the guide does not mention a word it uses elsewhere, and quotes a missing word as it was written', async () => {
    // "home" is a place in WordNet, and the coding guide says "work-from-home" under remote work.
    const reply = await partial('my kid is little n i wanna stay home, r there coding gigs i can do from my kitchen table');
    expect(reply.text).not.toMatch(/mention “[^”]*home/i);
    expect((await partial('What do coders earn in Nebraska?')).text).not.toContain('“nebraska');
  });
});
