import { describe, expect, it } from 'vitest';
import { Vocabulary } from '../../src/privacy/index.js';

describe('Vocabulary (the check behind names without cues)', () => {
  const vocabulary = new Vocabulary(new Set(['aapc', 'coder']));

  it('does not take a name WordNet lists only as a proper noun for an English word', () => {
    expect(vocabulary.isFamiliar('Sutherland')).toBe(false);
    expect(vocabulary.isFamiliar('surgeon')).toBe(true);
  });

  it('excuses a lower-case typo but reads a short capitalised word as written', () => {
    expect(vocabulary.isFamiliar('certificaiton')).toBe(true);
    expect(vocabulary.isFamiliar('salery')).toBe(true);
    expect(vocabulary.isFamiliar('Engel')).toBe(false);
    expect(vocabulary.isFamiliar('engel')).toBe(true);
  });

  it('knows words naming a relative, and words that are also people\'s names', () => {
    expect(vocabulary.isRelative('granddaughter')).toBe(true);
    expect(vocabulary.isRelative('supervisor')).toBe(false);
    expect(vocabulary.isPersonName('King')).toBe(true);
    expect(vocabulary.isDictionaryWord('Permanente')).toBe(false);
    expect(vocabulary.isDictionaryWord('Crane')).toBe(true);
  });

  it('treats the known words (the guides\') as familiar', () => {
    expect(vocabulary.isFamiliar('AAPC')).toBe(true);
    expect(vocabulary.isKnown('Coder')).toBe(true);
  });

  it('knows chat spellings and chart shorthand as function words, not unknown words', () => {
    expect(vocabulary.isFunctionWord('idk')).toBe(true);
    expect(vocabulary.isFunctionWord('fyi')).toBe(true);
    expect(vocabulary.isFamiliar('pts')).toBe(true);
  });

  it('gives census name evidence without making it proof', () => {
    expect(vocabulary.isGivenName('Patience')).toBe(true);
    expect(vocabulary.isSurname('Baker')).toBe(true);
    expect(vocabulary.isFamiliar('Baker')).toBe(true);
  });
});
