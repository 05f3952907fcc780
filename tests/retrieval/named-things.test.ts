import { beforeAll, describe, expect, it } from 'vitest';
import { AnswerabilityDecider } from '../../src/answer/index.js';
import type { CareerAdvisor } from '../../src/core/index.js';
import { openTestAdvisor, testConfig } from '../helpers/test-advisor.js';
import { pharmacyKnowledgeDir } from '../helpers/two-guides.js';

// A value asked of a credential is answered from where the guide speaks of that credential.
describe('credentials a question names, in capitals or in mixed case', () => {
  let advisor: CareerAdvisor;
  beforeAll(async () => {
    advisor = await openTestAdvisor({ config: testConfig({ KNOWLEDGE_DIR: pharmacyKnowledgeDir() }) });
  });
  const retrieve = async (q: string) => advisor.retriever.retrieve(advisor.retriever.analyze(q));

  it('reads mixed-case credentials the guide writes the same way, and not other mixed-case words', async () => {
    expect(advisor.retriever.catalog.mixedCaseAcronymsIn('is the CPhT-Adv worth it, or the ExCPT? asked on my iPhone, McDonald’s shift')).toEqual(['CPhT-Adv', 'ExCPT']);
    expect((await retrieve('How much is the ExCPT exam?')).signals.namedThings).toEqual(['ExCPT']);
  });

  it('answers a fee asked of a credential from its own lines, and not from a total for another', async () => {
    const decider = new AnswerabilityDecider({ ...advisor.retriever.models.answerability, threshold: 0 });
    expect(decider.decide(await retrieve('How much is the ExCPT exam?')).outcome).toBe('answer');
    const other = await retrieve('How much does the CPhT-Adv application cost?');
    expect(other.signals.namedThings).toEqual(['CPhT-Adv']);
    expect(decider.decide(other).outcome).toBe('partial');
  });
});
