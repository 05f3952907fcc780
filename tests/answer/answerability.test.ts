import { beforeAll, describe, expect, it } from 'vitest';
import { AnswerabilityDecider, answerabilityFeatures, composeNonAnswer, FEATURE_NAMES } from '../../src/answer/index.js';
import type { CareerAdvisor } from '../../src/core/index.js';
import { linearScore, type LinearModel } from '../../src/quality/index.js';
import { openTestAdvisor } from '../helpers/test-advisor.js';

let advisor: CareerAdvisor;
beforeAll(async () => {
  advisor = await openTestAdvisor();
});

const retrieve = async (q: string) => advisor.retriever.retrieve(advisor.retriever.analyze(q));

describe('answerability features', () => {
  it('are finite numbers for every feature the model names, on any question', async () => {
    for (const q of ['How much do entry-level coders make?', 'Who won the 2022 World Cup?', 'zzz qqq', '???']) {
      const features = answerabilityFeatures(await retrieve(q));
      for (const name of FEATURE_NAMES) expect(Number.isFinite(features[name]), `${name} for ${q}`).toBe(true);
    }
  });

  it('separate a question the guide answers from one about something else', async () => {
    const inScope = answerabilityFeatures(await retrieve('Which AHIMA certification is for hospital inpatient coding?'));
    const offTopic = answerabilityFeatures(await retrieve('What is the capital of Australia?'));
    expect(inScope.lex_support).toBeGreaterThan(offTopic.lex_support);
    expect(inScope.lead_support).toBeGreaterThan(offTopic.lead_support);
    expect(offTopic.unknown_share).toBeGreaterThan(inScope.unknown_share);
  });

  it('flag a value type asked for that no top line states', async () => {
    const result = await retrieve('How much do entry-level coders make?');
    expect(answerabilityFeatures(result).quantity_missing).toBe(0);
    // The same question, had no candidate line stated a figure.
    const withoutFigures = { ...result, sections: result.sections.map((s) => ({ ...s, units: s.units.map((u) => ({ ...u, hasQuantity: false })) })) };
    expect(answerabilityFeatures(withoutFigures).quantity_missing).toBe(1);
    // A question asking for no value type never flags one.
    expect(answerabilityFeatures(await retrieve('What skills do coders need?')).quantity_missing).toBe(0);
  });

  it('flag another occupation or a place named in the question but missing from the best line', async () => {
    expect(answerabilityFeatures(await retrieve('What is the average salary of a pharmacist in Texas?')).unmatched_entity).toBe(1);
    expect(answerabilityFeatures(await retrieve('What is the average salary?')).unmatched_entity).toBe(0);
    // A figure the asker gives about themselves sets the scene; it is not asked for.
    expect(answerabilityFeatures(await retrieve("I'm a coder making about $47k and wondering if the CPC is worth it")).unmatched_entity).toBe(0);
    expect(answerabilityFeatures(await retrieve('Is the CPC worth it for a coder making about $47k?')).unmatched_entity).toBe(1);
  });
});

describe('AnswerabilityDecider', () => {
  it('answers at threshold 0 and never at a threshold above 1; partial only with a related line', async () => {
    const decider = new AnswerabilityDecider(advisor.retriever.models.answerability);
    const result = await retrieve('What is the CPC certification?');
    expect(decider.decide(result, 0).outcome).toBe('answer');
    const refused = decider.decide(result, 1.01);
    expect(['partial', 'abstain']).toContain(refused.outcome);
    expect(refused.probability).toBeGreaterThan(0);
    expect(refused.probability).toBeLessThan(1);
  });

  it('never refuses flatly a question that names a credential the guide defines, however far its wording', async () => {
    const decider = new AnswerabilityDecider(advisor.retriever.models.answerability);
    const result = await retrieve('wats CPC vs CCS which 1');
    // Whatever the similarities say, refused it is at most partial: the guide covers both credentials.
    const far = { ...result, sections: result.sections.map((s) => ({ ...s, units: s.units.map((u) => ({ ...u, dense: 0 })) })) };
    expect(decider.decide(far, 1.01).outcome).toBe('partial');
    // A credential the guides never name is no such evidence.
    const unknown = await retrieve('wats XQZ vs YQW which 1');
    expect(unknown.signals.unknownNames).toEqual(expect.arrayContaining(['XQZ', 'YQW']));
    expect(decider.decide({ ...unknown, sections: unknown.sections.map((s) => ({ ...s, units: s.units.map((u) => ({ ...u, dense: 0 })) })) }, 1.01).outcome).toBe('abstain');
  });

  it('the probability follows the model: a feature with a positive weight raises it', () => {
    const model: LinearModel = { features: ['lex_support'], weights: [2], bias: 0, mean: [0.5], scale: [0.25], fitted: {} };
    expect(linearScore(model, { lex_support: 0.9 })).toBeGreaterThan(linearScore(model, { lex_support: 0.1 }));
    // a feature the record lacks counts as its mean
    expect(linearScore(model, {})).toBe(0);
  });
});

describe('composeNonAnswer', () => {
  it('a partial answer says what is missing, then quotes what the guide says, cited as related', async () => {
    const result = await retrieve('How much does the CPC exam cost?');
    const decision = { ...new AnswerabilityDecider(advisor.retriever.models.answerability).decide(result, 1.01), outcome: 'partial' as const };
    const reply = composeNonAnswer(result, decision, ['Clinical Coding Specialist']);
    expect(reply.abstained).toBe(true);
    expect(reply.citations).toEqual([]);
    expect(reply.text).toMatch(/^The guide doesn't /);
    expect(reply.text).toContain('[1]');
    expect(reply.related?.[0]?.quote).toBeTruthy();
    expect(advisor.index.documents[0]!.sections.some((s) => s.blocks.some((b) => b.text.includes(reply.related![0]!.quote.split('\n')[0]!)))).toBe(true);
  });

  it('an abstention names what the loaded guides cover and cites nothing', async () => {
    const result = await retrieve('Who won the 2022 World Cup?');
    const reply = composeNonAnswer(result, { outcome: 'abstain', probability: 0, features: answerabilityFeatures(result) }, ['Clinical Coding Specialist', 'Pharmacy Technician']);
    expect(reply.text).toContain("The guide doesn't cover that");
    expect(reply.text).toContain('Clinical Coding Specialist; Pharmacy Technician');
    expect(reply.related).toBeUndefined();
    expect(reply.citations).toEqual([]);
  });
});
