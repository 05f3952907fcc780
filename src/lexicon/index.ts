export { getWordNet, WordNet, type PartOfSpeech, type Relation, type RelatedWord } from './wordnet.js';
export { getCensusNames, type CensusNames } from './census-names.js';
export { isPlainLexiconWord } from './tagger-lexicon.js';
