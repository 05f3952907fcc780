import { isCodeRange, isMedicalCodeShape, isShortAmount, isYearLike } from './code-shapes.js';
import { digitCount } from './regex-scan.js';
import type { PhiFinding, PhiKind } from './phi-types.js';
import type { Vocabulary } from './vocabulary.js';

// Record, plan, account, licence, vehicle, device and other numbers. A coding
// question is full of numbers that are not identifiers (99213, E11.9, $52,000,
// 2019-2023), so a number is claimed when a label says what it is, or when its
// shape is one no code, amount or year has (an MBI, a VIN, a long digit run).

const ID_WORD = '(?:numbers?|nums?|nbr|no\\.?|#|ids?|identifiers?)';
const SEP = '\\s*(?:[:#=]|is|was|of)?\\s*(?:' + ID_WORD + ')?\\s*[:#=]?\\s*';

/** Label families, most specific first: the first family whose label precedes a value names it. */
const FAMILIES: ReadonlyArray<{ kind: PhiKind; labels: string[]; minDigits: number; codesAllowed?: boolean }> = [
  {
    kind: 'certificate_license',
    labels: [
      `\\b(?:driver'?s?\\s+)?licen[cs]e(?:\\s*${ID_WORD})?`,
      '\\blic\\.?\\s*#',
      `\\b(?:DL|DEA|NPI|CDL)\\b`,
      `\\b(?:birth|death|marriage)\\s+certificate(?:\\s*${ID_WORD})?`,
      `\\bcert(?:ificate|ification)?\\s*${ID_WORD}`,
      `\\bcredential\\s*${ID_WORD}`,
      `\\bpassport(?:\\s*${ID_WORD})?`,
    ],
    minDigits: 3,
    codesAllowed: true,
  },
  {
    kind: 'vehicle',
    labels: ['\\b(?:license|licence)\\s+plate(?:\\s*' + ID_WORD + ')?', `\\bplate\\s*${ID_WORD}?`, `\\b(?:tag|vehicle)\\s*${ID_WORD}?`, '\\bVIN\\b'],
    minDigits: 1,
    codesAllowed: true,
  },
  {
    kind: 'device',
    codesAllowed: true,
    labels: [`\\bserial(?:\\s*${ID_WORD})?`, '\\bS/?N\\b', `\\bdevice\\s*${ID_WORD}`, '\\bUDI\\b', `\\b(?:implant|pacemaker|pump|defibrillator|ICD|monitor)\\s+(?:serial|${ID_WORD})`, '\\bIMEI\\b', '\\bMAC\\s+address'],
    minDigits: 3,
  },
  // "transmitter 8GM4RK": a device part's bare word before its number; a code after it stays ("sensor 95250").
  { kind: 'device', labels: ['\\b(?:transmitter|sensor|receiver|generator)\\b'], minDigits: 3 },
  {
    kind: 'health_plan_id',
    labels: [
      `\\b(?:member|subscriber|policy|policyholder|group|insurance|plan|beneficiary|medicaid|medicare|medi-cal|tricare|payer|payor)\\s*${ID_WORD}`,
      '\\b(?:MBI|HICN|HIC|RxBIN|RxPCN|RxGrp)\\b',
    ],
    minDigits: 3,
    codesAllowed: true,
  },
  // "member W 1049 2287 301": the bare word, when a long number follows.
  { kind: 'health_plan_id', labels: ['\\b(?:member|subscriber)\\b'], minDigits: 6 },
  // A payer's name alone is a weaker label ("Medicare 99397"): a code after it stays.
  { kind: 'health_plan_id', labels: ['\\b(?:medicaid|medicare|medi-cal)\\b'], minDigits: 3 },
  {
    kind: 'account',
    labels: [
      `\\b(?:acct|account|billing|guarantor|patient\\s+account|invoice|statement|claim|visit|encounter|FIN|HAR|CSN)\\s*${ID_WORD}`,
      '\\bacct\\b\\.?',
      '\\b(?:FIN|HAR|CSN)\\b',
    ],
    minDigits: 3,
    codesAllowed: true,
  },
  // "account 7730-0192-44": the bare word, when a long number follows (whatever its shape).
  { kind: 'account', labels: ['\\b(?:account|statement|invoice)\\b'], minDigits: 6, codesAllowed: true },
  {
    kind: 'mrn',
    labels: [
      '\\bMRN\\b',
      '\\bMR\\s?#',
      `\\bmed(?:ical)?\\s+rec(?:ord)?s?(?:\\s*${ID_WORD})?`,
      `\\b(?:chart|patient|pt|hospital|unit|EMR|EHR|EPI|enterprise)\\s*${ID_WORD}`,
    ],
    minDigits: 3,
    codesAllowed: true,
  },
  {
    kind: 'other_id',
    labels: [
      `\\b(?:case|accession|specimen|sample|order|requisition|lab|employee|student|badge|reference|ref|confirmation|ticket|tracking|booking|record)\\s*${ID_WORD}`,
      '\\bID\\b',
    ],
    minDigits: 3,
  },
  // Room and bed numbers are short, and may look like a code ("room 412"): the label decides.
  { kind: 'other_id', labels: ['\\b(?:room|rm|bed)\\s*#?'], minDigits: 1, codesAllowed: true },
];

// A portal or system user name ("portal username bjorn.l1952"): dots and underscores are part of
// the value, which needs one of them or a digit to be more than a word.
const USERNAME = /\b(?:user\s?name|login|user\s?id|screen\s?name)\b[\s:#]*(?:is\s+)?(?<v>[A-Za-z0-9][\w.-]{1,40}[A-Za-z0-9])(?![\w@])/gid;
// "user rdupree58", "account cmarchand44": after the bare word, only a handle's shape (letters, then digits).
const BARE_HANDLE = /\b(?:user|account|acct)\s+(?<v>[A-Za-z][A-Za-z._]{2,30}\d{1,6})(?![\w@-]|\.\w)/gid;

/** Every label above, as regex sources: words a name detector must never read as a name ("dob", "mrn"). */
export const IDENTIFIER_LABEL_SOURCES: readonly string[] = FAMILIES.flatMap((f) => f.labels);

// Value: one token of letters/digits/dashes (dots or spaces between digit groups allowed),
// at most 32 characters.
const VALUE = '(?<v>[A-Za-z0-9](?:[A-Za-z0-9-]|[ .](?=\\d{2})){0,30}[A-Za-z0-9]|\\d)(?![\\w-]|\\.\\w)';
const LABELLED = FAMILIES.map((family) => ({
  ...family,
  pattern: new RegExp(`(?:${family.labels.join('|')})${SEP}${VALUE}`, 'gid'),
}));

// Medicare Beneficiary Identifier: 11 characters in a fixed letter/digit layout, dashes optional.
const L = '[AC-HJKMNP-RT-Y]';
const MBI = new RegExp(`(?<![\\w-])[1-9]${L}[${L.slice(1, -1)}0-9]\\d-?${L}[${L.slice(1, -1)}0-9]\\d-?${L}{2}\\d{2}(?![\\w-])`, 'gi');
// Vehicle identification number: 17 characters without I, O or Q.
const VIN = /(?<![\w-])(?=[A-HJ-NPR-Z0-9]{17}(?![\w-]))(?=(?:[^\d\s]*\d){4})(?=(?:[\d]*[A-HJ-NPR-Z]){2})[A-HJ-NPR-Z0-9]{17}/gi;
// GS1 unique device identifier: "(01)00884521063914(17)261231".
const UDI = /\(\d{2}\)[0-9A-Za-z]{2,20}(?:\(\d{2,4}\)[0-9A-Za-z]{1,20})*/g;
// Any other token with digits, for the shape check below; a letter prefix may be glued on with
// a dot or a hash ("LPN.0047718", "AUTH#8834102").
const ID_TOKEN = /(?<![\w$€£.,/-])(?:[A-Za-z]{2,}[.#](?=\d))?[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*(?![\w/-]|[.,]\d)/g;
// A plate behind its label, written with spaces and maybe a state code: "plate 7ABC 123",
// "plate CA 8RTX552", "boat registration FL 4471 KX", "vessel reg FL 4412 KM". Groups in capitals and digits only.
// "plate of the car LKP 3390" names the vehicle between; a bare "registration" counts only with letters and digits after it.
const PLATE = /\b(?:[Pp]late(?:[ \t]+(?:of|on|for)[ \t]+(?:the|his|her|their|a|an)[ \t]+[a-z]+)?|[Tt]ag|(?:[Bb]oat|[Vv]ehicle|[Cc]ar|[Vv]essel)[ \t]+[Rr]eg(?:istration|\.)?|[Rr]egistration)(?:[ \t]*(?:#|[Nn]o\.?|[Nn]umber))?[ \t]*:?[ \t]*(?<v>(?:[A-Z]{2}[ \t]+)?[A-Z0-9]{1,8}(?:[ \t-][A-Z0-9]{1,8}){0,2})(?![\w-])/dg;

/**
 * Enough digits for a value behind a label: `minDigits`, or digits in two or more runs through a
 * token of six or more letters and digits, as device and transmitter ids are written
 * ("transmitter ID 8H4KLZ"); a name with a number in it ("ICD10CM") has one run.
 */
function hasIdDigits(value: string, minDigits: number): boolean {
  return digitCount(value) >= minDigits || isInterleaved(value);
}

/** Letters and digits interleaved over six or more characters, the digits in two or more runs ("8GM4RK"): a serial, not a word or a code name ("ICD10CM"). */
export function isInterleaved(token: string): boolean {
  return /^[A-Za-z0-9]{6,}$/.test(token) && (token.match(/\d+/g) ?? []).length >= 2;
}

/** A plate of letters only behind the word "plate", dashed as plates are ("WHT-LILY"); "tag" is too common a word. */
function isVanityPlate(match: string, value: string): boolean {
  return /^[Pp]late/.test(match) && /^[A-Z]{2,}(?:-[A-Z]{2,})+$/.test(value);
}

/** Finds labelled identifiers of every number family (see FAMILIES). */
export function detectLabelledIdentifiers(text: string): PhiFinding[] {
  const found: PhiFinding[] = [];
  for (const { kind, pattern, minDigits, codesAllowed } of LABELLED) {
    for (const m of text.matchAll(pattern)) {
      const span = m.indices?.groups?.v;
      const value = m.groups?.v ?? '';
      // "Medi-Cal in 2024": a lower-case word opens a sentence, not a value.
      if (!span || !hasIdDigits(value, minDigits) || isYearLike(value) || /^[a-z]{2,}[ .]/.test(value) || (!codesAllowed && isCodeValue(value)) || opensCodePair(text, value, span[1])) continue;
      found.push({ kind, start: span[0], end: span[1] });
    }
  }
  for (const m of text.matchAll(USERNAME)) {
    const [start, end] = m.indices!.groups!.v!;
    if (/[\d._]/.test(m.groups!.v!)) found.push({ kind: 'other_id', start, end });
  }
  for (const m of text.matchAll(BARE_HANDLE)) {
    const [start, end] = m.indices!.groups!.v!;
    if (!isCodeValue(m.groups!.v!)) found.push({ kind: 'other_id', start, end });
  }
  for (const m of text.matchAll(PLATE)) {
    const [start, end] = m.indices!.groups!.v!;
    const value = m.groups!.v!;
    const bareRegistration = /^[Rr]egistration/.test(m[0]) && !/[A-Z]/.test(value);
    if ((/\d/.test(value) && !bareRegistration) || isVanityPlate(m[0], value)) found.push({ kind: 'vehicle', start, end });
  }
  return found;
}

/**
 * Finds identifiers by shape alone: Medicare MBIs, VINs, and long or mixed letter-digit ids no code
 * format explains, nor a form named by a guide's word ("CMS-1500"; a plate "HGR-2281" stays an id).
 */
export function detectShapedIdentifiers(text: string, vocabulary: Vocabulary): PhiFinding[] {
  const found: PhiFinding[] = [];
  for (const m of text.matchAll(MBI)) found.push({ kind: 'health_plan_id', start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(VIN)) found.push({ kind: 'vehicle', start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(UDI)) found.push({ kind: 'device', start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(ID_TOKEN)) {
    if (isIdentifierShaped(m[0]) && !isGuideForm(m[0], vocabulary)) found.push({ kind: 'other_id', start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/**
 * True for a token that can only be an identifier: six or more digits, or a
 * letter-digit mix with four or more digits, that is no medical code, code
 * range or year. Amounts never reach here (the token pattern refuses a
 * leading currency sign and grouped thousands).
 */
export function isIdentifierShaped(token: string): boolean {
  const digits = digitCount(token);
  if (isCodeValue(token) || isYearLike(token) || isShortAmount(token)) return false;
  const mixed = /[A-Za-z]/.test(token) && digits >= 4 && token.length >= 6;
  return digits >= 6 || mixed;
}

/** A form named by a guide's word: a short word, a dash and at most four digits ("CMS-1500", "UB-04"). */
export function isGuideForm(token: string, vocabulary: Vocabulary): boolean {
  return /^[A-Za-z]{2,4}-\d{1,4}$/.test(token) && vocabulary.isKnown(token.split('-')[0]!);
}

/** "medicare MNT 97802/97803": a value ending in a code that a slash or dash pairs with another code is a list of codes. */
function opensCodePair(text: string, value: string, end: number): boolean {
  const last = /[0-9A-Z]+$/i.exec(value)?.[0] ?? '';
  const next = /^[/–-]([0-9A-Z]+)\b/i.exec(text.slice(end, end + 12))?.[1];
  return next !== undefined && isMedicalCodeShape(last) && isCodeRange(`${last}/${next}`);
}

/** A code with a modifier (99213-25), a code or a code range is never an identifier. */
function isCodeValue(value: string): boolean {
  return isMedicalCodeShape(value) || isCodeRange(value) || /^\d{5}-[0-9A-Z]{2}$/i.test(value);
}
