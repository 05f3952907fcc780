// Regex source fragments for calendar dates. Kept apart from the detectors so
// the (long) alternations are written once and the detectors stay readable.

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![a-z])\\.?';
/** A weekday, short or in full ("Thurs", "Wednesday", "Sat"). */
export const WEEKDAY = '(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur|Sun)(?:day)?';
/** A month or weekday name on its own ("March", "Thurs"): never part of a name. */
export const CALENDAR_WORD = new RegExp(`^(?:${MONTH}|${WEEKDAY})$`, 'i');
// A day written as an ordinal word ("June twenty-first", "the third of March").
const UNIT_ORDINAL = '(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)';
export const SPELLED_DAY = `(?:${UNIT_ORDINAL}|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|thirty[- ]first|twenty[- ]${UNIT_ORDINAL})(?![\\w-])`;
const NUMBERED_DAY = '(?<![\\d.,])(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?';
const DAY = `(?:${NUMBERED_DAY}|${SPELLED_DAY})`;
const YEAR = '(?:19|20)\\d{2}';

/**
 * 03/14/1962, 3-14-62, 03.14.1962, 14/03/1962 (month/day order is not checked, but both are a
 * day of some month: "40/55/75 min" is three durations). One separator throughout: "H/H 9.1/27"
 * is two lab values.
 */
// A comma opens a date only as a field separator ("liu, jian,4-6-71,99285"), never after a digit ("1,4-6-71").
const NUMERIC = '(?<![\\d./-]|\\d,)(?:0?[1-9]|[12]\\d|3[01])(?<numSep>[/.-])(?:0?[1-9]|[12]\\d|3[01])\\k<numSep>(?:\\d{4}|\\d{2})(?![\\d/])';
/** 1962-03-14, 1962/03/14, 1962.03.14 */
const ISO = `(?<![\\d.-])${YEAR}(?<isoSep>[-/.])\\d{2}\\k<isoSep>\\d{2}(?![\\d.]\\d|\\d)`;
/** 3.XI.1949: a Roman-numeral month, as European records write it. */
const ROMAN_MONTH = `(?<![\\d.,/-])\\d{1,2}(?<romanSep>[./-])(?:XI{0,2}|I{1,3}|IV|VI{0,3}|IX)\\k<romanSep>(?:\\d{4}|\\d{2})(?![\\d/])`;
/** March 3, 1980 / Mar 3rd 1980 / March 3 / Mar. 3rd, '80 / June twenty-first, 1932 */
const MONTH_DAY_YEAR = `\\b${MONTH}\\s+${DAY}(?:,?\\s+(?:${YEAR}|'\\d{2}))?(?![\\d:])`;
/** 3 March 1980 / 3rd of March, 1980 / 03-Mar-1980 / the third of March */
// A spelled day needs its "of" before the month: "a second may be needed" is no date.
const DAY_MONTH_YEAR = `\\b(?:${NUMBERED_DAY}(?:\\s+(?:of\\s+)?|-)|${SPELLED_DAY}\\s+of\\s+)${MONTH}(?:(?:,?\\s+|-)(?:${YEAR}|\\d{2}))?(?!\\d)`;
/** March 1980: month and year still narrow a date beyond the year alone. */
const MONTH_YEAR = `\\b${MONTH}\\s+(?:of\\s+)?${YEAR}(?!\\d)`;
/**
 * 4/5 (month/day without a year): a date element only behind a date label. No digit may follow
 * the day: "4/12" is the 12th, never "4/1" with a "2" left over in the clear.
 */
export const MONTH_DAY_NUMERIC = '(?<![\\d.,/-])(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\\d|3[01])(?!\\d)(?![/.,]\\d)';

/**
 * Dates as Spanish, Portuguese and French write them ("el sábado 3 de mayo", "14 de marzo de
 * 1958", "12 de janeiro", "3 février 1941"), and as Chinese, Japanese and Korean do
 * ("1961年8月9日", "1961년 8월 9일"): patients' families write in their own language.
 */
const ROMANCE_MONTH = '(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|sept?iembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|abril|maio|junho|julho|setembro|outubro|novembro|dezembro|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)';
const ROMANCE_WEEKDAY = '(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo|(?:segunda|terça|quarta|quinta|sexta)(?:-feira)?|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)';
const ROMANCE_DATE = `(?:${ROMANCE_WEEKDAY}[ \\t]+)?(?<![\\d.,/-])(?:0?[1-9]|[12]\\d|3[01])(?:º|°|er)?[ \\t]+(?:de[ \\t]+)?${ROMANCE_MONTH}(?![a-zà-ÿ])(?:[ \\t]+(?:de(?:l)?[ \\t]+)?${YEAR})?`;
const CJK_DATE = `${YEAR}[ \\t]*[年년][ \\t]*\\d{1,2}[ \\t]*[月월][ \\t]*\\d{1,2}[ \\t]*[日일]`;

/**
 * Any date more precise than a year. A bare year is not included: HIPAA Safe
 * Harbor allows the year on its own.
 */
export const DATE_SOURCE = `(?:${ISO}|${ROMAN_MONTH}|${NUMERIC}|${MONTH_DAY_YEAR}|${DAY_MONTH_YEAR}|${MONTH_YEAR}|${ROMANCE_DATE}|${CJK_DATE})`;
