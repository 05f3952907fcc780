import { describe, expect, it } from 'vitest';
import { contentTerms, isStopWord } from '../../src/text/index.js';

describe('content terms', () => {
  it('drops indefinite pronouns and adverbs: a guide seldom writes them, so as terms they would weigh most', () => {
    for (const word of ['something', 'anything', 'everyone', 'somewhere', 'anyway', 'whatever']) expect(isStopWord(word), word).toBe(true);
    expect(contentTerms('Could I switch to something I do from home?')).toEqual(['switch', 'home']);
  });

  it('keeps the words the stop list would drop but questions mean ("make" = earn)', () => {
    expect(contentTerms('How much do they make')).toEqual(['make']);
  });
});
