import { afterAll, describe, expect, it } from 'vitest';
import { buildReport, readUnanswered, renderReportText } from '../../src/report/index.js';
import { distinctLabels } from '../../src/report/format.js';
import { openStore } from '../../src/store/index.js';
import { NOW } from './helpers.js';

type OpenStore = ReturnType<typeof openStore>;
const open: OpenStore[] = [];
afterAll(() => open.forEach((s) => s.close()));

function storeWith(questions: string[]): OpenStore {
  const store = openStore({ path: ':memory:', retentionDays: 90, now: () => NOW });
  open.push(store);
  questions.forEach((question, i) => store.recordQuestion({ id: `q${i}`, ts: NOW - 1000 * (i + 1), platform: 'cli', conversationId: 'c', userId: 'u', question, outcome: 'abstained', citedSections: [], latencyMs: 5 }));
  return store;
}

// Stand-in evidence: a two-dimensional "meaning" per question, and which ones the answer path calls off-topic.
const MEANING: Record<string, number[]> = {
  'is the CPC exam hard': [1, 0.1],
  'how difficult is the CPC test': [0.98, 0.15],
  'how much does the CPC exam cost?': [0.1, 1],
  "what's the weather in Paris tomorrow?": [-1, 0],
};
const evidence = { embed: async (texts: string[]) => texts.map((t) => MEANING[t] ?? [0, 0]), isOffTopic: async (q: string) => q.includes('weather') };

describe('the report read by the answer path', () => {
  it('sets off-topic questions apart and groups knowledge gaps by what they ask, not shared words', async () => {
    const store = storeWith(Object.keys(MEANING));
    const reading = await readUnanswered(store.topUnanswered(100, {}), evidence, 0.9);
    const report = buildReport(store, { days: 1, now: NOW, reading });
    expect(report.offTopic).toEqual({ count: 1, questions: [{ question: "what's the weather in Paris tomorrow?", count: 1 }] });
    const groups = report.unanswered.groups.map((g) => g.variants.map((v) => v.question).sort());
    expect(groups).toContainEqual(['how difficult is the CPC test', 'is the CPC exam hard']);
    expect(groups).toContainEqual(['how much does the CPC exam cost?']);
    expect(JSON.stringify(report.unanswered)).not.toContain('weather');
    expect(renderReportText(report)).toMatch(/Off-topic questions \(not about the guides; not knowledge gaps\): 1/);
  });

  it('counts every 👍 and 👎 in the window into one rating', () => {
    const store = storeWith(['a', 'b', 'c']);
    store.recordFeedback({ questionId: 'q0', userId: 'u1', vote: 'up', ts: NOW - 500 });
    store.recordFeedback({ questionId: 'q1', userId: 'u1', vote: 'up', ts: NOW - 500 });
    store.recordFeedback({ questionId: 'q2', userId: 'u2', vote: 'down', ts: NOW - 500 });
    const report = buildReport(store, { days: 1, now: NOW });
    expect(report.ratings).toEqual({ up: 2, down: 1, upRate: 2 / 3 });
    expect(renderReportText(report)).toContain('Ratings: 2 👍, 1 👎 (66.7% 👍)');
  });

  it('without the answer path, shared words group questions as before and nothing is called off-topic', () => {
    const report = buildReport(storeWith(Object.keys(MEANING)), { days: 1, now: NOW });
    expect(report.offTopic).toBeUndefined();
  });
});

describe('distinctLabels', () => {
  it('keeps two long FAQ headings apart by their own last heading', () => {
    const faq = 'Frequently Asked Questions About Clinical Coding Specialists';
    const labels = distinctLabels([`${faq} › Q5: How often must I complete continuing education?`, `${faq} › Q6: What should I study to prepare for the exam?`], 48);
    expect(new Set(labels).size).toBe(2);
    expect(labels[0]).toMatch(/^Q5: /);
  });

  it('numbers labels that stay equal', () => {
    expect(distinctLabels(['A › Same', 'A › Same'], 48)).toEqual(['A › Same', 'A › Same (2)']);
  });
});
