import { getWordNet } from '../lexicon/index.js';

/** WordNet ancestors that make a noun an occupation ("pharmacist" → worker, "nurse" → professional). */
const OCCUPATION_ANCESTORS = ['worker', 'professional', 'employee'];

/**
 * True when a word pins down something specific a guide may simply not have: a number, a
 * place, another occupation (from WordNet's lexicographer classes and hypernyms), or a code or
 * acronym written in capitals. Such a word, missing from the guide, is what makes a near miss.
 */
export function pinsDown(token: string): boolean {
  if (/\d/.test(token) || /^[A-Z][A-Z0-9-]+$/.test(token)) return true;
  const word = token.toLowerCase();
  const wordnet = getWordNet();
  return wordnet.nounClasses(word).includes('noun.location') || wordnet.isKindOf(word, OCCUPATION_ANCESTORS);
}
