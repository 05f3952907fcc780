import { DATE_SOURCE } from './date-patterns.js';
import { digitCount, scan } from './regex-scan.js';
import type { PhiFinding } from './phi-types.js';
import { OPAQUE } from './placeholder.js';

// Dates and ID numbers are everywhere in coding questions ("October 1st",
// "99213", "E11.9"), so both are only flagged behind a label that says whose
// date or number it is.

const DOB_LABEL =
  '(?:\\bDOB\\b|\\bD\\.O\\.B\\b\\.?|\\bdate\\s+of\\s+birth\\b|\\bbirth\\s*date\\b|\\bbirthday\\b|\\bborn\\b(?:\\s+(?:on|in))?)';
// A short filler lets "DOB/Age: 03/14/1962" or "DOB is listed as ..." through;
// sentence punctuation ends it so "born? October 1, 2015" stays unflagged, and
// so does a (masked) placeholder: "DOB [REDACTED:dob], March 1980".
const DOB = new RegExp(`${DOB_LABEL}[^\\d\\n?!.;${OPAQUE}]{0,20}?(?<v>${DATE_SOURCE})`, 'gid');

const ID_WORD = '(?:number|num|no\\.?|#|id)';
const MRN_LABEL = [
  '\\bMRN\\b',
  '\\bMR\\s?#',
  `\\bmed(?:ical)?\\s+rec(?:ord)?s?(?:\\s+${ID_WORD})?`,
  `\\bchart\\s+${ID_WORD}`,
  `\\bacct\\b\\.?(?:\\s*${ID_WORD})?`,
  `\\baccount\\s*(?:number|num|no\\.?|#)`,
  `\\b(?:member|subscriber|policy|patient|pt|encounter|visit|claim|case|insurance|medicaid|medicare|beneficiary)\\s+${ID_WORD}`,
  '\\b(?:MBI|HICN|FIN)\\b',
].join('|');
// Value: one token of letters/digits/dashes holding at least three digits.
const MRN = new RegExp(
  `(?:${MRN_LABEL})\\s*(?:[:#=]|is|was|of)?\\s*(?:${ID_WORD})?\\s*[:#]?\\s*(?<v>[A-Za-z0-9](?:[A-Za-z0-9-]{2,30}[A-Za-z0-9]))(?![\\w-])`,
  'gid',
);

/** Finds dates of birth: a date behind a label like "DOB" or "born on". */
export function detectBirthDates(text: string): PhiFinding[] {
  return scan(text, DOB, 'dob');
}

/** Finds record, account and member numbers behind a label like "MRN". */
export function detectRecordNumbers(text: string): PhiFinding[] {
  return scan(text, MRN, 'mrn', (v) => digitCount(v) >= 3);
}
