import { isAmountLike, isCodeRange, isMedicalCodeShape, isYearLike, MEDICAL_CODE } from './code-shapes.js';
import { isGuideForm, isIdentifierShaped, isInterleaved } from './detect-identifiers.js';
import { WEEKDAY } from './date-patterns.js';
import { detectDates } from './detect-dates.js';
import { isAcronym } from './label-words.js';
import { inOneCase } from './name-evidence.js';
import type { PhiDetectionOptions } from './detect-phi.js';
import { capitalNames, followsArticle, firstNamesBefore, possibleFirstNames } from './minimize-names.js';
import { MASK_PLACEHOLDER, PHI_PLACEHOLDER_PATTERN, placeholderSpans } from './placeholder.js';
import { redactPhi, replaceSpans } from './redact-phi.js';
import { Vocabulary } from './vocabulary.js';
import type { PhiFinding } from './phi-types.js';

// Defence in depth for what the detectors miss. The minimized text is the
// redacted text with every remaining token that *could* identify someone
// masked too: identifier-shaped tokens (long digit runs, letter-digit mixes,
// separated digit groups) unless they are a code, an amount, a year or a small
// count, words the vocabulary check flags (unknown words next to another
// unknown word or a date) and, in a message with a finding, possible first names
// (minimize-names.ts), with a Title-case word right before a masked name. A month and day the
// detectors left beside a possible first name is a finding of that kind too, and the date goes
// with the name. Last, what joins a redacted span masks with it: a house number or ZIP beside an
// address, a ZIP beside a phone number or email, the weekday of a date. It is what the store
// keeps and the report shows.

export interface MinimizedText {
  /** The redacted text with leftover identifier-like tokens replaced by [MASKED]. */
  text: string;
  /** The redacted text alone (detected spans replaced by [REDACTED:kind]). */
  redacted: string;
  /** The detector's findings (offsets into the original text). */
  findings: PhiFinding[];
  /** Tokens masked on top of the findings. */
  masked: number;
}

/** Digit groups joined by separators ("4/5/67", "555-0142", "12.34.56"), or a single token with digits ("A7734", "rm412b"). */
// A comma opens a token only as a field separator: "J18.9,W0072219" is two cells, "1,234" one number.
const DIGIT_TOKEN = /(?<![\w$€£./-]|\d,(?=\d))(?:\d+(?:[-/.]\d+)+|[A-Za-z0-9]*\d[A-Za-z0-9]*(?:-[A-Za-z0-9]*\d[A-Za-z0-9]*)*(?:-[A-Za-z]{1,2})?)(?![\w/-]|[.,]\d)/g;
const WORD = /\p{L}[\p{L}'’-]*/gu;
const COUNT_WITH_UNIT = /^\d{1,4}(?:st|nd|rd|th|k|yrs?|hrs?|mos?|wks?|x|am|pm|h|m|s|yo|y\/o|mg|ml|cm|mm|kg|lbs?)$/i;
/** A product of two small numbers: a shift pattern or a size ("4x10s", "3x5"). */
const SMALL_PRODUCT = /^\d{1,2}x\d{1,2}s?$/i;

/**
 * Month-and-day dates the detectors left (no label, no chart around them): beside a word that may
 * be a first name they are someone's ("Angelica had her baby December 2nd"). A month with a year
 * alone ("May 2024") is how career text dates its figures.
 */
function monthDays(redacted: string, opaque: ReadonlyArray<{ start: number; end: number }>): Array<{ start: number; end: number }> {
  return detectDates(redacted, true).filter((d) => /\d/.test(redacted.slice(d.start, d.end).replace(/\b(?:19|20)\d{2}\b/g, '')) && !opaque.some((o) => o.start < d.end && d.start < o.end));
}

/** Redacts `text`, then masks what the detectors did not claim (see the module comment). */
export function minimizePhi(text: string, options: PhiDetectionOptions = {}): MinimizedText {
  const { text: redacted, findings } = redactPhi(text, options);
  const names = findings.filter((f) => f.kind === 'name').map((f) => text.slice(f.start, f.end));
  const { text: minimized, masked } = maskLeftovers(redacted, options.vocabulary ?? new Vocabulary(), names);
  return { text: minimized, redacted, findings, masked };
}

/**
 * Masks identifier-shaped tokens and flagged words in already redacted text; placeholders stay as they are.
 * `detectedNames`: the text of the names the detectors redacted, whose words are masked wherever else they stand.
 */
export function maskLeftovers(redacted: string, vocabulary: Vocabulary, detectedNames: readonly string[] = []): { text: string; masked: number } {
  const opaque = placeholderSpans(redacted);
  const dates = monthDays(redacted, opaque);
  // In a message where the detectors found nothing and no code says it is about a case, a date is the
  // detectors' to judge ("the exam window opens 3/14/2024"): it is masked with a name beside it
  // (datedName below), not as a number. Beside a code it is masked ("R.M., 4/19, 80053").
  const aboutNoCase = opaque.length === 0 && !MEDICAL_CODE.test(redacted);
  const isLoneDate = (s: { start: number; end: number }) => aboutNoCase && dates.some((d) => d.start <= s.start && s.end <= d.end);
  const numbers = suspiciousNumbers(redacted, vocabulary).filter((s) => !isLoneDate(s));
  // A masked number (a month/day, an id) is patient data the detectors missed: names beside it go too.
  const names = numbers.length > 0 || opaque.length > 0 || dates.length > 0 ? possibleFirstNames(redacted, vocabulary) : [];
  const datedName = dates.length > 0 && names.some((n) => !followsArticle(redacted, n.start));
  const holdsPatientData = numbers.length > 0 || opaque.length > 0 || datedName;
  const words = [...flaggedWords(redacted, vocabulary), ...(holdsPatientData ? [...names, ...capitalNames(redacted, vocabulary), ...otherScriptWords(redacted)] : [])];
  const found = holdsPatientData ? [...firstNamesBefore(redacted, words, vocabulary), ...userHandles(redacted, vocabulary, wordsOf(detectedNames)), ...(datedName ? dates : [])] : [];
  const named = [...words, ...found];
  const spans = [...numbers, ...named, ...nameRepeats(redacted, [...detectedNames, ...named.map((s) => redacted.slice(s.start, s.end))], vocabulary)]
    .filter((s) => !opaque.some((o) => o.start < s.end && s.start < o.end))
    .sort((a, b) => a.start - b.start);
  const merged: Array<{ start: number; end: number }> = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  const text = replaceSpans(redacted, merged, () => MASK_PLACEHOLDER);
  // Read once the leftovers are masked: a suffix may follow a masked prefix as well as a redacted id.
  const joined = [...text.matchAll(ADDRESS_NUMBER), ...text.matchAll(WEEKDAY_OF_DATE), ...text.matchAll(WORD_WITHIN_NAME), ...text.matchAll(IDENTIFIER_SUFFIX)]
    .map((m) => ({ start: m.index, end: m.index + m[0].length }))
    .sort((a, b) => a.start - b.start);
  return { text: replaceSpans(text, joined, () => MASK_PLACEHOLDER), masked: merged.length + joined.length };
}

// "王秀英", "이서연", "हरप्रीत": in a message that holds patient data, a word in another script than the
// Latin one the guides are written in is most often the patient's name as the family or the card writes
// it; the vocabulary check cannot read it, so it is masked.
const OTHER_SCRIPT_WORD = /(?:(?=\p{L})\P{Script=Latin}[\p{M}]*){2,}/gu;

function otherScriptWords(text: string): Array<{ start: number; end: number }> {
  return [...text.matchAll(OTHER_SCRIPT_WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

// "the pt is June Abernathy-Holt … grandma june", "our CDI Priya … wait priya is the pt's wife": a word
// of a name, redacted or masked, is the same person written again in any case. A word next to a
// number stays ("june 5" is a date the detectors judged), and so do function words and acronyms.
const NEXT_TO_DIGIT = /\d[ \t]*$|^[ \t]*\d/;

/** The words of names, lower-cased, without a possessive ending. */
function wordsOf(names: readonly string[]): Set<string> {
  return new Set(names.flatMap((n) => [...n.matchAll(WORD)].map((m) => m[0].replace(/['’]s$/u, '').toLowerCase())));
}

/** Other mentions, in any case, of the words of `names` in redacted text (see above). */
function nameRepeats(redacted: string, names: readonly string[], vocabulary: Vocabulary): Array<{ start: number; end: number }> {
  const words = wordsOf(names);
  const isOneNameWord = (w: string) => w.length >= 3 && !isAcronym(w) && !vocabulary.isFunctionWord(w) && words.has(w.replace(/['’]s$/u, '').toLowerCase());
  // A double-barrelled form of a found name ("Kamau-Njoroge" beside "Wanjiru Kamau") is the same person.
  const isNameWord = (w: string) => isOneNameWord(w) || (w.includes('-') && w.split('-').some(isOneNameWord));
  return [...redacted.matchAll(WORD)]
    .filter((m) => isNameWord(m[0]) && !NEXT_TO_DIGIT.test(redacted.slice(Math.max(0, m.index - 2), m.index)) && !NEXT_TO_DIGIT.test(redacted.slice(m.index + m[0].length, m.index + m[0].length + 2)))
    .map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

// "Mackenzie Two Bears" → "[MASKED] Two [MASKED]", "Ana dos Santos": a capitalised word or a surname
// particle between two masked or redacted name words is the middle of the same name.
const WORD_WITHIN_NAME = /(?<=\[(?:MASKED|REDACTED:name)\][ \t]+)(?:\p{Lu}\p{Ll}*|(?:da|das|de|del|della|der|di|dos|du|la|le|van|von|bin|binti|ibn|al|el|ter|ten|y))(?=[ \t]+\[(?:MASKED|REDACTED:name)\])/gu;

// "Friday the [date]", "[date] (Tues)": the weekday narrows the redacted date down with it.
const WEEKDAY_OF_DATE = new RegExp(`\\b${WEEKDAY}\\b(?=\\.?,?[ \\t]+(?:the[ \\t]+)?\\[REDACTED:date\\])|(?<=\\[REDACTED:date\\][ \\t]*\\(?)${WEEKDAY}\\b`, 'gi');

// A house, lot or unit number, or a ZIP, joined to a redacted address by nothing but masked words
// (or a town the detectors took for a name) and separators: "88 [address]", "[address] 214,",
// "211 [MASKED] [MASKED], [address]", "[address], [MASKED] 04401", "[address], [name], 93117".
// Another line of the same address the detectors did not recognise. A ZIP beside a phone number
// or an email, as contact lines write them: "[name] 73301 [phone]", "[phone] / 11372". And a house
// number before a street the detectors took for names or unknown words: "3306 [MASKED]
// [REDACTED:name], #210", "4418 [MASKED] [MASKED] Unit 3".
const ADDRESS_NUMBER = new RegExp(
  [
    String.raw`(?<=\[REDACTED:address\](?:[ \t,|]*\[(?:MASKED|REDACTED:name)\])*[ \t,|]*)\b\d{1,5}\b(?![\w./-])`,
    String.raw`(?<![\w.$/-])\d{1,5}\b(?=(?:[ \t,]*\[MASKED\])*[ \t,]*\[REDACTED:address\])`,
    String.raw`(?<=\[REDACTED:(?:phone|email|fax)\][ \t]*[,/|;–-]?[ \t]*)\b\d{5}(?:-\d{4})?\b(?![\w./-])`,
    String.raw`(?<![\w.$/-])\d{5}(?:-\d{4})?\b(?=[ \t]*[,/|;–-]?[ \t]*\[REDACTED:(?:phone|email|fax)\])`,
    String.raw`(?<![\w.$/#-])[NSEW]?\d{1,4}\b(?=(?:[ \t]+\[(?:MASKED|REDACTED:name)\])+[ \t]*(?:,|$|\b(?:Unit|Apt|Ste|Suite|Lot)\b))`,
  ].join('|'),
  'g',
);

function suspiciousNumbers(text: string, vocabulary: Vocabulary): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(DIGIT_TOKEN)) {
    const token = m[0].replace(/[.]+$/, '');
    const before = text.slice(Math.max(0, m.index - 2), m.index);
    const after = text.slice(m.index + token.length, m.index + token.length + 8);
    if (isSuspicious(token, before, after) && !isGuideTerm(token, vocabulary)) spans.push({ start: m.index, end: m.index + token.length });
  }
  return spans;
}

/** A number the guides' vocabulary explains: a form named by a guide word ("CMS-1500", "UB-04"). */
function isGuideTerm(token: string, vocabulary: Vocabulary): boolean {
  return isGuideForm(token, vocabulary);
}

// Short digit groups right after a redacted identifier are part of it: a member id's person suffix
// ("XYG 8830 2214 01"), a bed after a room ("4412-2"), the end of a number OCR broke onto the next
// line ("487-55" / "-1092"); so are groups of three or four digits after a
// masked letter prefix, as OCR spaces a card's number ("BCBS  XQP  4418  2093").
const IDENTIFIER_SUFFIX = new RegExp(
  [
    String.raw`(?<=\[REDACTED:(?:ssn|mrn|health_plan_id|account|certificate_license|device|vehicle|other_id)\](?:(?:[ \t-]{1,2}|\r?\n-)\d{1,4})*(?:[ \t-]{1,2}|\r?\n-))\d{1,4}(?![\w-]|[.,]\d)`,
    String.raw`(?<=\[MASKED\](?:(?:[ \t]{1,2}|\r?\n-)\d{3,4})*(?:[ \t]{1,2}|\r?\n-))\d{3,4}(?![\w-]|[.,]\d)`,
  ].join('|'),
  'g',
);

// A user name: six or more letters no dictionary knows, then two to four digits ("rubyjsmith44",
// "wredcloud_61"); "covid19", "icd10" and "office365" are too short or English words.
const USER_HANDLE = /(?<![\w@.-])(\p{Ll}[\p{Ll}.]{4,}\p{Ll})[_.]?\d{2,4}(?![\w@-])/gu;

/**
 * User names in a message that holds patient data: they point at one account. One built on a found
 * name's word ("hgrace_88" beside Henrietta Grace) is one whatever else its letters spell.
 */
function userHandles(text: string, vocabulary: Vocabulary, nameWords: ReadonlySet<string>): Array<{ start: number; end: number }> {
  const holdsName = (letters: string) => [...nameWords].some((w) => w.length >= 4 && letters.toLowerCase().includes(w));
  return [...text.matchAll(USER_HANDLE)].filter((m) => !vocabulary.isFamiliar(m[1]!) || holdsName(m[1]!)).map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** True for a token with digits that no code, amount, year or small count explains. */
export function isSuspicious(token: string, before = '', after = ''): boolean {
  if (isMedicalCodeShape(token) || isCodeRange(token) || isYearLike(token) || isAmountLike(token, before, after)) return false;
  if (/^\d{5}-[0-9A-Z]{2}$/i.test(token) || /^\d{3,4}[A-Z]$/.test(token) || COUNT_WITH_UNIT.test(token) || SMALL_PRODUCT.test(token)) return false;
  const groups = token.split(/[-/.\s]/).filter(Boolean);
  if (groups.length >= 3) return !isVersionLike(token) && !isQuantityList(groups, after);
  if (groups.length === 2) return isDigitPair(token, groups as [string, string]) && !isShortRange(groups as [string, string]);
  if (isIdentifierShaped(token) || isInterleaved(token)) return true;
  // A letter-digit mix with three or more digits ("A7734", "rm412b") that is no code.
  return /\p{L}/u.test(token) && /\d/.test(token) && token.replace(/\D/g, '').length >= 3;
}

/** Two digit groups: masked when long (555-0142, 0048-2913) or when they read as month/day (4/5, 12/31). */
function isDigitPair(token: string, [a, b]: [string, string]): boolean {
  if (!/^\d+$/.test(a) || !/^\d+$/.test(b)) return true;
  if (a.length + b.length >= 6) return true;
  // A room and bed ("4412-2"), unlike a code range, whose ends are the same length.
  if (token.includes('-') && a.length >= 3 && b.length < a.length) return true;
  if (token.includes('/')) return Number(a) >= 1 && Number(a) <= 12 && Number(b) >= 1 && Number(b) <= 31;
  return false;
}

/** "P1-P6", "A1-A3": two short tokens of the same shape are a range of levels or classes. */
function isShortRange([a, b]: [string, string]): boolean {
  return a.length <= 3 && a.length === b.length && /^\p{L}+\d+$/u.test(a) && a.replace(/\d/g, '') === b.replace(/\d/g, '');
}

// A unit after a run of numbers makes each a quantity: "40/55/75 min", "10/20/30 units".
const QUANTITY_UNIT_AFTER = /^[ \t]*(?:min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|wks?|weeks?|units?|mg|ml|mcg|%|percent|points?)\b/i;

/** Short numbers in a row with a unit after them: several quantities, no identifier. */
function isQuantityList(groups: readonly string[], after: string): boolean {
  return groups.every((g) => /^\d{1,3}$/.test(g)) && QUANTITY_UNIT_AFTER.test(after);
}

/** 1.2.3 or 10.2.1: a version or section number, not an identifier. */
function isVersionLike(token: string): boolean {
  return /^\d{1,2}(?:\.\d{1,2}){2,3}$/.test(token);
}

function flaggedWords(text: string, vocabulary: Vocabulary): Array<{ start: number; end: number }> {
  const words = [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, unknown: isUnknownWord(m[0], vocabulary) }));
  const dateLike = [...text.matchAll(PHI_PLACEHOLDER_PATTERN)].filter((m) => m[0] === '[REDACTED:date]' || m[0] === MASK_PLACEHOLDER);
  const flagged: Array<{ start: number; end: number }> = [];
  words.forEach((w, i) => {
    if (!w.unknown) return;
    const prev = words[i - 1];
    const next = words[i + 1];
    const nearWord = (o: typeof prev, gap: string) => o?.unknown && inOneCase(text.slice(o.start, o.end), text.slice(w.start, w.end)) && /^[ \t]*(?:\p{L}\.?[ \t]+)?$/u.test(gap);
    const nearDate = dateLike.some((d) => /^[\s,(–-]{0,3}$/.test(d.index >= w.end ? text.slice(w.end, d.index) : text.slice(d.index + d[0].length, w.start)));
    if ((prev && nearWord(prev, text.slice(prev.end, w.start))) || (next && nearWord(next, text.slice(w.end, next.start))) || nearDate) flagged.push(w);
  });
  return flagged;
}

/** A word that is not all capitals (a credential or acronym) and that the vocabulary check does not recognise. */
function isUnknownWord(word: string, vocabulary: Vocabulary): boolean {
  return word.length >= 2 && !isAcronym(word) && !vocabulary.isFamiliar(word);
}
