import { describe, expect, it } from 'vitest';
import { mergeGuideAnswers } from '../../src/answer/index.js';

const citation = (n: number, source: string) => ({ n, section: `S${n}`, source, quote: `q${n}` });

describe('mergeGuideAnswers', () => {
  it('puts each guide under its title and numbers citations on through the reply', () => {
    const merged = mergeGuideAnswers([
      { title: 'Guide A', answer: { text: 'a one [1]\na two [2]', abstained: false, citations: [citation(1, 'a.md'), citation(2, 'a.md')] } },
      { title: 'Guide B', answer: { text: 'b one [1]', abstained: false, citations: [citation(1, 'b.md')] } },
    ]);
    expect(merged.text).toBe('Guide A:\na one [1]\na two [2]\n\nGuide B:\nb one [3]');
    expect(merged.citations.map((c) => [c.n, c.source, c.quote])).toEqual([
      [1, 'a.md', 'q1'],
      [2, 'a.md', 'q2'],
      [3, 'b.md', 'q1'],
    ]);
    expect(merged.abstained).toBe(false);
  });
});
