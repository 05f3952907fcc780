import { beforeAll, describe, expect, it } from 'vitest';
import { AnswerabilityDecider } from '../../src/answer/index.js';
import type { CareerAdvisor } from '../../src/core/index.js';
import { openTestAdvisor, testConfig } from '../helpers/test-advisor.js';
import { pharmacyKnowledgeDir } from '../helpers/two-guides.js';

// Credentials some guides write in mixed case ("CPhT-Adv", "ExCPT") are named as much as "CPC" is.
describe('credentials a question names in mixed case', () => {
  let advisor: CareerAdvisor;
  beforeAll(async () => {
    advisor = await openTestAdvisor({ config: testConfig({ KNOWLEDGE_DIR: pharmacyKnowledgeDir() }) });
  });
  const retrieve = async (q: string) => advisor.retriever.retrieve(advisor.retriever.analyze(q));

  it('are read when the guide writes them the same way, and other mixed-case words are not', async () => {
    expect(advisor.retriever.catalog.mixedCaseAcronymsIn('is the CPhT-Adv worth it, or the ExCPT? asked on my iPhone, McDonald’s shift')).toEqual(['CPhT-Adv', 'ExCPT']);
    expect((await retrieve('How much is the ExCPT exam?')).signals.knownAcronyms).toEqual(['ExCPT']);
  });

  it('put a question on the guide’s topic: refused at most partially, however far its wording', async () => {
    const decider = new AnswerabilityDecider(advisor.retriever.models.answerability);
    const result = await retrieve('wats the deal w CPhT-Adv lol');
    const far = { ...result, sections: result.sections.map((s) => ({ ...s, units: s.units.map((u) => ({ ...u, dense: 0 })) })) };
    expect(decider.decide(far, 1.01).outcome).toBe('partial');
  });
});
