import { describe, expect, it } from 'vitest';
import { renderAnswer } from '../../../adapters/cli/render-answer.js';
import type { Answer } from '../../../src/answer/index.js';

const base: Answer = { question: 'q', answer: 'A line [1]', abstained: false, citations: [{ n: 1, section: 'Pay › Bands', source: 'g.md', quote: 'A line' }], timings: { retrieve_ms: 0, answer_ms: 0, total_ms: 0 }, kind: 'answer' };

describe('terminal rendering', () => {
  it('lists an answer’s sources', () => {
    expect(renderAnswer(base)).toBe('A line [1]\n\nSources — g.md\n  [1] Pay › Bands');
  });

  it('names each source’s guide on its line only when the sources come from several guides', () => {
    const two: Answer = { ...base, answer: 'A [1] B [2]', citations: [...base.citations, { n: 2, section: 'Work', source: 'h.md', quote: 'B' }] };
    expect(renderAnswer(two)).toBe('A [1] B [2]\n\nSources\n  [1] Pay › Bands (g.md)\n  [2] Work (h.md)');
  });

  it('offers a refusal’s suggestions as lines to type', () => {
    const refusal: Answer = { ...base, answer: "The guide doesn't cover that.", abstained: true, kind: 'abstained', citations: [], suggestions: ['How often must I renew?', 'topics Pay'] };
    expect(renderAnswer(refusal)).toBe("The guide doesn't cover that.\n\nYou could try:\n  • How often must I renew?\n  • topics Pay");
  });

  it('lists a partial answer’s related lines under "Related in the guide"', () => {
    const partial: Answer = { ...base, answer: "The guide doesn't give a figure for that. What it says under “Bands”:\nA line [1]", abstained: true, kind: 'partial', related: base.citations, citations: [] };
    const text = renderAnswer(partial);
    expect(text).toContain("The guide doesn't give a figure for that.");
    expect(text).toContain('Related in the guide — g.md\n  [1] Pay › Bands');
    expect(text).not.toContain('Sources');
  });
});
