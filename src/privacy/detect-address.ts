import { scan } from './regex-scan.js';
import type { PhiFinding } from './phi-types.js';

const SUFFIX =
  '(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Trail|Trl|Square|Sq|Loop|Pike|Row|Crescent|Alley|Plaza)';
const STREET_WORD = '(?:[A-Z][a-z]+|\\d{1,3}(?:st|nd|rd|th))';
const UNIT = '(?:,?\\s+(?:Apt|Apartment|Unit|Suite|Ste|#)\\.?\\s*#?\\s*[A-Za-z0-9-]+)';
// City only when a state code follows, so a trailing clause (", Smith said")
// is not swallowed into the address.
const CITY_STATE_ZIP = '(?:,\\s*[A-Z][a-z]+(?:\\s[A-Z][a-z]+){0,2},?\\s+[A-Z]{2}(?:\\s+\\d{5}(?:-\\d{4})?)?(?![\\w]))';

// Case-sensitive on purpose: street names are capitalised, and this keeps
// "3 years of coding experience" or "40 hours a week" from ever matching.
const STREET = new RegExp(
  `(?<![\\w$.,-])\\d{1,6}[A-Z]?\\s+(?:(?:[NSEW]\\.?|North|South|East|West)\\s+)?(?:${STREET_WORD}\\s+){1,3}${SUFFIX}\\b\\.?${UNIT}?${CITY_STATE_ZIP}?`,
  'g',
);
// "P.O. Box" in any case, but the ", City ST" tail case-sensitively, as for streets: a
// case-insensitive tail read ", born on Ma…" as a city and state.
const PO_BOX = new RegExp(`\\b[Pp]\\.?\\s?[Oo]\\.?\\s+[Bb][Oo][Xx]\\s+\\d+${CITY_STATE_ZIP}?`, 'g');

/** Finds US-style street addresses and PO boxes. */
export function detectAddresses(text: string): PhiFinding[] {
  return [...scan(text, STREET, 'address'), ...scan(text, PO_BOX, 'address')];
}

