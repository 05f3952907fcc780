import { CALENDAR_WORD } from './date-patterns.js';
import { isLabelWord } from './label-words.js';
import type { Vocabulary } from './vocabulary.js';

// Whether a capitalised word read behind a patient cue ("patient John Smith", "Pt: DOE, JANE")
// can be part of the name, from evidence that carries over to any guide, not from a list:
// - stop: the detectors' own labels, function words and calendar words end a name
//   (a Title-case function word or month that WordNet knows as a person's name, "Will",
//   "June", may still be part of a longer one);
// - soft: a word of the loaded guides (their jargon, credentials, organisations) or a common
//   English word that WordNet does not know as a person's name ("Access", "Representative"):
//   part of a name only beside evidence;
// - evidence: any other word — no English word ("Castellanos"), or a person's name ("Hope").
// A name needs one evidence word, so "Patient Access Representative" is none.

export type CueWord = 'stop' | 'soft' | 'evidence';

/** How a word after a patient cue counts (see the module comment). */
export function cueWordKind(word: string, vocabulary: Vocabulary): CueWord {
  const bare = word.replace(/['’]s$/u, '');
  if (isLabelWord(bare)) return 'stop';
  const personName = /^\p{Lu}/u.test(bare) && vocabulary.isPersonName(bare) && !isPluralOfWord(bare, vocabulary);
  if (vocabulary.isFunctionWord(bare) || CALENDAR_WORD.test(bare)) return personName ? 'soft' : 'stop';
  if (vocabulary.isKnown(bare)) return 'soft';
  if (vocabulary.isDictionaryWord(bare) && !personName) return 'soft';
  return 'evidence';
}

/**
 * True when `words` (read behind a cue) hold no stop word and at least one evidence word. Behind
 * a cue written in lower case ("pt Rose is the subscriber") a capital is itself evidence, unless
 * the word is a guide's: a heading would capitalise the cue too ("Patient Access").
 */
export function isEvidencedName(words: readonly string[], vocabulary: Vocabulary, lowerCaseCue = false): boolean {
  const kinds = words.map((w) => cueWordKind(w, vocabulary));
  if (kinds.includes('stop')) return false;
  return kinds.includes('evidence') || (lowerCaseCue && words.some((w) => /^\p{Lu}\p{Ll}/u.test(w) && !vocabulary.isKnown(w)));
}

/** "Services" is the plural of a word, not the poet Service: a name is not inflected. */
function isPluralOfWord(word: string, vocabulary: Vocabulary): boolean {
  return /[^s]s$/i.test(word) && vocabulary.isDictionaryWord(word.slice(0, -1));
}

/**
 * Both words capitalised or both not: a name is written in one case ("jane doe", "Jane Doe"), so a
 * capitalised word and a lower-case one beside it ("Nissen fundoplication") are a term, not a name.
 */
export function inOneCase(a: string, b: string): boolean {
  const capitalised = (w: string) => /^\p{Lu}/u.test(w);
  return capitalised(a) === capitalised(b);
}
