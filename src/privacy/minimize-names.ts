import { CALENDAR_WORD } from './date-patterns.js';
import { isEponym } from './eponyms.js';
import { isAcronym, isLabelWord } from './label-words.js';
import type { Vocabulary } from './vocabulary.js';

// The store can afford to lose a word the detectors would not risk: a report needs the career
// words, codes and figures of a question, not who it was about. So once a message holds patient
// data (a detector redacted something, or the minimizer masked a number: a month/day, an id),
// every word that may be a first name is masked as well: a Title-case census given name or a word
// WordNet knows as a person's name ("Hunter got his cast off", "Opal still does ..."), a Title-case
// word no dictionary, census list or guide knows ("CDI says Okonkwo needs a query"; an unlisted
// product name is masked too, which the store can lose), a Title-case census surname in the middle
// of a sentence ("the daughter says Whitaker fell"), and a lower-case given name no dictionary
// knows ("andre"). Function words ("Will", "May"), month and day names, the detectors' labels,
// acronyms and the guides' words (organisations, credentials) stay, and a message without patient
// data is left alone.

const WORD = /(?<![\p{L}'’-])\p{L}[\p{L}'’-]*/gu;
const TITLE = /^\p{Lu}\p{Ll}+(?:['’]s)?$/u;
const LOWER = /^\p{Ll}+$/u;

/** Spans of possible first names in redacted text; the caller masks them only once it holds patient data (see the module comment). */
export function possibleFirstNames(redacted: string, vocabulary: Vocabulary): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  for (const m of redacted.matchAll(WORD)) {
    const span = { start: m.index, end: m.index + m[0].length };
    const midSentence = MID_SENTENCE.test(redacted.slice(Math.max(0, m.index - 3), m.index));
    const mayBeName = isPossibleFirstName(m[0], vocabulary) || (midSentence && isPossibleSurname(m[0], vocabulary));
    // The detectors' own evidence that a capitalised word names a condition ("Huntington's chorea") holds here too.
    if (mayBeName && !isEponym(redacted, span)) spans.push(span);
  }
  return spans;
}

/** Before a word in the middle of a sentence: a word, a comma or a placeholder's bracket, then a space. */
const MID_SENTENCE = /[\p{L}\d,;)\]][ \t]+$/u;

// A person's name is not after an article or a preposition of place or origin: "at the Prometric
// center", "from Athena to Epic", "Bureau of Labor Statistics" name places, systems and bodies.
const ARTICLE_BEFORE = /\b(?:the|an?|of|from|to|at)\s+$/i;

/** True when the word at `at` follows an article or a preposition of place or origin (see above). */
export function followsArticle(text: string, at: number): boolean {
  return ARTICLE_BEFORE.test(text.slice(Math.max(0, at - 6), at));
}

// "when Felicity [MASKED] signed", "alias Zebra [REDACTED:name]": a Title-case word right before a
// masked Title-case word or a redacted name is its first name, whatever a dictionary says of it
// ("Felicity", "Zebra"); not after an article or a preposition (followsArticle).
const WORD_BEFORE_NAME = /(?<![\p{L}'’-])\p{Lu}\p{Ll}+(?=([ \t]+)(?:\[REDACTED:name\]|\p{Lu}\p{Ll}))/gu;

/** Title-case words right before `names` (masked words) or a redacted name, in redacted text. */
export function firstNamesBefore(redacted: string, names: ReadonlyArray<{ start: number; end: number }>, vocabulary: Vocabulary): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  for (const m of redacted.matchAll(WORD_BEFORE_NAME)) {
    const end = m.index + m[0].length;
    const next = end + m[1]!.length;
    const beforeName = redacted.startsWith('[REDACTED:name]', next) || names.some((n) => n.start === next);
    if (beforeName && !followsArticle(redacted, m.index) && mayBeName(m[0], vocabulary)) spans.push({ start: m.index, end });
  }
  return spans;
}

/** A Title-case census surname mid-sentence ("… for Grant, DOB …", "Mrs Stone"), not a word of the guides. */
function isPossibleSurname(token: string, vocabulary: Vocabulary): boolean {
  const word = token.replace(/['’]s$/u, '');
  return TITLE.test(token) && mayBeName(word, vocabulary) && vocabulary.isSurname(word);
}

function isPossibleFirstName(token: string, vocabulary: Vocabulary): boolean {
  const word = token.replace(/['’]s$/u, '');
  if (!mayBeName(word, vocabulary)) return false;
  if (TITLE.test(token)) return vocabulary.isGivenName(word) || vocabulary.isPersonName(word) || !vocabulary.isFamiliar(word);
  // Lower case: a census given name that is no English word as spelled ("marcus", "tommy"; the
  // typo allowance of isFamiliar would excuse them as "mucus", "tummy").
  return LOWER.test(word) && vocabulary.isGivenName(word) && !vocabulary.isDictionaryWord(word);
}

/** Words that are never masked as names: short ones, acronyms, labels, days and months, function words and the guides' own words. */
function mayBeName(word: string, vocabulary: Vocabulary): boolean {
  return word.length >= 3 && !isAcronym(word) && !isLabelWord(word) && !CALENDAR_WORD.test(word) && !vocabulary.isFunctionWord(word) && !vocabulary.isKnown(word);
}

// "SAUNDERS MARCUS J", "PT LINDQVIST E CLM", "McALLISTER, SEAMUS": names as forms and feeds print
// them, in capitals. A run of two or more capitalised words, each a census name, a word nothing
// knows or an initial (a generational suffix allowed), with at least one that is no English word,
// is a name there; "GRACE PERIOD" and "BILL TYPE" are English words and stay.
const CAPITAL_WORD = /(?<![\p{L}\p{N}'’-])\p{Lu}(?:c(?=\p{Lu}))?[\p{Lu}'’-]*\.?(?![\p{L}\p{N}'’-])/gu;
const SUFFIX = /^(?:JR|SR|II|III|IV)$/;

/** Spans of names written in capitals in redacted text; masked, like first names, only once it holds patient data. */
export function capitalNames(redacted: string, vocabulary: Vocabulary): Array<{ start: number; end: number }> {
  const runs: Array<Array<{ word: string; start: number; end: number }>> = [];
  let run: Array<{ word: string; start: number; end: number }> = [];
  for (const m of redacted.matchAll(CAPITAL_WORD)) {
    const word = { word: m[0].replace(/\.$/, ''), start: m.index, end: m.index + m[0].length };
    const joined = run.length > 0 && /^,?[ \t]+$/.test(redacted.slice(run.at(-1)!.end, word.start));
    const nameLike = isNameLike(word.word, vocabulary);
    if (!joined || !nameLike) run = [];
    if (nameLike) run.push(word);
    if (run.length === 1) runs.push(run);
  }
  return runs.filter((r) => r.length >= 2 && r.some((w) => isNoEnglishWord(w.word, vocabulary))).map((r) => ({ start: r[0]!.start, end: r.at(-1)!.end }));
}

function isNameLike(word: string, vocabulary: Vocabulary): boolean {
  if (/^\p{Lu}$/u.test(word) || SUFFIX.test(word)) return true;
  return !vocabulary.isKnown(word) && !isLabelWord(word) && (vocabulary.isGivenName(word) || vocabulary.isSurname(word) || !vocabulary.isFamiliar(word));
}

function isNoEnglishWord(word: string, vocabulary: Vocabulary): boolean {
  return word.length >= 2 && !SUFFIX.test(word) && !vocabulary.isKnown(word) && !vocabulary.isDictionaryWord(word);
}
