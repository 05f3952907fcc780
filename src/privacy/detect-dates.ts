import { DATE_SOURCE, MONTH_DAY_NUMERIC, SPELLED_DAY, WEEKDAY } from './date-patterns.js';
import { scan } from './regex-scan.js';
import type { PhiFinding } from './phi-types.js';
import { OPAQUE } from './placeholder.js';

// Every element of a date except the year is an identifier when the date is
// the patient's: birth, admission, discharge, service, death. Career questions
// are full of dates too ("the exam on March 3", "codes effective October 1,
// 2025"), so a date is flagged when a label says whose date it is, or when the
// message otherwise reads like a chart (see `chartLike`).

/** Labels that say a date is the patient's; also words a name detector must never read as a name. */
export const EVENT_LABEL = [
  '\\bDOB\\b',
  '\\bD\\.O\\.B\\b\\.?',
  '\\bdate\\s+of\\s+(?:birth|service|admission|discharge|death|injury|surgery|procedure|visit|encounter)\\b',
  '\\bbirth\\s*(?:date|day)\\b',
  '\\bborn\\b',
  '\\b(?:DOS|DOA|DOD|DOI|D/C|DC)\\b',
  '\\b(?:admit(?:ted|s)?|admission|readmit(?:ted)?|discharg(?:ed|e)|died|death|expired|deceased|passed\\s+away)\\b',
  '\\b(?:seen|visit(?:ed)?|presented|transferred|operated|injured|delivered|treated|came\\s+in|follow[- ]?up|f/u|surgery|procedure|encounter)\\b',
].join('|');
// A short filler ("admitted to Mercy on 4/5/2024", "DOB is listed as ...");
// sentence punctuation and placeholders end it.
const FILLER = `[^\\n?!;${OPAQUE}]{0,30}?`;
// "DOB 03 15 1934": a month, day and year split by spaces (behind a date label, or in a chart below).
const SPACED_NUMERIC = '(?<![\\d.,/-])(?:0?[1-9]|1[0-2])[ \\t](?:0?[1-9]|[12]\\d|3[01])[ \\t](?:19|20)\\d{2}(?!\\d)';
// In a chart, a month, day and four-digit year split by spaces are a date without a label too
// ("box 3 04 17 1948" on a pasted claim form).
const CHART_SPACED_DATE = new RegExp(SPACED_NUMERIC, 'g');
const LABELLED_DATE = new RegExp(`(?:${EVENT_LABEL})${FILLER}(?<v>${DATE_SOURCE}|${SPACED_NUMERIC}|${MONTH_DAY_NUMERIC})`, 'gid');
const ANY_DATE = new RegExp(DATE_SOURCE, 'gi');
// In a chart, a month/day without a year ("on 12/24", "at work 4/2") is a date too, unless a
// unit or "of" makes it a fraction ("1/2 tab", "2/3 of the charts"); a weekday before it belongs to it.
const WEEKDAY_BEFORE = `(?:${WEEKDAY}\\.?,?[ \\t]+)?`;
const FRACTION_UNIT = '(?![ \\t]*(?:of|tabs?|tablets?|caps?|pills?|doses?|inch|in\\.|cups?|mg|ml|strength|time|pain)\\b)';
const CHART_MONTH_DAY = new RegExp(`\\b${WEEKDAY_BEFORE}${MONTH_DAY_NUMERIC}${FRACTION_UNIT}`, 'gi');
const NTH_DAY = '(?:[12]?\\d|3[01])(?:st|nd|rd|th)';
// What may follow a day of the month: the clause or the quote ends, or a short link goes on ("admitted the 9th w/ DKA",
// "from the 5th to the 9th", "on the 2nd while inpatient"); never a noun it counts ("the 7th character", "the 21st century").
const DAY_CLOSES = '(?=[ \\t]*(?:[.,;!?)"”\'’]|$|and\\b|then\\b|w/|with\\b|at\\b|in\\b|for\\b|to\\b|thru\\b|through\\b|until\\b|while\\b|when\\b|[—–-]))';
// "went home on the 9th", "repair on the twelfth and …", "from the 5th to the 9th": a day of the month on its own, closing a clause, in a chart.
const ORDINAL_DAY = new RegExp(`\\b(?:on|by|until|till|since|from|to|thru|through)[ \\t]+the[ \\t]+(?<v>${NTH_DAY}|${SPELLED_DAY})${DAY_CLOSES}`, 'gdi');
// "AKA on 03-07 after …": a month and day joined by a dash, behind "on" and closing a clause, in a chart.
const DASHED_MONTH_DAY = new RegExp(`\\bon[ \\t]+(?<v>(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\\d|3[01]))(?![\\d-])${DAY_CLOSES.replace('(?=', '(?=[ \\t]*(?:after|before)\\b|')}`, 'gdi');
// "DOB the 21st", "DOS was the 28th": a label says whose day it is, so it counts in any message.
const LABELLED_ORDINAL_DAY = new RegExp(`(?:${EVENT_LABEL})[ \\t:]*(?:(?:is|was|on)[ \\t]+)?the[ \\t]+(?<v>${NTH_DAY})${DAY_CLOSES}`, 'gdi');
// "MVA the 2nd of this month": a day of a month the writer names by where it is, in a chart.
const DAY_OF_NAMED_MONTH = new RegExp(`\\bthe[ \\t]+(?<v>${NTH_DAY})[ \\t]+of[ \\t]+(?:this|last|next)[ \\t]+month\\b`, 'gdi');
// "admitted Sunday the 9th": the weekday belongs to the date.
// The weekday already says it is a day, so no closing is needed ("Friday the 13th (her dos)").
const WEEKDAY_ORDINAL_DAY = new RegExp(`\\b${WEEKDAY}\\.?,?[ \\t]+the[ \\t]+${NTH_DAY}(?![\\w-])`, 'gi');
const WEEKDAY_DATE = new RegExp(`\\b${WEEKDAY}\\.?,?[ \\t]+(?=${DATE_SOURCE})`, 'gi');

const AGE_NUMBER = '(?:9\\d|1[01]\\d)';
// Ages also written out ("ninety-one", "one hundred and two").
const TENS_OVER_89 = 'ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?';
const SPELLED_AGE = `(?:${TENS_OVER_89}|(?:a|one)[- ]hundred(?:(?:[- ]and)?[- ](?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?)`;
const AGE_VALUE = `(?:${AGE_NUMBER}|${SPELLED_AGE})`;
// A bare "y" counts only glued to the number ("Age: 100Y", as EHR screens print it) or between the
// separators of a chart header ("| 101 y | F |").
// "96yoF" carries the sex with the unit; "96 años", "94 Jahre": the unit in the languages patients' families write.
const AGE_UNIT = '(?:(?<=\\d)y\\b|y\\.?\\s?o[MF]?\\b\\.?|y/o\\b|yrs?\\b|years?\\b(?:[- ]old)?|year-old|[MF]\\b|y(?=[ \\t]*[|;/])|(?:años|anos|ans|Jahre|anni|jaar)\\b)';
// A unit after an age found by its cue goes with it, so no "y.o." is left behind to say an age was here.
const OPTIONAL_UNIT = `(?:\\s*(?:-|\\s)?\\s*${AGE_UNIT})?`;
/** What after a number makes it a quantity, not an age: a share or a sum, a unit of something counted, a decimal. */
export const QUANTITY_AFTER = '[ \\t]*[%$]|[ \\t]*(?:percent|days?|minutes?|mins?|hours?|hrs?|weeks?|months?|units?|mg|ml|points?|dollars|sq|cm|mm|kg|lbs?)\\b|[.,]\\d';
// Not a duration or a share: "ninety days", "turns 90 minutes", "is 92%".
const NOT_A_QUANTITY = `(?!${QUANTITY_AFTER})`;
/** A number from 90 to 119: an age over 89 where the text says it is an age. */
export const AGE_OVER_89_NUMBER = new RegExp(`^${AGE_NUMBER}$`);
// Dictated or OCR'd with its digits apart ("a 9-0 year old", "AGE: 9 3"): read so only with a unit or behind "age".
const SPLIT_DIGITS = '9[ \\t-]\\d(?![\\d/])';
const OLD_UNIT = '(?:y\\.?\\s?o[MF]?\\b\\.?|y/o\\b|years?[- ]old\\b|year-old\\b)';
const AGE_OVER_89 = new RegExp(
  [
    // The unit goes with the number: "y/o" left behind would still say "an age was here".
    `\\b(?<v>${AGE_VALUE}\\s*(?:-|\\s)?\\s*${AGE_UNIT}|${SPLIT_DIGITS}[ \\t]*${OLD_UNIT})`,
    // "age 92", "aged 90", "age: 95", "his age as 90", "age of 91"
    `\\bage(?:d|\\s*:|\\s+(?:as|of|is|was|now))?\\s*(?<w>(?:${AGE_VALUE}|${SPLIT_DIGITS})${OPTIONAL_UNIT})\\b${NOT_A_QUANTITY}`,
    // "she's 93", "he turns 90 on May 5", "pt is 94", "who's ninety-six", "he's 96 y.o."
    `\\b(?:(?:she|he|pt|patient|who)\\s+(?:is|was|turns|turned|will\\s+be)|she['’]?s|he['’]?s|who['’]?s|turns|turned|turning)\\s+(?<x>${AGE_VALUE}${OPTIONAL_UNIT})\\b${NOT_A_QUANTITY}`,
    // A written-out age set off by commas after a name: "Haruko Sato, ninety-one, had ..."
    `(?<=\\p{Lu}\\p{Ll}+,[ \\t]*)(?<y>${SPELLED_AGE})(?=[ \\t]*[,;)])`,
  ].join('|'),
  'gidu',
);

/** Finds patient dates: any date behind a date label, and every date in a chart-like message. */
export function detectDates(text: string, chartLike: boolean): PhiFinding[] {
  const labelled = [...scan(text, LABELLED_DATE, 'date', isDateNotVerb), ...scan(text, LABELLED_ORDINAL_DAY, 'date')];
  const inChart = [...scan(text, ANY_DATE, 'date', isDateNotVerb), ...[CHART_MONTH_DAY, WEEKDAY_DATE, ORDINAL_DAY, DASHED_MONTH_DAY, WEEKDAY_ORDINAL_DAY, DAY_OF_NAMED_MONTH, CHART_SPACED_DATE].flatMap((pattern) => scan(text, pattern, 'date'))];
  const found = chartLike ? [...labelled, ...inChart] : labelled;
  return [...found, ...rangeEnds(text, found)];
}

// "DOS 08/08/23-08/11/23", "4/2 to 4/5": the end of a range starting at a found date is a date too;
// so is the next item of a list that a found date opens ("readmits 1/3, 1/17, 1/29", "4/2 and 4/9").
const NEXT_DATE = /^[ \t]*(?:-|–|to|thru|through|,|;|&|and|,[ \t]*and)[ \t]*(?<v>\d{1,2}\/\d{1,2}(?:\/\d{2}(?:\d{2})?)?)(?![\d/]|[.,]\d)/d;

function rangeEnds(text: string, dates: readonly PhiFinding[]): PhiFinding[] {
  const found: PhiFinding[] = [];
  for (let last = [...dates]; last.length > 0; found.push(...last)) {
    last = last.flatMap((d) => {
      const v = NEXT_DATE.exec(text.slice(d.end, d.end + 24))?.indices?.groups?.v;
      return v ? [{ kind: 'date' as const, start: d.end + v[0], end: d.end + v[1] }] : [];
    });
  }
  return found;
}

// "mom 3/8/31 is 93.", "nana is ninety-one and ...", "he'd be 90 now": an age after "is"/"was"/"be" that closes a clause.
const AGE_AFTER_COPULA = new RegExp(`\\b(?:is|was|be)[ \\t]+(?:now[ \\t]+)?(?<v>${AGE_VALUE})\\+?(?=[ \\t]*(?:[.,;!?)]|$|and\\b|now\\b|[—–-]))`, 'gdi');

// "sione fifita — ninety-three, lives ...", "home fax ..., ninety.": an age written out and set off by
// commas or a dash; a number spelled out on its own is rarely anything else in a case.
const SET_OFF_SPELLED_AGE = new RegExp(`(?<=[,—–][ \\t]*)(?<v>${SPELLED_AGE})(?=[ \\t]*(?:[,;)]|\\.(?!\\d)|$|(?:y\\.?o|y/o|yrs?|years?)\\b))`, 'gdi');
// "Pham Van Duc, 95, seen ...", "Millicent Obi 90, Sylvester Grant 97", "Walter Eisenhardt 92 — ...":
// a number right after a name, closing a clause, is the person's age.
// "Ernesto Villanueva (96)", "Dot Harmon (99!)", "Tomasa Delgadillo (92, mother-in-law)": a number opening
// brackets right after a name is the person's age too.
// "pt Vera Bělohlávková ninety-seven multiple falls", "Seamus Garrity 95 on home hospice": a number over 89
// right after a name is the age, unless a unit makes it a quantity.
const AGE_AFTER_NAME = new RegExp(
  `^(?:(?:,[ \\t]*|[ \\t]+)(?<v>${AGE_VALUE})(?=[ \\t]*(?:[,;)]|\\.(?!\\d)|$|[—–](?!\\d)|-[ \\t]))|[ \\t]*\\((?<w>${AGE_VALUE})!*(?:\\)|,)|,?[ \\t]+(?<x>${SPELLED_AGE})(?![\\w-])${NOT_A_QUANTITY}|[ \\t]+(?:(?:about|around|nearly|almost|approx\\.?|~)[ \\t]*)?(?<z>${AGE_NUMBER})(?![\\d.,:/-])${NOT_A_QUANTITY})`,
  'di',
);

/** Ages over 89 after "is"/"was" or written out and set off, in a message that reads like a case (the caller decides). */
export function detectAgesAfterCopula(text: string): PhiFinding[] {
  return [...scan(text, AGE_AFTER_COPULA, 'age_over_89'), ...scan(text, SET_OFF_SPELLED_AGE, 'age_over_89')];
}

// "dob 11/30/1933 (92)", "(95Y)": a number in brackets right after a date is the age on that date.
const AGE_AFTER_DATE = new RegExp(`^[ \\t]*\\((?<v>${AGE_VALUE}(?:[ \\t]?(?:y|yo|yrs?))?)\\)`, 'di');

/** Ages over 89 in brackets right after a found date ("dob 11/30/1933 (92)"). */
export function detectAgesAfterDates(text: string, dates: readonly PhiFinding[]): PhiFinding[] {
  return dates.flatMap((d) => {
    const group = AGE_AFTER_DATE.exec(text.slice(d.end, d.end + 10))?.indices?.groups?.v;
    return group ? [{ kind: 'age_over_89' as const, start: d.end + group[0], end: d.end + group[1] }] : [];
  });
}

/** Ages over 89 set off by commas right after a found name ("Pham Van Duc, 95, seen"). */
export function detectAgesAfterNames(text: string, names: readonly PhiFinding[]): PhiFinding[] {
  return names.flatMap((n) => {
    const groups = AGE_AFTER_NAME.exec(text.slice(n.end, n.end + 20))?.indices?.groups;
    const group = groups?.v ?? groups?.w ?? groups?.x ?? groups?.z;
    return group ? [{ kind: 'age_over_89' as const, start: n.end + group[0], end: n.end + group[1] }] : [];
  });
}

/** Finds ages over 89 ("92 y/o", "a 94-year-old", "age: 101", "91F"), which Safe Harbor groups as 90+. */
export function detectAgesOver89(text: string): PhiFinding[] {
  const found: PhiFinding[] = [];
  for (const m of text.matchAll(AGE_OVER_89)) {
    const groups = m.indices?.groups;
    const span = groups?.v ?? groups?.w ?? groups?.x ?? groups?.y;
    if (span) found.push({ kind: 'age_over_89', start: span[0], end: span[1] });
  }
  return found;
}

// "may 5 more" is a verb and a number; a lowercase "may" never opens a date here.
function isDateNotVerb(value: string): boolean {
  return !value.startsWith('may ');
}
