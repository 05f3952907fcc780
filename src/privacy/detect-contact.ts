import { digitCount, scan } from './regex-scan.js';
import type { PhiFinding } from './phi-types.js';

// Emails, phone numbers and SSNs are flagged wherever they appear: the guard
// cannot tell whose number it is, and redacting an office's phone number in a
// career question costs nothing.

// OCR and typing slip a space in after the "@" ("joellenb@ gmail.com").
const EMAIL = /(?<![\w.%+-])[A-Za-z0-9._%+-]+@[ \t]?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// An address read out or dictated ("jr dot fontaine at gmail dot com", "mary underscore k at
// yahoo dot co dot uk"): words joined by spoken punctuation, "at", then a domain ending in "dot"
// and a top-level domain.
const SPOKEN_PART = '[A-Za-z0-9]+(?:[ \\t]+(?:dot|underscore|dash|hyphen)[ \\t]+[A-Za-z0-9]+)*';
const SPOKEN_EMAIL = new RegExp(`(?<![\\w.])${SPOKEN_PART}[ \\t]+at[ \\t]+[A-Za-z0-9]+(?:[ \\t]+dot[ \\t]+[A-Za-z0-9]+)*[ \\t]+dot[ \\t]+(?:com|net|org|edu|gov|us|[a-z]{2}\\b)(?!\\w)`, 'gi');

// Separators are required so that long codes, claim amounts or year ranges
// ("2019-2023", "99202-99215") can never look like a phone number. A number
// glued to a word is refused ("A555-201-3344" reads as a code), except when it
// opens with an area code in parentheses, or after a letter when it opens with
// "+" or a separator divides them: "John Smith(555) 201-3344",
// "jsmith@example.com(555) 201-3344", "Smith-555-201-3344".
const PHONE_FORMATTED =
  /(?:(?<![\w$.,/-])|(?=\()|(?<=\p{L}[.,/-]?)(?=\+)|(?<=\p{L}[.,/-]))(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}(?:[\s.-]|[ \t]-[ \t]?|-[ \t])\d{4}(?![\w-]|[.,]\d)/gu;
const PHONE_LABELLED =
  /\b(?:phone|tel|telephone|cell|mobile|ph|call|text|contact|number|reply(?:\s+to)?|at)\b\.?\s*(?:#|:|is|at)?\s*(?<v>\d{10})(?!\d)/gid;

// Groups joined by dashes, spaces or middle dots ("627·14·3390", as some cards print them).
const SSN_FORMATTED = /(?<![\w$.,/-])\d{3}([- ·])\d{2}\1\d{4}(?![\w-]|[.,]\d)/g;
/** The words that announce an SSN, as a regex source (also never name words, see label-words.ts). */
export const SSN_LABEL_SOURCE = '\\b(?:SSN|SS#|SS\\s?No\\.?|social\\s+security(?:\\s+(?:number|no\\.?|num|#))?)';
const SSN_LABELLED = new RegExp(
  `${SSN_LABEL_SOURCE}\\s*(?:#|:|is|was|-)?\\s*(?<v>\\d{3}[- .]?\\d{2}[- .]?\\d{4})(?!\\d)`,
  'gid',
);
// Partial or masked SSNs still narrow a person down: "SSN ending 6789", "xxx-xx-6789", "last 4 of SSN 6789".
const SSN_PARTIAL =
  /(?<v>\b[xX*]{3}-?[xX*]{2}-?\d{4}\b)|\b(?:SSN|social(?:\s+security)?)\b[^.\n\d]{0,20}?(?:ending|last\s*(?:4|four))?[^.\n\d]{0,10}?(?<w>(?<!\d)\d{4})(?!\d)/gid;

// An international number: "+" or a dialled exit code ("011 82 …" from North America, "00 44 …"
// elsewhere) and a country code, then digit groups (8 to 15 digits in all, E.164).
const PHONE_INTERNATIONAL = /(?:(?<![\w+])\+|(?<![\w.,/+-])0(?:11|0)[\s.-])(?!1[\s.-]?\(?\d{3})\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}(?![\w-]|[.,]\d)/g;
const EXIT_CODE = /^0(?:11|0)[\s.-]/;
// A payment card: 13 to 19 digits in groups (space or dash), four groups of four or any grouping
// that passes the Luhn check.
const CARD = /(?<![\w$.,/-])\d{4}(?:([ -])\d{4}){2}\1\d{1,7}(?![\w-]|[.,]\d)/g;
const FOUR_BY_FOUR = /^\d{4}([ -])\d{4}\1\d{4}\1\d{4}$/;
// American Express and Diners Club group their 15 or 14 digits 4-6-5 and 4-6-4; the Luhn check decides.
const CARD_FOUR_SIX = /(?<![\w$.,/-])\d{4}([ -])\d{6}\1\d{4,5}(?![\w-]|[.,]\d)/g;

// The last four digits of a card still narrow a person down: "paid by card ending in 4417".
const CARD_ENDING = /\b(?:card|visa|mastercard|amex|discover|debit|credit)\b[^.\n\d]{0,20}?\b(?:ending|last\s*(?:4|four))(?:\s+(?:in|with|of))?[\s:#]*(?<v>\d{4})(?!\d)/gid;

/** Finds payment card numbers, whole or by their last four digits. */
export function detectCards(text: string): PhiFinding[] {
  const luhn = (v: string) => passesLuhn(v.replace(/\D/g, ''));
  return [...scan(text, CARD, 'account', (v) => FOUR_BY_FOUR.test(v) || luhn(v)), ...scan(text, CARD_FOUR_SIX, 'account', luhn), ...scan(text, CARD_ENDING, 'account')];
}

function passesLuhn(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Finds email addresses. */
export function detectEmails(text: string): PhiFinding[] {
  return [...scan(text, EMAIL, 'email', (v) => !v.startsWith('.')), ...scan(text, SPOKEN_EMAIL, 'email', isSpokenEmail)];
}

/**
 * A dictated address spells punctuation or holds digits before the "at" ("jr dot fontaine",
 * "rosie44"): a plain word there is a sentence ("reach me at gmail dot com", "support at …").
 */
function isSpokenEmail(value: string): boolean {
  const local = value.slice(0, value.search(/[ \t]at[ \t]/i));
  return /\b(?:dot|underscore|dash|hyphen)\b/i.test(local) || /\d/.test(local);
}

const EXTENSION = /^[ \t]*(?:x|ext\.?|extension)[ \t]*\d{1,6}(?!\d)/i;

/** "(402) 555-0131 x204": the extension is part of the number. */
function withExtension(text: string, phone: PhiFinding): PhiFinding {
  const m = EXTENSION.exec(text.slice(phone.end, phone.end + 20));
  return m ? { ...phone, end: phone.end + m[0].length } : phone;
}

/** Finds phone numbers: North American ones formatted or labelled, international ones with their "+". */
export function detectPhones(text: string): PhiFinding[] {
  const formatted = scan(text, PHONE_FORMATTED, 'phone', hasPlausibleAreaCode);
  const international = scan(text, PHONE_INTERNATIONAL, 'phone', (v) => {
    const digits = digitCount(v.replace(EXIT_CODE, ''));
    return digits >= 8 && digits <= 15;
  });
  const spelled = scan(text, SPELLED_DIGITS, 'phone', (v) => PHONE_LENGTHS.has(v.match(SPELLED_DIGIT)!.length));
  return [...formatted, ...international, ...spelled, ...scan(text, PHONE_LABELLED, 'phone', hasPlausibleAreaCode)].map((p) => withExtension(text, p));
}

// A number read out digit by digit, as dictation spells it: "four one five, five five five, zero one
// nine one". Seven digits or more in a row are said of nothing else in career talk.
const DIGIT_WORD = '(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)';
const SPELLED_DIGIT = new RegExp(`\\b${DIGIT_WORD}\\b`, 'gi');
const SPELLED_DIGITS = new RegExp(`\\b${DIGIT_WORD}(?:[ \\t]*[,-]?[ \\t]+${DIGIT_WORD}){6,}\\b`, 'gi');
/** A local number, one with its area code, one with the country code too. */
const PHONE_LENGTHS = new Set([7, 10, 11]);

// A fax label shortly before a phone-shaped number makes it a fax number.
const FAX_LABEL = /\b(?:fax|facsimile|fx)\b/gi;

/** Finds fax numbers: a phone number found within a few words after "fax". */
export function detectFaxes(text: string, phones: readonly PhiFinding[]): PhiFinding[] {
  const faxes: PhiFinding[] = [];
  for (const label of text.matchAll(FAX_LABEL)) {
    const labelEnd = label.index + label[0].length;
    const next = phones.find((p) => p.start >= labelEnd && p.start - labelEnd <= 16 && !/[.;?!\n]/.test(text.slice(labelEnd, p.start)));
    if (next) faxes.push({ kind: 'fax', start: next.start, end: next.end });
  }
  return faxes;
}

/** Finds US social security numbers, formatted or labelled. */
export function detectSsns(text: string): PhiFinding[] {
  const partial: PhiFinding[] = [];
  for (const m of text.matchAll(SSN_PARTIAL)) {
    const span = m.indices?.groups?.v ?? m.indices?.groups?.w;
    if (span) partial.push({ kind: 'ssn', start: span[0], end: span[1] });
  }
  return [...scan(text, SSN_FORMATTED, 'ssn', isPlausibleSsn), ...scan(text, SSN_LABELLED, 'ssn', isPlausibleSsn), ...partial];
}

// NANP area codes never start with 0 or 1; this rejects e.g. "100 200 3000".
function hasPlausibleAreaCode(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  const national = digits.length === 11 ? digits.slice(1) : digits;
  return national.length === 10 && /^[2-9]/.test(national);
}

// All-zero groups are never issued; they show up as format examples
// ("000-00-0000"), which are not patient data.
function isPlausibleSsn(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  if (digitCount(value) !== 9) return false;
  return !digits.startsWith('000') && digits.slice(3, 5) !== '00' && !digits.endsWith('0000');
}
