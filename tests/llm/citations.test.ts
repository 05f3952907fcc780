import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ABSTENTION_TEXT, CitationNumbering, findMarkers, StreamingMarkerRewriter, verifyModelAnswer, type GuideExcerpt } from '../../src/llm/index.js';

const excerpt = (id: number, section: string, lines: string[]): GuideExcerpt => ({ id, section, source: 'guide.md', lines, text: lines.join('\n') });

const EXCERPTS = [
  excerpt(1, 'Salary › Compensation Overview', ['Entry-Level (0-2 years): $28,000-$35,000 annually', 'Experienced (5+ years): $45,000-$60,000+ annually']),
  excerpt(2, 'Certifications', ['CPC: Certified Professional Coder, issued by AAPC', 'CCS: Certified Coding Specialist, issued by AHIMA']),
  excerpt(3, 'Remote Work', ['Many employers offer remote coding positions after one or two years of experience.']),
];

describe('citation markers', () => {
  it('finds single, grouped, ranged and spaced markers', () => {
    expect(findMarkers('a [1] b [2, 3] c [1-3] d [ 2 ] e [x] f [10]').map((m) => m.ids)).toEqual([[1], [2, 3], [1, 2, 3], [2], [10]]);
  });

  it('renumbers in order of first use and keeps invalid ids visible', () => {
    const numbering = new CitationNumbering(new Set([1, 2, 3]));
    expect(numbering.rewrite('x [3] y [1, 3] z [9] w [3][2]')).toBe('x [1] y [1, 2] z [9] w [1][3]');
    expect(numbering.order).toEqual([3, 1, 2]);
  });

  it('streaming rewrite equals the whole-text rewrite, however the text is split into tokens', () => {
    const piece = fc.constantFrom('Coders ', 'earn ', '[', ']', '1', '2', '3', ', ', '-', '[2]', '[3, 1]', '. ', 'x', '[a]', '\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 10 }), (pieces, cuts) => {
        const text = pieces.join('');
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const tokens = [0, ...points, text.length].slice(1).map((end, i, ends) => text.slice(i === 0 ? 0 : ends[i - 1], end));
        const stream = new StreamingMarkerRewriter(new CitationNumbering(new Set([1, 2, 3])));
        const streamed = tokens.map((t) => stream.push(t)).join('') + stream.flush();
        expect(streamed).toBe(new CitationNumbering(new Set([1, 2, 3])).rewrite(text));
      }),
    );
  });

  it('holds back a split marker until it closes', () => {
    const stream = new StreamingMarkerRewriter(new CitationNumbering(new Set([1, 2, 3])));
    expect(stream.push('Coders earn $28,000 [')).toBe('Coders earn $28,000 ');
    expect(stream.push('3')).toBe('');
    expect(stream.push('] and [x')).toBe('[1] and [x');
    expect(stream.flush()).toBe('');
  });
});

describe('verifyModelAnswer', () => {
  it('accepts a grounded answer and quotes the lines backing each citation', async () => {
    const result = await verifyModelAnswer(
      { answer: 'The CPC is issued by AAPC [2]. Entry-level coders earn $28,000-$35,000 annually [1].', cited: [2, 1], abstained: false },
      EXCERPTS,
    );
    expect(result).toEqual({
      ok: true,
      answer: {
        text: 'The CPC is issued by AAPC [1]. Entry-level coders earn $28,000-$35,000 annually [2].',
        abstained: false,
        citations: [
          { n: 1, section: 'Certifications', source: 'guide.md', quote: 'CPC: Certified Professional Coder, issued by AAPC' },
          { n: 2, section: 'Salary › Compensation Overview', source: 'guide.md', quote: 'Entry-Level (0-2 years): $28,000-$35,000 annually' },
        ],
      },
    });
  });

  it('rejects ids that were not provided, in the text or in "cited"', async () => {
    expect(await verifyModelAnswer({ answer: 'Coders earn $28,000 [4].', cited: [4], abstained: false }, EXCERPTS)).toEqual({
      ok: false,
      problems: ['The answer cites [4], but only excerpts [1] to [3] exist.', '"cited" lists 4, but only excerpts [1] to [3] exist.'],
    });
    expect(await verifyModelAnswer({ answer: 'Coders earn $28,000 [1-5].', cited: [1], abstained: false }, EXCERPTS)).toMatchObject({ ok: false });
  });

  it('rejects an uncited or empty answer', async () => {
    expect(await verifyModelAnswer({ answer: 'Coders earn a lot.', cited: [1], abstained: false }, EXCERPTS)).toMatchObject({ ok: false, problems: [expect.stringContaining('no citations')] });
    expect(await verifyModelAnswer({ answer: '  ', cited: [], abstained: false }, EXCERPTS)).toMatchObject({ ok: false, problems: [expect.stringContaining('empty')] });
  });

  it('rejects a claim citing an excerpt that says nothing about it', async () => {
    const result = await verifyModelAnswer({ answer: 'Senior coders get paid well for inpatient audits [3].', cited: [3], abstained: false }, EXCERPTS);
    expect(result).toMatchObject({ ok: false, problems: [expect.stringContaining('which says nothing about it')] });
  });

  it('lets adjacent markers share the claim before them, and skips the word check for very short claims', async () => {
    const result = await verifyModelAnswer({ answer: 'Both the CPC and CCS credentials exist [2][1]. Yes [3].', cited: [], abstained: false }, EXCERPTS);
    expect(result).toMatchObject({ ok: true, answer: { text: 'Both the CPC and CCS credentials exist [1][2]. Yes [3].' } });
  });

  it('turns an abstention into the fixed abstention text, never model-written claims', async () => {
    expect(await verifyModelAnswer({ answer: 'Not covered, but coders earn $100k.', cited: [], abstained: true }, EXCERPTS)).toEqual({
      ok: true,
      answer: { text: ABSTENTION_TEXT, abstained: true, citations: [] },
    });
  });
});
