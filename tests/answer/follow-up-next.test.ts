import { describe, expect, it } from 'vitest';
import { composeNextLines, repeatsConversation } from '../../src/answer/index.js';
import type { AnalyzedQuery, RetrievalResult } from '../../src/retrieval/index.js';

/** A retrieval result with sections of numbered lines (only what the follow-up logic reads). */
function retrieval(sections: Array<{ path: string[]; lines: string[]; lineNumbers?: number[] }>): RetrievalResult {
  return {
    sections: sections.map((s) => {
      const units = s.lines.map((text, i) => ({ text, line: s.lineNumbers?.[i] ?? i + 1 }));
      // Ranked units come best first, not in document order.
      return { entry: { section: { source: 'g.md', headingPath: s.path }, units }, units: [...units].reverse().map((unit) => ({ unit })) };
    }),
  } as unknown as RetrievalResult;
}

const stages = retrieval([
  { path: ['Career', 'Progression'], lines: ['Entry: coder → 2 years', 'Specialist → 5 years', 'Lead → 8 years', 'Manager → 10 years'] },
  { path: ['Salary'], lines: ['Entry pay'] },
]);
const first = { text: 'Entry: coder → 2 years [1]', abstained: false, citations: [{ n: 1, section: 'Career › Progression', source: 'g.md', quote: 'Entry: coder → 2 years' }] };

describe('follow-ups that add', () => {
  it('sees that an answer repeats what the conversation showed', () => {
    expect(repeatsConversation(first, new Set(['Entry: coder → 2 years']))).toBe(true);
    expect(repeatsConversation(first, new Set(['something else']))).toBe(false);
  });

  it('a follow-up that names what the repeated line states is answered again, a vague one is not', () => {
    const shown = new Set(['Entry: coder → 2 years']);
    const query = (own: string[]) => ({ terms: own.map((term) => ({ term, weight: 1, alternatives: new Map() })) }) as unknown as AnalyzedQuery;
    expect(repeatsConversation(first, shown, query(['entri', 'coder']))).toBe(false);
    expect(repeatsConversation(first, shown, query([]))).toBe(true);
    expect(repeatsConversation(first, shown, query(['salari', 'bonus']))).toBe(true);
  });

  it('answers "why?" again from the lines already shown: the reason is often among them', () => {
    const shown = new Set(['Entry: coder → 2 years']);
    const asked = (question: string) => ({ question, terms: [] }) as unknown as AnalyzedQuery;
    expect(repeatsConversation(first, shown, asked('why is that?'))).toBe(false);
    expect(repeatsConversation(first, shown, asked('and why?'))).toBe(false);
    expect(repeatsConversation(first, shown, asked('what then?'))).toBe(true);
  });

  it('gives the next lines of the section after the last one shown', () => {
    const next = composeNextLines(stages, first, new Set(['Entry: coder → 2 years']));
    expect(next.text.split('\n')).toEqual(['Specialist → 5 years [1]', 'Lead → 8 years [1]', 'Manager → 10 years [1]']);
    expect(next.citations).toEqual([{ n: 1, section: 'Career › Progression', source: 'g.md', quote: 'Specialist → 5 years\nLead → 8 years\nManager → 10 years' }]);
  });

  it('says the guide has nothing more and points to the closest other section when all was shown', () => {
    const all = new Set(['Entry: coder → 2 years', 'Specialist → 5 years', 'Lead → 8 years', 'Manager → 10 years']);
    const next = composeNextLines(stages, first, all);
    expect(next).toMatchObject({ abstained: true, citations: [] });
    expect(next.text).toBe("The guide says nothing more on this than what I've already shown. The closest related section is “Salary” (try “topics Salary”).");
  });

  it('takes the next sentence of a paragraph whose sentences share one source line', () => {
    const outlook = retrieval([{ path: ['Outlook'], lines: ['Demand grows 9 percent.', 'Most openings come from retirements.', 'Pollination contracts drive the rest.'], lineNumbers: [7, 7, 7] }]);
    const shown = { text: '', abstained: false, citations: [{ n: 1, section: 'Outlook', source: 'g.md', quote: 'Demand grows 9 percent.\nMost openings come from retirements.' }] };
    const next = composeNextLines(outlook, shown, new Set(['Demand grows 9 percent.', 'Most openings come from retirements.']));
    expect(next.text).toBe('Pollination contracts drive the rest. [1]');
  });
});
