import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../../../src/answer/index.js';
import { decodeQuizValue } from '../../../adapters/slack/action-ids.js';
import { fromSlackText, renderResult, renderSources, splitMrkdwn, toMrkdwn } from '../../../adapters/slack/index.js';

const citation = (n: number): Citation => ({ n, section: `Section ${n} › Detail`, source: 'clinical-coding-specialist-guide.md', quote: `Guide line number ${n} with <angle> & ampersand` });

function answer(text: string, citations: Citation[]): Answer {
  return { id: 'answer-1', question: 'q?', answer: text, abstained: false, citations, timings: { retrieve_ms: 1, answer_ms: 1, total_ms: 2 }, kind: 'answer' };
}

type AnyBlock = { type: string; text?: { text: string }; elements?: Array<{ type: string; text?: unknown; action_id?: string; value?: string }>; fields?: Array<{ text: string }> };

describe('Markdown → Slack mrkdwn', () => {
  it('escapes &, < and > and converts bold, italics, headings, bullets, links and strikethrough', () => {
    expect(toMrkdwn('Salary < $60k & > $40k')).toBe('Salary &lt; $60k &amp; &gt; $40k');
    expect(toMrkdwn('## Exam tips\n- **Study** the *guidelines* [2]\n  - nested ~~old~~ item\nSee [AHIMA](https://www.ahima.org/).')).toBe(
      '*Exam tips*\n• *Study* the _guidelines_ [2]\n  ◦ nested ~old~ item\nSee <https://www.ahima.org/|AHIMA>.',
    );
  });

  it('leaves code alone except for escaping, and never touches [n] markers', () => {
    expect(toMrkdwn('Run `a **b** <c>`\n```\n**x** & y\n```\nDone [1][2]')).toBe('Run `a **b** &lt;c&gt;`\n```\n**x** &amp; y\n```\nDone [1][2]');
  });

  it('turns incoming Slack text into a plain question', () => {
    expect(fromSlackText('<@U0BOT> what is a CPC &amp; CCS? &lt;3 <https://x.org|this page> <#C1|general> <@U0OTHER>', 'U0BOT')).toBe(
      'what is a CPC & CCS? <3 this page #general @someone',
    );
  });
});

describe('splitting long answers', () => {
  const word = fc.oneof(fc.stringMatching(/^[a-z]{1,12}$/), fc.integer({ min: 1, max: 99 }).map((n) => `[${n}]`), fc.constant('&amp;'), fc.constant('\n'));

  it('keeps every chunk within the limit, loses nothing and never cuts a [n] marker', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 400 }), fc.integer({ min: 20, max: 200 }), (words, limit) => {
        const text = words.join(' ');
        const chunks = splitMrkdwn(text, limit);
        for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(limit);
        const tokens = (s: string) => s.split(/\s+/).filter(Boolean);
        expect(tokens(chunks.join(' '))).toEqual(tokens(text));
        const markers = (s: string) => s.match(/\[\d+\]/g) ?? [];
        expect(chunks.flatMap(markers)).toEqual(markers(text));
      }),
      { numRuns: 200 },
    );
  });

  it('cuts an over-long word hard, but before a marker rather than inside it', () => {
    const chunks = splitMrkdwn(`${'x'.repeat(8)}[12]`, 10);
    expect(chunks).toEqual(['x'.repeat(8), '[12]']);
  });
});

describe('answer rendering', () => {
  it('fits a very long answer into ≤ 3,000-character sections and ≤ 50-block messages, buttons on the last', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `Line ${i} about medical coding careers, certification and salary expectations [${(i % 3) + 1}]`);
    const rendered = renderResult({ kind: 'answer', answer: answer(lines.join('\n'), [citation(1), citation(2), citation(3)]) }, 'slack:C1:1');

    expect(rendered.messages.length).toBeGreaterThan(1);
    for (const message of rendered.messages) {
      expect(message.blocks.length).toBeLessThanOrEqual(50);
      for (const block of message.blocks as AnyBlock[]) if (block.type === 'section') expect(block.text!.text.length).toBeLessThanOrEqual(3000);
      expect(message.text.length).toBeLessThanOrEqual(3100);
    }
    const all = rendered.messages.flatMap((m) => m.blocks as AnyBlock[]).filter((b) => b.type === 'section').map((b) => b.text!.text).join('\n');
    expect(all.match(/\[\d\]/g)).toHaveLength(2000);
    const last = rendered.messages.at(-1)!.blocks as AnyBlock[];
    expect(last.at(-1)!.elements!.map((e) => e.action_id)).toEqual(['feedback_up', 'feedback_down', 'show_sources']);
    expect(rendered.sources).toEqual({ key: 'answer-1', citations: [citation(1), citation(2), citation(3)] });
  });

  it('keeps the sources context within ten elements and escapes it', () => {
    const rendered = renderResult({ kind: 'answer', answer: answer('Many sources [1]', Array.from({ length: 14 }, (_, i) => citation(i + 1))) }, 'c');
    const context = (rendered.messages[0]!.blocks as AnyBlock[]).find((b) => b.type === 'context')!;
    expect(context.elements!.length).toBeLessThanOrEqual(10);
    expect(JSON.stringify(context)).toContain('[14]');
  });

  it('shows no buttons for small talk', () => {
    const rendered = renderResult({ kind: 'answer', answer: { ...answer('Hi! Ask me about medical coding.', []), kind: 'smalltalk' } }, 'c');
    expect((rendered.messages[0]!.blocks as AnyBlock[]).some((b) => b.type === 'actions')).toBe(false);
  });

  it('quotes the guide lines in the Sources message', () => {
    const message = renderSources([citation(1)]);
    const text = (message.blocks as AnyBlock[]).map((b) => b.text?.text ?? JSON.stringify(b.elements)).join('\n');
    expect(text).toContain('*[1] Section 1 › Detail*\n> Guide line number 1 with &lt;angle&gt; &amp; ampersand');
    expect(text).toContain('clinical-coding-specialist-guide.md');
  });
});

describe('quiz rendering', () => {
  it('renders options with A–D buttons carrying the conversation, plus Score', () => {
    const rendered = renderResult(
      { kind: 'quiz-question', question: { quizId: 'qz1', index: 0, total: 3, question: 'Which body grants the CPC?', options: ['AAPC', 'AHIMA', 'CMS', 'WHO'], closesAfter: 0 } },
      'slack:C1:U1',
    );
    const actions = (rendered.messages[0]!.blocks as AnyBlock[]).find((b) => b.type === 'actions')!;
    expect(actions.elements!.map((e) => e.action_id)).toEqual(['quiz_answer_A', 'quiz_answer_B', 'quiz_answer_C', 'quiz_answer_D', 'quiz_score']);
    expect(decodeQuizValue(actions.elements![0]!.value)).toEqual({ conversationId: 'slack:C1:U1', quizId: 'qz1', index: 0 });
    expect(rendered.openQuestion?.quizId).toBe('qz1');
  });
});
describe('partial answers on Slack', () => {
  it('show what the guide lacks, then "Related in the guide" with the related line, and keep it for the Sources button', () => {
    const partial: Answer = {
      ...answer("The guide doesn't give a figure for that. What it says under “Section 1”:\nGuide line number 1 [1]", []),
      abstained: true,
      kind: 'partial',
      related: [citation(1)],
    };
    const rendered = renderResult({ kind: 'answer', answer: partial }, 'conv-1');
    const blocks = rendered.messages.flatMap((m) => (m.blocks ?? []) as AnyBlock[]);
    const context = blocks.find((b) => b.type === 'context' && JSON.stringify(b.elements).includes('Related in the guide'));
    expect(context, JSON.stringify(blocks)).toBeDefined();
    expect(JSON.stringify(context)).toContain('[1] Section 1');
    expect(rendered.sources?.citations).toEqual([citation(1)]);
    expect(rendered.messages[0]!.text).toContain('Related in the guide: [1] Section 1');
  });
});
