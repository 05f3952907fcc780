import { EVENT_LABEL } from './detect-dates.js';
import { IDENTIFIER_LABEL_SOURCES } from './detect-identifiers.js';

// The detectors' own labels ("DOB", "MRN", "acct", "DOS") are the words a chat
// writes lower-case and no dictionary knows ("dob 4/5/67"); they announce an
// identifier and are never one, so the name detectors skip them.

const LABEL_WORD = new RegExp(`^(?:${[EVENT_LABEL, ...IDENTIFIER_LABEL_SOURCES].join('|')})$`, 'i');

/** True when `word` (or its plural, "DOBs") is one of the detectors' labels. */
export function isLabelWord(word: string): boolean {
  return LABEL_WORD.test(word) || (/s$/i.test(word) && LABEL_WORD.test(word.slice(0, -1)));
}
