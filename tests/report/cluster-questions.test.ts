import { describe, expect, it } from 'vitest';
import { clusterQuestions, jaccard, questionTerms } from '../../src/report/index.js';

const asked = (question: string, count = 1, lastTs = 1_000) => ({ question, count, lastTs });

describe('questionTerms', () => {
  it('drops question filler and stems, so different phrasings share terms', () => {
    expect([...questionTerms('How much does the CPC exam cost?')].sort()).toEqual(['cost', 'cpc', 'exam']);
    expect([...questionTerms('what is the cost of the CPC exam')].sort()).toEqual(['cost', 'cpc', 'exam']);
  });

  it('maps synonyms to one term ("test" = "exam", "pay" = "salary")', () => {
    expect(questionTerms('CPC test cost')).toEqual(questionTerms('CPC exam cost'));
    expect(questionTerms('What is the pay?')).toEqual(questionTerms('salary?'));
  });
});

describe('jaccard', () => {
  it('is shared over combined terms, and 0 for two empty sets', () => {
    expect(jaccard(new Set(['a', 'b', 'c']), new Set(['a', 'b', 'd']))).toBe(0.5);
    expect(jaccard(new Set(['a']), new Set(['a']))).toBe(1);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
});

describe('clusterQuestions', () => {
  it('groups the CPC exam cost wordings and keeps a different exam question apart', () => {
    const groups = clusterQuestions([
      asked('Can I take the CPC exam online?', 1, 5),
      asked('CPC exam price?', 1, 3),
      asked('How much does the CPC exam cost?', 2, 4),
      asked('what is the cost of the CPC exam', 1, 2),
    ]);
    expect(groups).toEqual([
      {
        representative: 'How much does the CPC exam cost?',
        count: 4,
        lastTs: 4,
        variants: [
          { question: 'How much does the CPC exam cost?', count: 2 },
          { question: 'CPC exam price?', count: 1 },
          { question: 'what is the cost of the CPC exam', count: 1 },
        ],
      },
      { representative: 'Can I take the CPC exam online?', count: 1, lastTs: 5, variants: [{ question: 'Can I take the CPC exam online?', count: 1 }] },
    ]);
  });

  it('respects the threshold: at 0.6 "schedule" no longer joins "cost" (they share 2 of 4 terms)', () => {
    const questions = [asked('How much does the CPC exam cost?', 2), asked('CPC exam schedule?')];
    expect(clusterQuestions(questions, 0.6).map((g) => g.count)).toEqual([2, 1]);
    expect(clusterQuestions(questions, 0.5).map((g) => g.count)).toEqual([3]);
  });

  it('treats WordNet synonyms as the same term ("price" = "cost")', () => {
    expect(questionTerms('CPC exam price?')).toEqual(questionTerms('CPC exam cost'));
  });

  it('compares with each group’s leading wording, so a chain of small steps does not merge unrelated questions', () => {
    // B is close to A (3/4) and C is close to B (3/5), but C is far from A (2/5).
    const a = asked('CPC exam cost', 3);
    const b = asked('CPC exam cost online', 2);
    const c = asked('exam cost online schedule', 1);
    expect(jaccard(questionTerms(b.question), questionTerms(c.question))).toBeGreaterThanOrEqual(0.5);
    const groups = clusterQuestions([c, b, a]);
    expect(groups.map((g) => [g.representative, g.count])).toEqual([
      ['CPC exam cost', 5],
      ['exam cost online schedule', 1],
    ]);
  });

  it('never merges questions that have no content words', () => {
    const groups = clusterQuestions([asked('how?'), asked('what?'), asked('???')]);
    expect(groups).toHaveLength(3);
  });

  it('orders groups by count, then most recent, then text, whatever the input order', () => {
    const input = [asked('Are there coding jobs in Ohio?', 1, 10), asked('Is the CCS harder?', 1, 20), asked('What do auditors earn?', 3, 5)];
    const expected = ['What do auditors earn?', 'Is the CCS harder?', 'Are there coding jobs in Ohio?'];
    expect(clusterQuestions(input).map((g) => g.representative)).toEqual(expected);
    expect(clusterQuestions([...input].reverse()).map((g) => g.representative)).toEqual(expected);
  });
});
