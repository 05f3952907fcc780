import { describe, expect, it } from 'vitest';
import { renderAnswer } from '../../../adapters/cli/render-answer.js';
import type { Answer } from '../../../src/answer/index.js';

const base: Answer = { question: 'q', answer: 'A line [1]', abstained: false, citations: [{ n: 1, section: 'Pay › Bands', source: 'g.md', quote: 'A line' }], timings: { retrieve_ms: 0, answer_ms: 0, total_ms: 0 }, kind: 'answer' };

describe('terminal rendering', () => {
  it('lists an answer’s sources', () => {
    expect(renderAnswer(base)).toBe('A line [1]\n\nSources\n  [1] Pay › Bands (g.md)');
  });

  it('lists a partial answer’s related lines under "Related in the guide"', () => {
    const partial: Answer = { ...base, answer: "The guide doesn't give a figure for that. What it says under “Bands”:\nA line [1]", abstained: true, kind: 'partial', related: base.citations, citations: [] };
    const text = renderAnswer(partial);
    expect(text).toContain("The guide doesn't give a figure for that.");
    expect(text).toContain('Related in the guide\n  [1] Pay › Bands (g.md)');
    expect(text).not.toContain('Sources');
  });
});
