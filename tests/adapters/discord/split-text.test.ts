import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitText } from '../../../adapters/discord/render/index.js';

const MARKERS = /\[\d+(?:\s*[,;–-]\s*\d+)*\]/g;
const tokens = (text: string) => text.split(/\s+/).filter(Boolean);

describe('splitText', () => {
  it('returns short text unchanged (trimmed) and nothing for blank text', () => {
    expect(splitText('  Hello [1]  ', 2000)).toEqual(['Hello [1]']);
    expect(splitText(' \n ', 10)).toEqual([]);
  });

  it('prefers paragraph, then line, then sentence breaks', () => {
    const paragraph = `${'a '.repeat(30).trim()}\n\n${'b '.repeat(30).trim()}`;
    expect(splitText(paragraph, 80)).toEqual(['a '.repeat(30).trim(), 'b '.repeat(30).trim()]);
    const lines = 'Line one is here [1]\nLine two is here [2]\nLine three [3]';
    expect(splitText(lines, 45)).toEqual(['Line one is here [1]\nLine two is here [2]', 'Line three [3]']);
    const sentences = 'First sentence ends here. Second one is longer and keeps going on';
    expect(splitText(sentences, 40)).toEqual(['First sentence ends here.', 'Second one is longer and keeps going on']);
  });

  it('never cuts a word and never separates a citation marker from the word before it', () => {
    const text = 'Coders earn about $35,000 to $50,000 [1] and more with experience [2, 3] in hospitals [4]';
    // 18 = the longest word-plus-marker unit ("experience [2, 3]") + 1.
    for (let limit = 18; limit <= text.length; limit++) {
      const chunks = splitText(text, limit);
      expect(chunks.every((c) => c.length <= limit)).toBe(true);
      expect(tokens(chunks.join(' '))).toEqual(tokens(text));
      expect(chunks.flatMap((c) => c.match(MARKERS) ?? [])).toEqual(text.match(MARKERS));
      for (const chunk of chunks) expect(chunk).not.toMatch(/^\[\d/);
    }
  });

  it('separates a marker from its word only when the two do not fit together, and still never cuts it', () => {
    const text = 'experience [2, 3] hospitals [4]';
    for (let limit = 9; limit < 18; limit++) {
      const chunks = splitText(text, limit);
      expect(chunks.every((c) => c.length <= limit)).toBe(true);
      expect(chunks.flatMap((c) => c.match(MARKERS) ?? [])).toEqual(['[2, 3]', '[4]']);
    }
  });

  it('keeps the indentation of the next line and drops the whitespace at the break', () => {
    const text = `Steps:\n  - first step [1]\n  - second step [2]`;
    expect(splitText(text, 26)).toEqual(['Steps:\n  - first step [1]', '  - second step [2]']);
  });

  it('hard-cuts only a token longer than the limit, never between surrogate halves', () => {
    expect(splitText('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    const emoji = '😀'.repeat(6); // 12 UTF-16 code units
    const chunks = splitText(emoji, 5);
    expect(chunks.join('')).toBe(emoji);
    expect(chunks.every((c) => c.length <= 5 && !/[\ud800-\udbff]$/.test(c))).toBe(true);
  });

  it('property: chunks fit, keep every word and marker in order, and markers stay attached', () => {
    const word = fc.stringMatching(/^[A-Za-z$,.'’()-]{1,12}$/);
    const marker = fc.integer({ min: 1, max: 40 }).map((n) => `[${n}]`);
    const sep = fc.constantFrom(' ', ' ', ' ', '\n', '\n\n', '  ');
    const text = fc.array(fc.tuple(word, fc.option(marker, { freq: 4 }), sep), { minLength: 1, maxLength: 300 }).map((parts) =>
      parts.map(([w, m, s]) => `${w}${m ? ` ${m}` : ''}${s}`).join(''),
    );
    fc.assert(
      fc.property(text, fc.integer({ min: 20, max: 400 }), (input, limit) => {
        const chunks = splitText(input, limit);
        expect(chunks.every((c) => c.length > 0 && c.length <= limit)).toBe(true);
        expect(tokens(chunks.join(' '))).toEqual(tokens(input));
        for (const chunk of chunks) expect(chunk.trimStart()).not.toMatch(/^\[\d+\]/);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a non-positive limit', () => {
    expect(() => splitText('abc', 0)).toThrow(RangeError);
  });
});
