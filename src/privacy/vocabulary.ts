import { boundedCache } from '../cache/index.js';
import { eng as ENGLISH_STOPWORDS } from 'stopword';
import { getCensusNames, getWordNet } from '../lexicon/index.js';
// Directly, not through the lexicon's index: it loads compromise, which the answer path does without.
import { isPlainLexiconWord } from '../lexicon/tagger-lexicon.js';
import { CHAT_SHORTHAND_WORDS } from '../text/index.js';
import { WRITTEN_SHORTHAND } from './written-shorthand.js';

// The vocabulary check behind name detection without cues: a word that is no
// English word (WordNet, plus the function words WordNet leaves out), no word
// of the loaded guides (which hold the credentials, organisations and jargon
// the bot talks about) and no near-miss spelling of an English word is
// "unknown" — and two unknown words side by side, or one next to a date, read
// like a name ("jane q doe 4/5/67").

/**
 * Words WordNet has no entry for (it lists content words only): English function words (the
 * stopword list, plus the pronouns, auxiliaries, conjunctions and apostrophe-less contractions it
 * leaves out), chat spellings (src/text's shorthand table) and written shorthand ("pt", "fyi").
 */
const FUNCTION_WORDS = new Set([
  ...ENGLISH_STOPWORDS,
  ...`is am are was were be been being has had have having do does did doing i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
  this that these those who whom whose which what when where why how a an the and or but nor if then else so than too very of to in on at by for from with without into onto
  upon about above below over under between among through during before after since until while because although though unless whether can could shall should will would
  may might must ought id youre youve theyre didnt couldnt wouldnt shouldnt arent wasnt werent havent hasnt hadnt thats whats lets thanks`.split(/\s+/),
  ...CHAT_SHORTHAND_WORDS,
  ...WRITTEN_SHORTHAND,
]);

/**
 * Words that are never unknown: the loaded guides' words, as `guideWords` (src/ingest) lists them
 * for the whole bot (lower case, possessives dropped); a `Set` of them will do.
 */
export interface KnownWords {
  has(word: string): boolean;
}

const MAX_WORD_LENGTH = 40;
/** Shortest capitalised word excused as a typo: names one letter off an English word are mostly shorter. */
const MIN_CAPITALISED_TYPO_LENGTH = 8;
const NO_KNOWN_WORDS: KnownWords = { has: () => false };

/** The vocabulary check (see the module comment); `known` is usually `new Set(guideWords(documents))`. */
export class Vocabulary {
  // Bounded: the words come from user messages.
  private readonly cache = boundedCache<string, boolean>({ max: 10_000 });

  constructor(private readonly known: KnownWords = NO_KNOWN_WORDS) {}

  /** True when `word` is an English word, a known word, or a one-letter slip away from an English word. */
  isFamiliar(word: string): boolean {
    const w = normalise(word);
    // A short capitalised word is read as written: a name one letter from an English word
    // ("Engel", "Sione") is no typo; a long one still may be ("Permanente").
    const typoAllowed = !/^\p{Lu}/u.test(word) || w.length >= MIN_CAPITALISED_TYPO_LENGTH;
    // Nothing that long is a name, and the near-miss check is quadratic in the length.
    if (w.length > MAX_WORD_LENGTH) return true;
    const key = typoAllowed ? w : `^${w}`;
    let familiar = this.cache.get(key);
    if (familiar === undefined) {
      familiar = this.known.has(w) || isEnglish(w) || w.split(/[-']/).every((part) => part.length > 0 && (isEnglish(part) || this.known.has(part))) || (typoAllowed && w.length >= 5 && isNearMiss(w));
      this.cache.set(key, familiar);
    }
    return familiar;
  }

  /** True when `word` is a function word or chat spelling ("the", "was", "pls"), which WordNet leaves out. */
  isFunctionWord(word: string): boolean {
    return FUNCTION_WORDS.has(normalise(word));
  }

  /** True when `word` is an English word as spelled (no typo excused): "Crane", not "Permanente". */
  isDictionaryWord(word: string): boolean {
    return this.remember('dictionary', word, (w) => isEnglish(w));
  }

  /** True when WordNet knows `word` as a person's name (a capitalised noun.person sense: "Hope", "King"). */
  isPersonName(word: string): boolean {
    return this.remember('person', word, (w) => getWordNet().isPersonName(w));
  }

  /** True when the 1990 US Census lists `word` as a given name ("Mercy", "Hope"): evidence, not proof. */
  isGivenName(word: string): boolean {
    return getCensusNames().isGivenName(normalise(word));
  }

  /** True when the 1990 US Census lists `word` as a surname ("Okoro" is not, "Church" is): evidence, not proof. */
  isSurname(word: string): boolean {
    return getCensusNames().isSurname(normalise(word));
  }

  /** True when `word` names a relative (WordNet: a kind of "relative"): "son", "mom", "granddaughter". */
  isRelative(word: string): boolean {
    return this.remember('relative', word, (w) => getWordNet().isKindOf(w, ['relative']));
  }

  /**
   * True for a record kept about someone: a kind of record, document, bill, account or statement in
   * WordNet ("claim", "invoice", "file"), or a chart, the patient's record in health care, a sense
   * WordNet does not have.
   */
  isRecordWord(word: string): boolean {
    const kinds = ['record', 'document', 'bill', 'account', 'statement'];
    return this.remember('record', word, (w) => w === 'chart' || kinds.includes(w) || getWordNet().isKindOf(w, kinds, 1));
  }

  /** WordNet look-ups read its files: each answer is kept in the same bounded cache. */
  private remember(question: string, word: string, answer: (normalised: string) => boolean): boolean {
    const key = `${question}:${normalise(word)}`;
    let value = this.cache.get(key);
    if (value === undefined) {
      value = answer(normalise(word));
      this.cache.set(key, value);
    }
    return value;
  }

  /** True when `word` is known to the guides (credentials, organisations, jargon). */
  isKnown(word: string): boolean {
    return this.known.has(normalise(word));
  }
}

function normalise(word: string): string {
  return word.toLowerCase().replace(/’/g, "'").replace(/'s$/, '');
}

/**
 * A function word, a WordNet lemma other than a proper noun only ("Clovis", "Sutherland" name
 * someone), or a plain word of the tagger's lexicon (irregular forms WordNet cannot reduce: "took").
 */
function isEnglish(word: string): boolean {
  return FUNCTION_WORDS.has(word) || isCommonWordNetWord(word) || isPlainLexiconWord(word);
}

function isCommonWordNetWord(word: string): boolean {
  const wordnet = getWordNet();
  return wordnet.has(word) && !wordnet.isProperNounOnly(word);
}

/** Shortest part of a run-together compound: shorter splits find English words in any name. */
const MIN_COMPOUND_PART = 3;

/**
 * A run-together of two English words ("profee", "careerguide"): shorthand or a site's slug when
 * nothing else says it is a name. Not part of {@link Vocabulary.isFamiliar}: surnames are often such
 * compounds ("Fairweather", "Townsend").
 */
export function isCompound(word: string): boolean {
  word = word.toLowerCase();
  for (let i = MIN_COMPOUND_PART; i <= word.length - MIN_COMPOUND_PART; i++) {
    if (isCommonWordNetWord(word.slice(0, i)) && isCommonWordNetWord(word.slice(i))) return true;
  }
  return false;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * A word one deletion, transposition or substitution away from an English word
 * ("reccomend", "certifcation"): a typo, not a name. Insertions are not tried, so short
 * names that lose a letter to an English word ("chen" → "hen") are not excused.
 */
function isNearMiss(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    if (isEnglishContent(word.slice(0, i) + word.slice(i + 1))) return true;
    if (i + 1 < word.length && isEnglishContent(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2))) return true;
    for (const c of LETTERS) {
      if (c !== word[i] && isEnglishContent(word.slice(0, i) + c + word.slice(i + 1))) return true;
    }
  }
  return false;
}

function isEnglishContent(word: string): boolean {
  return word.length >= 4 && isCommonWordNetWord(word);
}
