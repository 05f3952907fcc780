import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFollowUp, smallTalkReply } from '../../src/answer/index.js';
import { analyzeQuery } from '../../src/retrieval/index.js';
import { contentTerms, stem, wordTokens } from '../../src/text/index.js';
import { guideishText, hostileText, SEED } from './arbitraries.js';

/** Question-like text: real question openings mixed with noise. */
const questionish = fc
  .tuple(
    fc.constantFrom('', 'What is ', 'what does CPC stand for ', 'How much do ', 'How long does ', 'Where do ', 'Why are ', 'Which are the ', 'and ', 'What about ', 'Tell me about ', 'define ', 'list ', 'when '),
    fc.oneof(guideishText, hostileText(60)),
    fc.constantFrom('', '?', ' ?', '!!', '…'),
  )
  .map(([a, b, c]) => a + b + c);

const anyString = fc.oneof({ weight: 3, arbitrary: questionish }, { weight: 2, arbitrary: hostileText(200) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) });

/** ~100 KB strings built by repeating a generated piece (generating 100 000 random chars one by one is slow). */
const hugeString = fc.oneof(anyString, guideishText).map((s) => (s || 'x').repeat(Math.ceil(100_000 / Math.max(1, (s || 'x').length))));

function checkTerm(term: string, what: string): void {
  if (term.length === 0) throw new Error(`${what}: empty term`);
  if (/\s/u.test(term)) throw new Error(`${what}: whitespace in ${JSON.stringify(term)}`);
  if (term !== term.toLowerCase()) throw new Error(`${what}: not lower-case ${JSON.stringify(term)}`);
}

describe('tokenizer', () => {
  it('wordTokens / contentTerms never throw and give lower-case, non-empty tokens without whitespace', () => {
    fc.assert(
      fc.property(anyString, (text) => {
        for (const t of wordTokens(text)) checkTerm(t, 'wordTokens');
        for (const t of contentTerms(text)) checkTerm(t, 'contentTerms');
      }),
      { seed: SEED, numRuns: 1_000 },
    );
  });

  it('stem of any token is lower-case, non-empty and whitespace-free (never throws)', () => {
    fc.assert(
      fc.property(anyString, (text) => {
        for (const t of wordTokens(text)) checkTerm(stem(t), 'stem');
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('tokens are substrings of the lower-cased text (nothing invented)', () => {
    fc.assert(
      fc.property(anyString, (text) => {
        const lower = text.toLowerCase().replace(/’/g, "'");
        // The one word a token may add: "percent" for a "%" after a number.
        for (const t of wordTokens(text)) expect(lower.includes(t) || (t === 'percent' && /\d\s?%/.test(lower))).toBe(true);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('never throws on ~100 KB strings', () => {
    fc.assert(
      fc.property(hugeString, (text) => {
        expect(text.length).toBeGreaterThanOrEqual(100_000);
        for (const t of contentTerms(text)) checkTerm(t, 'contentTerms');
      }),
      { seed: SEED, numRuns: 10 },
    );
  });
});

describe('tokenizer on 100 KB runs of code punctuation', () => {
  it('tokenizes them in linear time (the single-regex tokenizer was quadratic: ~3 s for each of the first two)', () => {
    expect(wordTokens('$,'.repeat(50_000))).toEqual([]);
    expect(wordTokens('$-'.repeat(50_000))).toEqual([]);
    const amount = `${'$,'.repeat(50_000)}5`;
    expect(wordTokens(amount)).toEqual([amount]);
    expect(wordTokens(`${'a.'.repeat(50_000)} end`)).toEqual([`${'a.'.repeat(50_000).slice(0, -1)}`, 'end']);
    expect(contentTerms(`${'%/'.repeat(25_000)} ${"$'".repeat(25_000)}`)).toEqual([]);
  });

  it('gives tokens that start with a letter, digit or "$" and end with a letter, digit, "%" or "+"', () => {
    const punctuation = fc.array(fc.constantFrom('$', ',', '.', "'", '’', '+', '/', '-', '%', 'a', 'É', '7', '٣', ' '), { minLength: 1, maxLength: 12 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.oneof(punctuation, punctuation.map((p) => p.repeat(Math.ceil(100_000 / p.length)))), (text) => {
        const lower = text.toLowerCase().replace(/’/g, "'");
        const parts = new Set<string>(); // the parts of a compound ("a-b" → "a", "b") may start and end with anything
        for (const t of wordTokens(text)) {
          checkTerm(t, 'wordTokens');
          if (t === 'percent' && /\d%/.test(lower)) continue; // "7%" reads as "7 percent"
          if (!lower.includes(t)) throw new Error(`invented token ${JSON.stringify(t.slice(0, 40))}`);
          if (/[-/]/.test(t)) for (const p of t.split(/[-/]/)) parts.add(p);
          if (parts.has(t)) continue;
          if (!/^[\p{L}\p{N}$]/u.test(t) || !/[\p{L}\p{N}%+]$/u.test(t)) throw new Error(`bad token ${JSON.stringify(t.slice(0, 40))}`);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('query analysis', () => {
  it('analyzeQuery never throws; terms and alternatives are lower-case, non-empty, whitespace-free; weights in (0, 1]', () => {
    fc.assert(
      fc.property(anyString, fc.option(anyString, { nil: undefined }), (question, previous) => {
        const q = analyzeQuery(question, previous === undefined ? undefined : { question: previous, weight: 0.5 });
        expect(q.question).toBe(question);
        const seen = new Set<string>();
        for (const t of q.terms) {
          checkTerm(t.term, 'analyzeQuery');
          for (const [alt, strength] of t.alternatives) {
            checkTerm(alt, 'alternative');
            expect(strength).toBeGreaterThan(0);
            expect(strength).toBeLessThanOrEqual(1);
          }
          expect(t.weight).toBeGreaterThan(0);
          expect(t.weight).toBeLessThanOrEqual(1);
          expect(seen.has(t.term)).toBe(false);
          seen.add(t.term);
        }
        for (const a of q.acronyms) expect(a).toMatch(/^[A-Z][A-Z0-9-]+$/);
        expect(typeof q.definitional).toBe('boolean');
        expect(typeof q.wantsList).toBe('boolean');
        expect([undefined, 'money', 'duration', 'date', 'count', 'number', 'organization']).toContain(q.quantity);
        // The embedded text is the question without pasted chart data; it is never empty for a non-blank question.
        if (question.trim()) expect(q.searchText.length).toBeGreaterThan(0);
      }),
      { seed: SEED, numRuns: 1_000 },
    );
  });

  it('analyzeQuery, isFollowUp and smallTalkReply never throw on ~100 KB strings', () => {
    fc.assert(
      fc.property(hugeString, (text) => {
        for (const t of analyzeQuery(text).terms) checkTerm(t.term, 'analyzeQuery');
        expect(typeof isFollowUp(text)).toBe('boolean');
        const reply = smallTalkReply(text);
        expect(reply === undefined || typeof reply === 'string').toBe(true);
      }),
      { seed: SEED, numRuns: 10 },
    );
  });
});
