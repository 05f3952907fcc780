import { SSN_LABEL_SOURCE } from './detect-contact.js';
import { EVENT_LABEL } from './detect-dates.js';
import { IDENTIFIER_LABEL_SOURCES } from './detect-identifiers.js';

// Words that announce an identifier or abbreviate a term, and are never a name. The
// detectors' own labels ("DOB", "MRN", "acct", "med rec no.") are what a chat writes
// lower-case and no dictionary knows ("dob 4/5/67"); all-capital words and their plurals
// ("CPC", "CEUs") are credentials and acronyms.

const LABELS = [EVENT_LABEL, SSN_LABEL_SOURCE, ...IDENTIFIER_LABEL_SOURCES].join('|');
const LABEL_WORD = new RegExp(`^(?:${LABELS})$`, 'i');
const LABEL_IN_TEXT = new RegExp(`(?:${LABELS})`, 'gi');

/** True when `word` (or its plural, "DOBs") is one of the detectors' labels. */
export function isLabelWord(word: string): boolean {
  return LABEL_WORD.test(word) || (/s$/i.test(word) && LABEL_WORD.test(word.slice(0, -1)));
}

/** Where the detectors' labels occur in `text` (several words, as in "med rec no.", included). */
export function labelSpans(text: string): Array<{ start: number; end: number }> {
  return [...text.matchAll(LABEL_IN_TEXT)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * An all-capital word, its plural or possessive ("CPC", "CEUs", "NHA's"), or a word with two
 * capitals in a row inside ("ExCPT", "CPhT"): credentials and brands. Names with an inner
 * capital have one ("McKay", "DeShawn").
 */
export function isAcronym(word: string): boolean {
  return /^\p{Lu}{2,}(?:s|['’]s)?$/u.test(word) || /\p{Lu}{2}/u.test(word);
}
