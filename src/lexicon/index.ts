export { getWordNet, WordNet, type PartOfSpeech, type Relation, type RelatedWord } from './wordnet.js';
