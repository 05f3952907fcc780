import { getWordNet } from '../lexicon/index.js';
import { QUALITY } from '../quality/index.js';

/** WordNet ancestors that make a noun an occupation ("pharmacist" → worker, "nurse" → professional). */
const OCCUPATION_ANCESTORS = ['worker', 'professional', 'employee'];

/**
 * True when a word pins down something specific a guide may simply not have: a number, a
 * place, another occupation (from WordNet's lexicographer classes and hypernyms), or a code or
 * acronym written in capitals. Such a word, missing from the guide, is what makes a near miss.
 * A place is a word whose first (most frequent) WordNet sense is one: "range" and "area" are
 * mostly not.
 */
export function pinsDown(token: string): boolean {
  if (/\d/.test(token) || /^[A-Z][A-Z0-9-]+$/.test(token)) return true;
  const word = token.toLowerCase();
  const wordnet = getWordNet();
  return wordnet.nounClasses(word, 1).includes('noun.location') || wordnet.isKindOf(word, OCCUPATION_ANCESTORS);
}

/** True when a question word that pins something down (see pinsDown) is still missing from text it matches at `strength`. */
export function missingSpecific(token: string | undefined, strength: number): boolean {
  return token !== undefined && strength < QUALITY.matching.pinnedMatch && pinsDown(token);
}
