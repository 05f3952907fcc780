import { describe, expect, it } from 'vitest';
import { refusalSuggestions } from '../../src/answer/index.js';
import type { RetrievalResult } from '../../src/retrieval/index.js';

const sections = (titles: string[][]) => ({ sections: titles.map((headingPath) => ({ entry: { section: { headingPath } } })) }) as unknown as Pick<RetrievalResult, 'sections'>;

describe('refusal suggestions', () => {
  it('offers a FAQ heading as its own question and other sections as the topics command, at most three, distinct', () => {
    const result = sections([['FAQ', 'Q5: How often must I renew my certification?'], ['Pay', 'Bands'], ['Pay', 'Bands'], ['Skills'], ['Tools']]);
    expect(refusalSuggestions(result)).toEqual(['How often must I renew my certification?', 'topics Bands', 'topics Skills']);
  });

  it('offers nothing when nothing was retrieved', () => {
    expect(refusalSuggestions(sections([]))).toEqual([]);
  });
});
