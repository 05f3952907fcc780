import { beforeAll, describe, expect, it } from 'vitest';
import { AnswerabilityDecider, composeNonAnswer } from '../../src/answer/index.js';
import type { CareerAdvisor } from '../../src/core/index.js';
import type { AnswerabilityModel } from '../../src/quality/index.js';
import { ownOccupation } from '../../src/retrieval/index.js';
import { stem } from '../../src/text/index.js';
import { openTestAdvisor, testConfig } from '../helpers/test-advisor.js';
import { pharmacyKnowledgeDir } from '../helpers/two-guides.js';

// A pharmacy technician guide speaks of pharmacists, but its pay figures are the technicians'.
describe('a pay question about another occupation than the guide’s', () => {
  let advisor: CareerAdvisor;
  beforeAll(async () => {
    advisor = await openTestAdvisor({ config: testConfig({ KNOWLEDGE_DIR: pharmacyKnowledgeDir() }) });
  });
  const others = async (q: string) => (await advisor.retriever.retrieve(advisor.retriever.analyze(q))).signals.otherOccupations;

  it('knows the guide’s own occupation from its title, and other roles the guide mentions as others', () => {
    const own = ownOccupation(advisor.retriever.catalog, advisor.index.documents);
    expect(own.isOwn(stem('technician'))).toBe(true);
    expect(own.isOwn(stem('pharmacy'))).toBe(true);
    expect(own.isOwn(stem('pharmacist'))).toBe(false);
    expect([...own.names]).toEqual(['technician', 'pt']);
  });

  it('names the other occupation; an answer the model would give becomes a partial one that says so', async () => {
    expect(await others('How much does a pharmacist make per year?')).toEqual(['pharmacist']);
    const result = await advisor.retriever.retrieve(advisor.retriever.analyze('How much does a pharmacist make per year?'));
    const alwaysAnswers = { ...advisor.retriever.models.answerability, threshold: 0 } as AnswerabilityModel;
    const decision = new AnswerabilityDecider(alwaysAnswers).decide(result);
    expect(decision.outcome).not.toBe('answer');
    const reply = composeNonAnswer(result, { ...decision, outcome: 'partial' }, []);
    expect(reply.text).toMatch(/^The guide doesn't give that for “pharmacist”\. What it says under/);
    expect(reply.related?.length).toBeGreaterThan(0);
  });

  it('leaves alone the guide’s own occupation, a comparison with it, and questions that ask no pay', async () => {
    expect(await others('How much does a pharmacy technician make per year?')).toEqual([]);
    expect(await others('Do pharmacy technicians earn more than pharmacists?')).toEqual([]);
    expect(await others('What does a pharmacist check before a prescription goes out?')).toEqual([]);
  });
});
