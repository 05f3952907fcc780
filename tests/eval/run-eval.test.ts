import { beforeAll, describe, expect, it } from 'vitest';
import type { CareerAdvisor } from '../../src/core/index.js';
import { runEval, sweepThresholds, type EvalItem } from '../../src/eval/index.js';
import { openTestAdvisor } from '../helpers/test-advisor.js';

let advisor: CareerAdvisor;
beforeAll(async () => {
  advisor = await openTestAdvisor();
});

const ITEMS: EvalItem[] = [
  { id: 'a', question: 'Which AHIMA certification is for hospital inpatient coding?', sections: ['Professional Certifications'], facts: ['CCS'], style: 'plain' },
  { id: 'b', question: 'How much do entry-level coders make?', sections: ['Compensation Overview'], facts: ['$28,000'], style: 'colloquial' },
  { id: 'c', question: 'Who won the 2022 World Cup?', out_of_scope: true, style: 'far' },
  { id: 'd', question: 'What is the capital of Australia?', out_of_scope: true, style: 'far' },
  { id: 'e', turns: [{ question: 'Which AHIMA credential is for inpatient coding?', facts: ['CCS'] }, { question: 'And the one for physician offices?', facts: ['CCS-P'] }] },
];

describe('runEval', () => {
  it('reports cited-section hits, per-style metrics and counts', async () => {
    const report = await runEval(advisor, ITEMS);
    expect(report.counts).toEqual({ in_scope: 2, out_of_scope: 2, conversations: 1, follow_up_turns: 1 });
    expect(report.cited_section_hit).toBeGreaterThanOrEqual(report.first_citation_hit);
    expect(report.out_of_scope_abstention).toBe(1);
    expect(Object.keys(report.by_style).sort()).toEqual(['colloquial', 'far', 'plain']);
    expect(report.by_style.far).toEqual({ questions: 2, out_of_scope_abstention: 1 });
  });
});

describe('sweepThresholds', () => {
  it('abstains more as the threshold rises: false and out-of-scope abstention never fall, fact recall never rises', async () => {
    const rows = await sweepThresholds(advisor, ITEMS, [0, 0.25, 0.5, 0.75, 1.01]);
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i]!.false_abstention).toBeGreaterThanOrEqual(rows[i - 1]!.false_abstention);
      expect(rows[i]!.out_of_scope_abstention).toBeGreaterThanOrEqual(rows[i - 1]!.out_of_scope_abstention);
      expect(rows[i]!.fact_recall).toBeLessThanOrEqual(rows[i - 1]!.fact_recall);
    }
    expect(rows[0]).toMatchObject({ false_abstention: 0, out_of_scope_abstention: 0 });
    expect(rows.at(-1)).toMatchObject({ false_abstention: 1, out_of_scope_abstention: 1, fact_recall: 0 });
  });
});
