// Regex source fragments for calendar dates. Kept apart from the detectors so
// the (long) alternations are written once and the detectors stay readable.

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const YEAR = '(?:19|20)\\d{2}';

/** 03/14/1962, 3-14-62, 03.14.1962 (month/day order is not checked). */
const NUMERIC = '\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})(?!\\d)';
/** 1962-03-14 */
const ISO = `${YEAR}-\\d{2}-\\d{2}(?!\\d)`;
/** March 3, 1980 / Mar 3rd 1980 / March 3 */
const MONTH_DAY_YEAR = `${MONTH}\\s+${DAY}(?:,?\\s+${YEAR})?(?!\\d)`;
/** 3 March 1980 / 3rd of March, 1980 */
const DAY_MONTH_YEAR = `${DAY}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+${YEAR})?(?!\\d)`;
/** March 1980: month and year still narrow a birth date beyond the year alone. */
const MONTH_YEAR = `${MONTH}\\s+${YEAR}(?!\\d)`;

/**
 * Any date precise enough to be PHI when it is a birth date. A bare year is
 * not included: HIPAA Safe Harbor allows the year on its own.
 */
export const DATE_SOURCE = `(?:${ISO}|${NUMERIC}|${MONTH_DAY_YEAR}|${DAY_MONTH_YEAR}|${MONTH_YEAR})`;
