import { getWordNet } from '../lexicon/index.js';
import { scan } from './regex-scan.js';
import { cueWordKind } from './name-evidence.js';
import type { Vocabulary } from './vocabulary.js';
import type { PhiFinding } from './phi-types.js';

const SUFFIX =
  '(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Trail|Trl|Square|Sq|Loop|Pike|Row|Crescent|Alley|Plaza)';
const STREET_WORD = '(?:[A-Z][a-z]+|\\d{1,3}(?:st|nd|rd|th))';
// The secondary unit designators that take a number, from USPS Publication 28 (appendix C2).
const UNIT_WORD = '(?:Apt|Apartment|Unit|Suite|Ste|Floor|Fl|Building|Bldg|Room|Rm|Lot|Space|Spc|Trailer|Trlr|Department|Dept|Hangar|Hngr|Pier|Slip|Stop)';
const UNIT = `(?:,?\\s+(?:${UNIT_WORD}|#)\\.?\\s*#?\\s*[A-Za-z0-9-]+)`;
// City only when a state code follows, so a trailing clause (", Smith said")
// is not swallowed into the address.
const CITY_STATE_ZIP = '(?:,\\s*[A-Z][a-z]+(?:\\s[A-Z][a-z]+){0,2},?\\s+[A-Z]{2}(?:\\s+\\d{5}(?:-\\d{4})?)?(?![\\w]))';

// Case-sensitive on purpose: street names are capitalised, and this keeps
// "3 years of coding experience" or "40 hours a week" from ever matching.
const STREET = new RegExp(
  // "88-1021 Puuone St" (Hawaiian house numbers), "2300 Gulf Shore Blvd N #1104".
  `(?<![\\w$.,-])(?:\\d{1,3}-|[NSEW](?=\\d{3}))?\\d{1,6}[A-Z]?\\s+(?:(?:[NSEW]\\.?|North|South|East|West)\\s+)?(?:${STREET_WORD}\\s+){1,3}${SUFFIX}\\b\\.?(?:[ \\t]+[NSEW]{1,2}\\b\\.?)?${UNIT}?${CITY_STATE_ZIP}?`,
  'g',
);
// Street types written before the name, as Spanish, French, Italian and Portuguese do and as
// addresses in California, Florida, Louisiana, New Mexico and Puerto Rico keep them: "2100 Calle
// Real", "4418 Rue Bienville", "7 Chemin du Lac", "3306 Via Linda".
const PREFIX_TYPE = '(?:Calle|Camino|Paseo|Avenida|Via|Vía|Rue|Chemin|Strada|Rua|Carretera|Callejón|Callejon)';
const PARTICLE = '(?:de|del|de la|la|las|los|el|du|des|de l’|di|da|do|dos)';
const PREFIX_STREET = new RegExp(
  `(?<![\\w$.,-])[NSEW]?\\d{1,6}[A-Z]?\\s+${PREFIX_TYPE}\\s+(?:${PARTICLE}\\s+)?${STREET_WORD}(?:\\s+(?!${UNIT_WORD}\\b)${STREET_WORD}){0,2}\\b${UNIT}?${CITY_STATE_ZIP}?`,
  'g',
);
// "P.O. Box" in any case, but the ", City ST" tail case-sensitively, as for streets: a
// case-insensitive tail read ", born on Ma…" as a city and state.
const PO_BOX = new RegExp(`\\b[Pp]\\.?\\s?[Oo]\\.?\\s+[Bb][Oo][Xx]\\s+\\d+${CITY_STATE_ZIP}?`, 'g');
// A rural route box: "Rural Route 3 Box 40", "RR 2 Box 118", "HC 65 Box 12", "Rt 2 Box 114".
const RURAL_ROUTE = new RegExp(`\\b(?:[Rr]ural\\s+[Rr]oute|RR|HC|R[Tt][Ee]?\\.?|Route)\\s*\\d+,?\\s+[Bb]ox\\s+\\d+${CITY_STATE_ZIP}?`, 'g');

/** Finds US-style street addresses and PO boxes. */
export function detectAddresses(text: string): PhiFinding[] {
  return [...scan(text, STREET, 'address'), ...scan(text, PREFIX_STREET, 'address'), ...scan(text, UNIT_BEFORE_STREET, 'address'), ...scan(text, PO_BOX, 'address'), ...scan(text, RURAL_ROUTE, 'address')];
}

// A unit written before its street, as in the UK and on many forms: "Apt 9, 500 Lindell Blvd", "Flat 2, 14 Harcourt St".
const UNIT_BEFORE_STREET = /\b(?:Apt|Apartment|Unit|Suite|Ste|Flat)\.?[ \t]*#?[ \t]*[A-Za-z0-9-]{1,6}(?=,?[ \t]+\d{1,6}[A-Z]?[ \t]+\p{Lu})/gu;


const STATE_CODES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|VI|GU|MP';
// A ZIP code next to a state code, or behind a "ZIP" label (3-digit ZIP prefixes included:
// Safe Harbor removes them too). A bare five-digit number is a CPT code far more often.
const ZIP_AFTER_STATE = new RegExp(`\\b(?:${STATE_CODES})\\.?,?\\s+(?<v>\\d{5}(?:-\\d{4})?)(?![\\w-])`, 'gd');
// The label may be followed by a few words before its colon ("zip on reg: 97217").
const ZIP_LABEL = '(?:zip|zipcode|postal\\s+code)(?:\\s+code)?';
const ZIP_LABELLED = new RegExp(`\\b${ZIP_LABEL}(?:(?:\\s+[a-z]{2,8}){1,2}\\s*:)?\\s*(?:[:#]|is|was|of)?\\s*(?<v>\\d{3}(?:\\d{2})?(?:-\\d{4})?)(?![\\w-])`, 'gid');
// A full five-digit ZIP code after its label and where it is kept ("zip on file 08021", "zip in
// Epic 60614"), or right before the label ("60614 zip"). Only a place phrase may come between: "zip
// required for 99214 claims" names a procedure code.
const ZIP_LABEL_NEAR = new RegExp(`\\b${ZIP_LABEL}\\s+(?:on|in|from)\\s+[a-z]{2,8}\\s+(?<v>\\d{5}(?:-\\d{4})?)(?![\\w-])`, 'gid');
const ZIP_BEFORE_LABEL = new RegExp(`(?<![\\w$.,-])(?<v>\\d{5}(?:-\\d{4})?)\\s+${ZIP_LABEL}\\b`, 'gid');
// "lives in 02139": a ZIP code where a town would stand.
const ZIP_CUED = /\b(?:lives|living|resides|residing|moved)\s+(?:in|to)\s+(?<v>\d{5}(?:-\d{4})?)(?![\w-])/gid;
// British and Canadian postcodes, whose two halves have shapes no code set uses: "LS6 2AB", "SW1A 1AA", "K1A 0B1".
const POSTCODE = /(?<![\w-])(?:[A-Z]{1,2}\d[A-Z\d]?[ \t]\d[A-Z]{2}|[A-Z]\d[A-Z][ \t]\d[A-Z]\d)(?![\w-])/g;

// A town, city or county where a patient lives: "lives in Millbrook", "Harlan County",
// "resident of East Orange, NJ". Case-sensitive place words after the cue.
const PLACE = "\\p{Lu}[\\p{L}'’.-]+(?:[ \\t]+\\p{Lu}[\\p{L}'’.-]+){0,2}";
const PLACE_CUED = new RegExp(
  `\\b(?:[Ll]ives|[Ll]iving|[Rr]esides|[Rr]esiding|[Rr]esident|[Hh]ome)[ \\t]+(?:in|at|of|near|outside)[ \\t]+(?:the[ \\t]+)?(?<v>${PLACE}(?:,[ \\t]*(?:${STATE_CODES})\\b)?)`,
  'gdu',
);
const COUNTY = /\b(?<v>\p{Lu}\p{L}+(?:[ \t]\p{Lu}\p{L}+)?[ \t](?:County|Parish|Borough|Township))\b/gdu;
// "County: Westchester" on a demographics screen.
const COUNTY_LABELLED = /\b(?:County|Parish|Borough)[ \t]*:[ \t]*(?<v>\p{Lu}\p{L}+(?:[ \t]\p{Lu}\p{L}+)?)/gdu;
// "Dayton, OH", or "Dayton OH" when a ZIP code follows.
const CITY_STATE = new RegExp(`(?<v>\\b\\p{Lu}\\p{Ll}+(?:[ \\t]\\p{Lu}\\p{Ll}+){0,2}(?:,[ \\t]*(?:${STATE_CODES})\\b|[ \\t]+(?:${STATE_CODES})(?=[ \\t]+\\d{5}(?:-\\d{4})?(?![\\w-]))))`, 'gdu');

// A town written without its state: "Kalamazoo 49008" (a place WordNet knows, then a ZIP code),
// or "Bethel AK" (a capitalised word and a state code, no comma: codes that are also credentials
// or words, such as MD, PA, MA, OR, IN, are left out of this form).
const TOWN_ZIP = /(?<![\p{L}-])(?<v>\p{Lu}\p{Ll}+(?:[ \t-]\p{Lu}\p{Ll}+)?),?[ \t]+(?<zip>\d{5}(?:-\d{4})?)(?![\w-]|[.,]\d)/gdu;
const PLAIN_STATE_CODES = STATE_CODES.split('|').filter((c) => !['MD', 'PA', 'MA', 'OR', 'IN', 'ME', 'OK', 'HI', 'ID', 'DE', 'CO', 'DC', 'VI'].includes(c)).join('|');
const TOWN_STATE = new RegExp(`(?<v>\\b\\p{Lu}\\p{Ll}+(?:[ \\t]\\p{Lu}\\p{Ll}+)?)[ \\t]+(?:${PLAIN_STATE_CODES})(?![\\w-])`, 'gdu');
const ZIP_AFTER = /^,?[ \t]+(\d{5}(?:-\d{4})?)(?![\w-]|[.,]\d)/;

/**
 * Towns and their ZIP codes written without a state ("Kalamazoo 49008"): the town must be a place in
 * WordNet, or (`nearStreet`) any capitalised word that is no sentence or guide word, in a message that
 * gives a street address ("213 S Main St, Lodi 95240").
 */
export function detectTownsWithZip(text: string, nearStreet = false, vocabulary?: Vocabulary): PhiFinding[] {
  const found: PhiFinding[] = [];
  for (const m of text.matchAll(TOWN_ZIP)) {
    const town = m.groups?.v ?? '';
    const anyTown = nearStreet && vocabulary !== undefined && !isStateOrCountry(town) && town.split(/[ \t-]/).every((w) => !isSentenceWord(w, vocabulary));
    if (!isTown(town) && !anyTown) continue;
    const [start, end] = m.indices!.groups!.v!;
    const [zipStart, zipEnd] = m.indices!.groups!.zip!;
    found.push({ kind: 'address', start, end }, { kind: 'zip', start: zipStart, end: zipEnd });
  }
  return found;
}

// A town WordNet knows only as a place, named in a message already holding patient data, after
// "in", "from", "at" or "near", or set off by commas or a postcode after it: "from Casablanca",
// "the wrong address in Sioux Falls", "Leeds LS6 2AB". States and countries are no such unit.
const TOWN_IN_CASE = /(?<=\b(?:in|from|at|near|to|of),?[ \t]+|,[ \t]*)(?<v>\p{Lu}\p{Ll}+(?:[ \t]\p{Lu}\p{Ll}+)?)(?=[ \t]*(?:[,.;:()]|$|\n|[ \t][A-Z]{1,2}\d)|[ \t]+(?:and|for|with|to)\b)/gdu;

/** Towns WordNet knows, in a message about a case (the caller decides): see TOWN_IN_CASE. */
export function detectTownsInCase(text: string): PhiFinding[] {
  return scan(text, TOWN_IN_CASE, 'address', (v) => isTown(v) && isCityNotRegion(v));
}

/** A kind of city or town in WordNet, and of no country, state or province ("Leeds", not "Colombia"). */
function isCityNotRegion(place: string): boolean {
  const wordnet = getWordNet();
  return wordnet.isKindOf(place, ['city', 'town', 'municipality', 'village'], 3) && !wordnet.isKindOf(place, ['country', 'state', 'province'], 3);
}

/** "Bethel AK" without a comma, in a chart-like message. */
export function detectTownsBeforeStates(text: string, vocabulary: Vocabulary): PhiFinding[] {
  return scan(text, TOWN_STATE, 'address', (v) => !isSentenceWord(v.split(/[ \t]/)[0] ?? '', vocabulary) && !isStateOrCountry(v));
}

/** A ZIP code right after a found street, town or county ("Cuyahoga County, 44106"). */
export function detectZipsAfterPlaces(text: string, places: readonly PhiFinding[]): PhiFinding[] {
  const found: PhiFinding[] = [];
  for (const place of places) {
    const m = ZIP_AFTER.exec(text.slice(place.end, place.end + 16));
    if (m) found.push({ kind: 'zip', start: place.end + m[0].length - m[1]!.length, end: place.end + m[0].length });
  }
  return found;
}

/** A label, function or calendar word ("The", "DOB", "March"), or a guide's word: no town's first word. */
function isSentenceWord(word: string, vocabulary: Vocabulary): boolean {
  return cueWordKind(word, vocabulary) === 'stop' || vocabulary.isKnown(word);
}

function isTown(word: string): boolean {
  const wordnet = getWordNet();
  return !isStateOrCountry(word) && wordnet.isProperNounOnly(word) && wordnet.nounClasses(word, 3).includes('noun.location');
}

/** Finds ZIP codes (next to a state code or behind a ZIP label) and British and Canadian postcodes. */
export function detectZips(text: string): PhiFinding[] {
  return [
    ...scan(text, ZIP_AFTER_STATE, 'zip'),
    ...scan(text, ZIP_LABELLED, 'zip'),
    ...scan(text, ZIP_LABEL_NEAR, 'zip'),
    ...scan(text, ZIP_BEFORE_LABEL, 'zip'),
    ...scan(text, ZIP_CUED, 'zip'),
    ...scan(text, POSTCODE, 'zip'),
    ...zipsInZipSentences(text),
  ];
}

// "zip mismatch, we have 08817 and the payer has 088171234": in a sentence about a ZIP code, the
// numbers after the label that no code shares the shape of are ZIP codes: nine digits, ZIP+4, or
// five with a leading zero past the anesthesia codes (00100–01999); "zip … for 99214 claims" is a code.
const ZIP_SENTENCE = new RegExp(`\\b${ZIP_LABEL}\\b[^.?!\\n]{0,80}`, 'gi');
const ZIP_VALUE = /(?<![\w$.,/-])(?:0[2-9]\d{3}(?:-?\d{4})?|\d{5}-?\d{4})(?![\w/-]|[.,]\d)/g;

function zipsInZipSentences(text: string): PhiFinding[] {
  return [...text.matchAll(ZIP_SENTENCE)].flatMap((sentence) =>
    [...sentence[0].matchAll(ZIP_VALUE)].map((z) => ({ kind: 'zip' as const, start: sentence.index + z.index, end: sentence.index + z.index + z[0].length })),
  );
}

/**
 * Finds places smaller than a state where someone lives: behind a "lives in"/"from" cue, a
 * county, or (in a chart-like message only) any "City, ST".
 */
export function detectPlaces(text: string, chartLike: boolean, vocabulary: Vocabulary): PhiFinding[] {
  const cued = scan(text, PLACE_CUED, 'address', (v) => !isStateOrCountry(v) && !isSentenceWord(v.split(/[ \t,]/)[0] ?? '', vocabulary));
  const places = [...cued, ...scan(text, COUNTY, 'address'), ...scan(text, COUNTY_LABELLED, 'address', (v) => !isStateOrCountry(v))];
  return chartLike ? [...places, ...scan(text, CITY_STATE, 'address')] : places;
}

/** US states (in one word or two) and a few countries: state-wide places, which Safe Harbor keeps. */
const STATES_AND_COUNTRIES = new Set([
  ...`alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming
  america usa canada mexico india philippines china`.split(/\s+/),
  ...['new hampshire', 'new jersey', 'new mexico', 'new york', 'north carolina', 'north dakota', 'rhode island', 'south carolina', 'south dakota', 'west virginia'],
]);

const normalised = (value: string) => value.trim().replace(/\s+/g, ' ').toLowerCase();

/** True when a found "name" is a two-word US state: never a person ("anybody from North Carolina?"). */
export function isTwoWordState(value: string): boolean {
  const place = normalised(value);
  return place.includes(' ') && STATES_AND_COUNTRIES.has(place);
}

function isStateOrCountry(value: string): boolean {
  return STATES_AND_COUNTRIES.has(normalised(value));
}
