import { describe, expect, it } from 'vitest';
import { rowsWithoutLoadedSections, type EvalItem } from '../../src/eval/index.js';

describe('rowsWithoutLoadedSections', () => {
  const headings = ['Salary › Entry-Level Pay', 'Certifications › CPC'];
  const items: EvalItem[] = [
    { id: 'a', question: 'pay?', sections: ['entry-level pay'], facts: [] },
    { id: 'b', question: 'cert?', sections: ['Pay Bands', 'CPC'], facts: [] },
    { id: 'c', question: 'exam?', sections: ['6. Exam Details'], facts: [] },
    { id: 'o', question: 'weather?', out_of_scope: true },
  ];

  it('counts the in-scope rows none of whose expected sections any loaded heading contains, case-insensitively', () => {
    const { missing, inScope } = rowsWithoutLoadedSections(items, headings);
    expect(inScope).toBe(3);
    expect(missing.map((r) => r.id)).toEqual(['c']);
  });

  it('finds every row missing when no guide is loaded', () => {
    expect(rowsWithoutLoadedSections(items, []).missing).toHaveLength(3);
  });
});
