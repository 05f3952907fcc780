import { describe, expect, it } from 'vitest';
import type { Citation } from '../../../src/answer/index.js';
import { unifySources } from '../../../src/commands/sources/unify-sources.js';
import type { CertCard, CommandResult } from '../../../src/commands/types.js';

const cite = (n: number, section: string, quote: string): Citation => ({ n, section, source: 'g.md', quote });

function card(acronym: string, citations: Citation[], related: Array<{ text: string; n: number }>): CertCard {
  return { acronym, name: acronym, organization: 'Org', focus: [], summary: `${acronym} line`, related, citations };
}

describe('unifySources', () => {
  it('gives a section one number across both cards of a comparison and lists each source once', () => {
    const left = card('A', [cite(1, 'Certs', 'A line'), cite(2, 'Path', 'A path')], [{ text: 'A path', n: 2 }]);
    const right = card('B', [cite(1, 'Certs', 'B line'), cite(2, 'FAQ', 'B faq')], [{ text: 'B faq', n: 2 }]);
    const result = unifySources({ kind: 'cert-compare', left, right, differences: [] }) as Extract<CommandResult, { kind: 'cert-compare' }>;
    expect(result.citations?.map((c) => [c.n, c.section])).toEqual([[1, 'Certs'], [2, 'Path'], [3, 'FAQ']]);
    expect(result.right.related).toEqual([{ text: 'B faq', n: 3 }]);
    expect(result.right.citations[0]).toMatchObject({ n: 1, section: 'Certs' });
    expect(result.citations?.[0]?.quote).toBe('A line\nB line');
  });

  it('lists only the sources a plan’s steps cite, each section once', () => {
    const plan: CommandResult = {
      kind: 'plan',
      summary: 'Plan',
      steps: [
        { title: 'Study', detail: 'Study [1]', cites: [1] },
        { title: 'Certify', detail: 'Certify [3]', cites: [3, 2] },
      ],
      citations: [cite(1, 'Education', 'e'), cite(2, 'Certs', 'c'), cite(3, 'Education', 'e2'), cite(4, 'Unused', 'u')],
    };
    const result = unifySources(plan) as Extract<CommandResult, { kind: 'plan' }>;
    expect(result.citations.map((c) => c.section)).toEqual(['Education', 'Certs']);
    expect(result.steps[1]).toMatchObject({ detail: 'Certify [1]', cites: [1, 2] });
  });

  it('drops an answer’s sources its text does not cite and collapses repeated markers', () => {
    const answer: CommandResult = {
      kind: 'answer',
      answer: { question: 'q', answer: 'One [1]\nTwo [3]', abstained: false, kind: 'answer', timings: { retrieve_ms: 0, answer_ms: 0, total_ms: 0 }, citations: [cite(1, 'Pay', 'One'), cite(2, 'Other', 'x'), cite(3, 'Pay', 'Two')] },
    };
    const result = unifySources(answer) as Extract<CommandResult, { kind: 'answer' }>;
    expect(result.answer.answer).toBe('One [1]\nTwo [1]');
    expect(result.answer.citations).toEqual([cite(1, 'Pay', 'One\nTwo')]);
  });
});
