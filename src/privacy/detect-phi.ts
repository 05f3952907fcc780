import { isChartLike } from './chart-context.js';
import { MEDICAL_CODE } from './code-shapes.js';
import { isEponym } from './eponyms.js';
import { detectAddresses, detectPlaces, isTwoWordState, detectTownsBeforeStates, detectTownsWithZip, detectTownsInCase, detectZips, detectZipsAfterPlaces } from './detect-address.js';
import { detectCards, detectEmails, detectFaxes, detectPhones, detectSsns } from './detect-contact.js';
import { detectAgesAfterCopula, detectAgesAfterDates, detectAgesAfterNames, detectAgesOver89, detectDates, AGE_OVER_89_NUMBER, QUANTITY_AFTER } from './detect-dates.js';
import { detectLabelledIdentifiers, detectShapedIdentifiers } from './detect-identifiers.js';
import { detectNames, findRepeats, nameAffixes } from './detect-names.js';
import { detectNamesBesideIdentifiers } from './detect-names-beside-ids.js';
import { detectCapitalNamesWithInitial, detectCensusNames, detectFamilyNames, detectInvertedCapitalNames, detectInvertedTitleNames } from './detect-names-census.js';
import { detectInitials } from './detect-initials.js';
import { detectNamesByRelation } from './detect-names-by-relation.js';
import { detectNamesInEmails } from './detect-names-in-emails.js';
import { detectNamesInRows } from './detect-names-in-rows.js';
import { detectNamesByEvidence, tagTerms, type Term } from './detect-names-nlp.js';
import { detectIps, detectUrls, detectUrlsHoldingNames } from './detect-network.js';
import { detectX12 } from './detect-x12.js';
import { detectHl7 } from './detect-hl7.js';
import type { PhiFinding, PhiKind } from './phi-types.js';
import { maskSpans, placeholderSpans } from './placeholder.js';
import { collapseSpacedRuns, originalSpan } from './spaced-text.js';
import { undoOcrConfusables } from './ocr-confusables.js';
import { detectNamesInCsv } from './detect-names-in-csv.js';
import { Vocabulary } from './vocabulary.js';

// When two detectors claim overlapping text, the more specific one names the
// finding: labelled detections ("MRN 555-123-4567") beat shape-only ones
// (phone), an email or URL beats the name or digits inside it, and the
// catch-all "other identifier" loses to everything.
const PRIORITY: Record<PhiKind, number> = {
  email: 20,
  url: 19,
  ssn: 18,
  fax: 17,
  mrn: 16,
  health_plan_id: 15,
  account: 14,
  certificate_license: 13,
  device: 12,
  vehicle: 11,
  ip: 10,
  phone: 9,
  date: 8,
  age_over_89: 7,
  address: 6,
  zip: 5,
  name: 4,
  other_id: 3,
};

/** What the detectors may know beyond the text: the vocabulary check's known words (the guides'). */
export interface PhiDetectionOptions {
  vocabulary?: Vocabulary;
}

const DEFAULT_VOCABULARY = new Vocabulary();

/**
 * How many detection passes to allow. A pass finds something new only next to
 * what the pass before found (an item glued to a found one, as in
 * "DOB 03/14/1962DOB 1962-03-14"), so real text needs two passes, rarely
 * three. A run of many glued items needs one pass per item: the passes are
 * capped so that they scan about PASS_BUDGET characters in all (a whole chain
 * up to ~1,400 characters of text; 100 passes for a 20,000-character message),
 * and items past the cap are left as they were.
 */
const MIN_PASSES = 4;
const PASS_BUDGET = 2_000_000;

function maxPasses(text: string): number {
  return Math.max(MIN_PASSES, Math.ceil(PASS_BUDGET / Math.max(1, text.length)));
}

/**
 * Finds patient data in free text. Returns non-overlapping findings sorted by
 * position. Tuned for precision on career questions: ICD-10/CPT codes,
 * salaries, years and plain dates are never flagged without a PHI label.
 *
 * Placeholders (`[REDACTED:kind]`) are opaque: the detectors never see their
 * text (so "[REDACTED:dob]" is no "DOB" label), never read across them, and
 * no finding touches one. Findings are opaque in the same way, and detection
 * repeats on what they leave until nothing new turns up (see maxPasses): a
 * pattern that one finding's text kept from matching (an email glued to the
 * one before it) is found once that text is gone. So the redacted text holds
 * nothing detectable, and redacting it again changes nothing.
 */
export function detectPhi(text: string, options: PhiDetectionOptions = {}): PhiFinding[] {
  // OCR's look-alikes undone ("D0B 1l/2l/1946"), character for character (ocr-confusables.ts).
  const read = undoOcrConfusables(text);
  // Spelled out a character at a time ("R U T H", "2 1 4 5 5 5 0 1 3 7"), text is read closed up (spaced-text.ts).
  const collapsed = collapseSpacedRuns(read);
  if (collapsed) return detectInText(collapsed.text, options).map((f) => originalSpan(f, collapsed));
  return detectInText(read, options);
}

function detectInText(text: string, options: PhiDetectionOptions): PhiFinding[] {
  const vocabulary = options.vocabulary ?? DEFAULT_VOCABULARY;
  const placeholders = placeholderSpans(text);
  // The tagger is the slowest step: it reads the message once; later passes reuse its words.
  const terms = tagTerms(text);
  let findings: PhiFinding[] = [];
  let opaque = placeholders;
  for (let pass = 0, passes = maxPasses(text); pass < passes; pass++) {
    // A date alone does not make a message a case ("born 03/14/1962, March 1980" about oneself).
    const found = detectOnce(maskSpans(text, opaque), opaque, vocabulary, terms, findings);
    if (found.length === 0) break;
    findings = [...findings, ...found].sort((a, b) => a.start - b.start);
    opaque = [...placeholders, ...findings].sort((a, b) => a.start - b.start);
  }
  return findings;
}

/**
 * One pass of every detector over `masked`; candidates touching an `opaque` span are dropped.
 * `earlier`: what earlier passes found; anything but a date there makes the message about a case.
 */
function detectOnce(masked: string, opaque: ReadonlyArray<{ start: number; end: number }>, vocabulary: Vocabulary, terms: readonly Term[], earlier: readonly PhiFinding[]): PhiFinding[] {
  const foundBefore = earlier.some((f) => f.kind !== 'date');
  const addresses = detectAddresses(masked);
  const identifiers = [...detectIdentifiers(masked, vocabulary), ...addresses];
  // Clinical wording or anything identifying besides a date (in this pass or an earlier one) makes
  // the message read like a case; a medical code does too for names, but not for dates: "effective
  // October 1" in a question about E11.65 is a rule's date, no patient's.
  const caseLike = foundBefore || isChartLike(masked) || identifiers.length > 0;
  const chartLike = caseLike || MEDICAL_CODE.test(masked);
  let dates = detectDates(masked, caseLike);
  const nameCandidates = detectNameCandidates(masked, { vocabulary, terms, caseLike, chartLike, dates, identifiers });
  // A word used as an eponym anywhere in the message (isEponym) is one everywhere in it.
  const eponyms = eponymWords(masked, nameCandidates, caseLike);
  const notEponym = (n: PhiFinding) => !eponyms.has(bareWord(masked, n));
  const detected = nameCandidates.filter((n) => !isTwoWordState(masked.slice(n.start, n.end)) && notEponym(n));
  const rows = detectNamesInRows(masked, detected, earlier.filter((f) => f.kind === 'name'), vocabulary);
  const names = [...detected, ...rows.filter((f) => f.kind === 'name')];
  const beds = rows.filter((f) => f.kind !== 'name');
  // A name makes every date in the message the person's.
  if (names.length > 0 && !caseLike) dates = detectDates(masked, true);
  // A message about someone: what it says may place or date that person.
  const inCase = caseLike || names.length > 0;
  const ages = inCase ? [...detectAgesAfterCopula(masked), ...detectAgesAfterNames(masked, names), ...detectAgesAfterDates(masked, dates)] : [];
  const repeats = findRepeats(masked, names, vocabulary).filter(notEponym);
  const places = [
    ...detectPlaces(masked, chartLike || names.length > 0, vocabulary),
    ...addresses,
    ...detectTownsWithZip(masked, addresses.length > 0, vocabulary),
    ...(chartLike ? detectTownsBeforeStates(masked, vocabulary) : []),
    ...(inCase ? detectTownsInCase(masked) : []),
  ];
  const candidates = [
    ...identifiers,
    ...beds,
    ...places,
    ...detectZipsAfterPlaces(masked, places),
    ...dates,
    ...ages,
    ...names,
    ...repeats,
    ...nameAffixes(masked, [...names, ...repeats], vocabulary),
    ...detectUrlsHoldingNames(masked, nameWords(masked, names)),
    ...identifierRepeats(masked, identifiers),
    ...ageRepeats(masked, [...identifiers, ...dates, ...ages].filter((f) => f.kind === 'age_over_89')),
  ].filter((c) => !overlapsAny(c, opaque));
  return resolveOverlaps(candidates);
}

/** What the name detectors read besides the text: how case-like it is, and what was found in it so far. */
interface NameContext {
  vocabulary: Vocabulary;
  terms: readonly Term[];
  caseLike: boolean;
  chartLike: boolean;
  dates: readonly PhiFinding[];
  identifiers: readonly PhiFinding[];
}

/** Every name detector's candidates, before eponyms and states are set aside. */
function detectNameCandidates(masked: string, { vocabulary, terms, caseLike, chartLike, dates, identifiers }: NameContext): PhiFinding[] {
  return [
    ...detectNames(masked, vocabulary, caseLike),
    ...detectNamesByEvidence(masked, terms, vocabulary, chartLike, [...dates]),
    ...detectNamesBesideIdentifiers(masked, terms, vocabulary, [...identifiers, ...dates]),
    ...detectCensusNames(masked, terms, vocabulary, chartLike),
    ...detectInvertedCapitalNames(masked, vocabulary),
    ...detectCapitalNamesWithInitial(masked, vocabulary),
    ...detectFamilyNames(masked, vocabulary),
    ...detectInvertedTitleNames(masked, vocabulary),
    ...(chartLike ? detectInitials(masked, vocabulary) : []),
    ...detectNamesByRelation(masked, terms, vocabulary),
    ...detectNamesInEmails(masked, vocabulary),
    ...detectNamesInCsv(masked, vocabulary),
  ];
}

/**
 * The words a message uses as eponyms ("Hashimoto's E06.3"): the same word elsewhere in it names the
 * condition again ("hypothyroid d/t hashimoto"), not a person.
 */
function eponymWords(text: string, names: readonly PhiFinding[], caseLike: boolean): Set<string> {
  return new Set(names.filter((n) => isEponym(text, n, caseLike)).map((n) => bareWord(text, n)));
}

/** A found name in lower case without its possessive ending. */
function bareWord(text: string, span: PhiFinding): string {
  return text.slice(span.start, span.end).replace(/['’]s?$/u, '').toLowerCase();
}

/** The words of the found names ("Kwabena Mensah" → Kwabena, Mensah). */
function nameWords(text: string, names: readonly PhiFinding[]): string[] {
  return names.flatMap((n) => text.slice(n.start, n.end).split(/[^\p{L}]+/u)).filter(Boolean);
}

/** Contact details, record numbers, network addresses and ages: everything but places, dates and names. */
function detectIdentifiers(masked: string, vocabulary: Vocabulary): PhiFinding[] {
  const phones = detectPhones(masked);
  return [
    ...detectEmails(masked),
    ...detectUrls(masked, vocabulary),
    ...detectIps(masked),
    ...detectSsns(masked),
    ...phones,
    ...detectFaxes(masked, phones),
    ...detectLabelledIdentifiers(masked),
    ...detectShapedIdentifiers(masked, vocabulary),
    ...detectZips(masked),
    ...detectAgesOver89(masked),
    ...detectX12(masked),
    ...detectHl7(masked),
    ...detectCards(masked),
  ];
}

/**
 * A value found once is found everywhere in the message: "pt in 412-B" after "Room 412-B", a plate
 * quoted again without its label, the ZIP of a found address written alone ("…, IL 60608-3419 — the
 * payer has 60608"). Only values with a digit and four or more characters.
 */
function identifierRepeats(text: string, found: readonly PhiFinding[]): PhiFinding[] {
  const repeats: PhiFinding[] = [];
  for (const f of found) {
    const value = text.slice(f.start, f.end);
    const zip = f.kind === 'address' ? ADDRESS_ZIP.exec(value)?.[1] : undefined;
    if (zip) repeats.push(...occurrences(text, zip, 'zip').filter((r) => r.start < f.start || r.start >= f.end));
    if (value.length >= 4 && /\d/.test(value)) repeats.push(...occurrences(text, value, f.kind).filter((r) => r.start !== f.start));
  }
  return repeats;
}

/**
 * An age over 89 found once is the same person's wherever its number stands again ("9 2 y/o … the
 * 92 got split … key 92 as the age"): the number alone, not an amount, a share or a count of something.
 */
function ageRepeats(text: string, ages: readonly PhiFinding[]): PhiFinding[] {
  const numbers = new Set(ages.map((a) => text.slice(a.start, a.end).replace(/\D/g, '')).filter((n) => AGE_OVER_89_NUMBER.test(n)));
  return [...numbers].flatMap((n) =>
    occurrences(text, n, 'age_over_89').filter((r) => !ages.some((a) => a.start <= r.start && r.end <= a.end) && !/[$.,/:]$/.test(text.slice(0, r.start)) && !NOT_AN_AGE_AFTER.test(text.slice(r.end, r.end + 12))),
  );
}

/** What makes a repeated number no age: a quantity's unit, a range, a time or a bracket ("90+"). */
const NOT_AN_AGE_AFTER = new RegExp(`^(?:${QUANTITY_AFTER}|[/:]\\d|\\+)`, 'i');

/** The five-digit ZIP closing an address (a ZIP+4's first part). */
const ADDRESS_ZIP = /(?<!\d)(\d{5})(?:-\d{4})?\s*$/;

/** Every occurrence of `value` in `text` standing alone (no word character or dash glued to it). */
function occurrences(text: string, value: string, kind: PhiKind): PhiFinding[] {
  const found: PhiFinding[] = [];
  for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
    if (!/[\w-]/.test(text[at - 1] ?? '') && !/[\w-]/.test(text[at + value.length] ?? '')) found.push({ kind, start: at, end: at + value.length });
  }
  return found;
}

/** True when `span` overlaps one of `sorted` (sorted, non-overlapping spans). */
function overlapsAny(span: { start: number; end: number }, sorted: ReadonlyArray<{ start: number; end: number }>): boolean {
  // the first span that ends after `span` starts is the only one that can overlap it first
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo]!.start < span.end;
}

/**
 * Overlapping candidates become one finding covering their union, of the
 * kind that ranks highest among them: what any detector found is always
 * redacted (the part of a candidate outside a better one is never dropped).
 */
function resolveOverlaps(candidates: PhiFinding[]): PhiFinding[] {
  const sorted = candidates.filter((c) => c.end > c.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: PhiFinding[] = [];
  for (const c of sorted) {
    const last = merged.at(-1);
    if (last && c.start < last.end) {
      last.end = Math.max(last.end, c.end);
      if (PRIORITY[c.kind] > PRIORITY[last.kind]) last.kind = c.kind;
    } else {
      merged.push({ kind: c.kind, start: c.start, end: c.end });
    }
  }
  return merged;
}
