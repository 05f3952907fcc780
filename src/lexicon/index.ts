export { getWordNet, WordNet, type PartOfSpeech, type Relation, type RelatedWord } from './wordnet.js';
export { getCensusNames, type CensusNames } from './census-names.js';
// `isPlainLexiconWord` (./tagger-lexicon.js) is not re-exported here: it loads compromise, which
// the answer path must not pay for at start-up; the privacy vocabulary imports it directly.
