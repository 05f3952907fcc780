import { escapeRegExp } from '../text/index.js';
import { CALENDAR_WORD } from './date-patterns.js';
import { isChartLike } from './chart-context.js';
import { isLabelWord } from './label-words.js';
import { cueWordKind, inOneCase, isEvidencedName } from './name-evidence.js';
import type { PhiFinding } from './phi-types.js';
import type { Vocabulary } from './vocabulary.js';

// Names next to a patient cue: "patient John Smith", "Pt: Maria Lopez",
// "Mr. Jones was admitted", "John Smith, 45 y/o", "Pt: KOWALCZYK, TOMASZ", and names in
// capitals in the "LAST, FIRST" layout of a chart before a birth date or record number
// ("BRADLEY, CHASE 10/31/2001"). Which words can be part of such a name is decided by
// evidence (name-evidence.ts), not by a list. Names without a cue are
// found from tagger and vocabulary evidence in detect-names-nlp.ts; names
// behind "Dr." (instructors, clinicians) are left alone by both.

const TOKEN = "\\p{Lu}(?:\\p{Ll}+|['’]\\p{Lu}\\p{Ll}+)(?:\\p{Lu}\\p{Ll}+)?(?:-\\p{Lu}\\p{Ll}+)?";
const INITIAL = '\\p{Lu}\\.?';
const MAX_TOKENS = 3;

const TOKEN_AT = new RegExp(`${TOKEN}(?![\\p{L}\\d])`, 'uy');
const GAP_AT = new RegExp(`[ \\t]+(?:${INITIAL}[ \\t]+)?`, 'uy');
const COMMA_GAP_AT = /,[ \t]*/y;

// Case-insensitive cues: the name itself is read case-sensitively afterwards.
// `[*_]*` lets Slack/Markdown emphasis through: "*Patient:* Jane Roe"; `(`
// allows "the pt (Samuel Reid)".
const CUE_WORDS = 'patient|beneficiary|insured|guarantor|subscriber';
/** A word that says whose record it is: "patient", "pt", "subscriber"… */
export const CUE_WORD = new RegExp(`^(?:${CUE_WORDS}|pt)$`, 'i');
const PATIENT_CUES = [
  new RegExp(`\\b(?:${CUE_WORDS})(?:['’]s)?(?:\\s+(?:full\\s+)?name\\b(?:\\s+(?:is|was))?|\\s+(?:named|called))?[*_]*[ \\t]*[:,(–-]?[*_]*[ \\t]*`, 'gi'),
  // "pt" stays lowercase/Title-case only: "PT" is physical therapy.
  /\b(?:pt|Pt)\b\.?(?:\s+name\b(?:\s+is)?)?[*_]*[ \t]*[:,(–-]?[*_]*[ \t]*/g,
  // A log's or export's key: "pt_name=Jameson Okoro", "patientName: …", '"member_name": "…"'.
  new RegExp(`\\b(?:${CUE_WORDS}|pt|member)[_-]?(?:full[_-]?)?name["']?[ \\t]*[=:][ \\t]*["“']?`, 'gi'),
];
// A bare "Name:" label or an honorific is weak on its own ("Name: Jessica,
// aspiring coder", "Ms. Lee, my instructor"); these count only in a text that
// reads like a chart. Words common in career talk too ("hospital", "chart",
// "patient") are deliberately not chart cues.
const CHART_ONLY_CUES = [/\b(?:Mr|Mrs|Ms|Mx|Miss)\b\.?[ \t]+/g, /\bname[*_]*\s*:[*_]*[ \t]*/gi];
// A capitalised name right before an age, sex, birth date or record label:
// "Maria Lopez, 67F", "Beatriz Santos, born 12/09/1990".
const NAME_BEFORE_DEMOGRAPHICS = new RegExp(
  `(?<![\\p{L}])(${TOKEN}(?:[ \\t]+(?:${INITIAL}[ \\t]+)?${TOKEN}){1,2}),?[ \\t]*[(–-]?[ \\t]*(?:(?:a|an)[ \\t]+)?(?:\\d{1,3}[ \\t-]*(?:y\\/?o\\b|yo\\b|years?[- ]old|yr[- ]old|[MF]\\b)|DOB\\b|D\\.O\\.B|MRN\\b|date of birth|born\\b)`,
  'gu',
);
// A name in apposition to "my patient" or said to be the patient: "Linda, my patient, ...", "Story Bishop
// is the patient". One token is enough here because the cue is explicit.
const NAME_BEFORE_PATIENT = new RegExp(
  `(?<![\\p{L}])((?:${TOKEN}[ \\t]+){0,2}${TOKEN})(?:,[ \\t]*(?:my|our|the|a)|[ \\t]+(?:is|was)[ \\t]+(?:the|my|our))[ \\t]+(?:patient|pt)\\b`,
  'gu',
);
// An honorific directly followed by an age reads like a chart: "Mr. Feldman, 71,".
const HONORIFIC_WITH_AGE = new RegExp(
  `\\b(?:Mr|Mrs|Ms|Mx|Miss)\\b\\.?[ \\t]+(?=${TOKEN}(?:[ \\t]+${TOKEN})?,?[ \\t]+\\d{1,3}\\b(?![.,/:]\\d|[ \\t]*%))`,
  'gu',
);

// A name in capitals behind a name label, as old systems print it: "NAME FARRELL, COLM",
// "Patient name: DOE JANE". Two or three all-capital words, "LAST, FIRST" or "FIRST LAST".
const CAPS = "\\p{Lu}(?:\\p{Lu}+|['’]\\p{Lu}{2,})(?:['’-]\\p{Lu}+)*";
const CAPS_TOKEN_AT = new RegExp(`${CAPS}(?![\\p{L}\\d])`, 'uy');
const MAX_CAPS_TOKENS = 6;
// "LAST, FIRST M" in capitals right before a birth date, a record number or a DOB label:
// the layout of a chart header or a registration screen.
const CAPS_LAST_FIRST = new RegExp(
  `(?<![\\p{L}\\d'’-])(?<v>${CAPS}(?:[ \\t]+${CAPS})*,[ \\t]*${CAPS}(?:[ \\t]+(?:${CAPS}|\\p{Lu}\\.?))*)(?=[ \\t]*[(–-]?[ \\t]*(?:\\d{1,4}[-/.]\\d|\\d{6,8}(?!\\d)|DOB|D\\.O\\.B|MRN|born|age\\b))`,
  'gdu',
);
// "ABDULLAH BIN RASHID AL-MANSOURI age 97": two to five words in capitals right before an age or birth label.
const CAPS_BEFORE_AGE = new RegExp(
  `(?<![\\p{L}\\d'’-])(?<v>${CAPS}(?:[ \\t]+${CAPS}){1,4})(?=[ \\t]*,?[ \\t]*(?:age\\b|AGE\\b|\\d{2,3}[ \\t]?(?:y\\/?o\\b|yo\\b|y\\.o\\.)|DOB|D\\.O\\.B|born\\b))`,
  'gdu',
);
// "Brown, Crystal (04/22/1976) denied …": a Title-case "Last, First" opening a line right before a birth date.
const TITLE_LAST_FIRST_BEFORE_DATE = new RegExp(
  `(?:^|\\n)[ \\t]*(?<v>(?<last>${TOKEN}),[ \\t]*(?<first>${TOKEN})(?:[ \\t]+${TOKEN})?)(?=[ \\t]*\\(?[ \\t]*(?:(?:0?[1-9]|1[0-2])\\/(?:0?[1-9]|[12]\\d|3[01])\\/(?:19|20)?\\d{2}(?!\\d)|DOB\\b|born\\b))`,
  'gdu',
);
const CAPS_NAME_AFTER_LABEL = new RegExp(
  `\\b(?:(?:PATIENT|PT|Patient|Pt)[ \\t]+)?(?:NAME|Name|name)\\b[*_]*[ \\t]*[:=-]?[*_]*[ \\t]*(?<v>${CAPS}(?:,[ \\t]*|[ \\t]+)${CAPS}(?:[ \\t]+${CAPS})?)(?![\\p{L}\\d])`,
  'gdu',
);

/**
 * Finds patient names (see module comment for what counts as a patient cue); `vocabulary` holds the guides' words;
 * `caseLike`: the caller found patient data already (an address, an id), so the text is a case even without clinical words.
 */
export function detectNames(text: string, vocabulary: Vocabulary, caseLike = false): PhiFinding[] {
  const found: PhiFinding[] = [];
  const read = (pos: number, lowerCaseCue = false) =>
    pushName(found, readName(text, pos, vocabulary, lowerCaseCue) ?? readCapsName(text, pos, vocabulary) ?? (lowerCaseCue ? readLowerCaseName(text, pos, vocabulary) : null));
  for (const cue of PATIENT_CUES) {
    for (const m of text.matchAll(cue)) read(m.index + m[0].length, /^\p{Ll}/u.test(m[0]));
  }
  const chartCues = caseLike || isChartLike(text) ? CHART_ONLY_CUES : [HONORIFIC_WITH_AGE];
  for (const cue of chartCues) {
    for (const m of text.matchAll(cue)) read(m.index + m[0].length);
  }
  for (const m of text.matchAll(NAME_BEFORE_DEMOGRAPHICS)) {
    pushName(found, trailingName(m[1] ?? '', m.index, 2, vocabulary));
  }
  for (const m of text.matchAll(NAME_BEFORE_PATIENT)) {
    pushName(found, trailingName(m[1] ?? '', m.index, 1, vocabulary, true));
  }
  return [...found, ...capitalisedNames(text, vocabulary)];
}

function capitalisedNames(text: string, vocabulary: Vocabulary): PhiFinding[] {
  const found: PhiFinding[] = [];
  for (const m of text.matchAll(TITLE_LAST_FIRST_BEFORE_DATE)) {
    const { last, first, v } = m.groups!;
    // The layout says it is a name; the census says the words can be one ("Brown", "Crystal").
    if (isEvidencedName([last!, first!], vocabulary) || (vocabulary.isSurname(last!) && vocabulary.isGivenName(first!) && !vocabulary.isKnown(last!))) {
      const [start] = m.indices!.groups!.v!;
      found.push({ kind: 'name', start, end: start + v!.length });
    }
  }
  for (const pattern of [CAPS_NAME_AFTER_LABEL, CAPS_LAST_FIRST, CAPS_BEFORE_AGE]) {
    for (const m of text.matchAll(pattern)) {
      const [start] = m.indices!.groups!.v!;
      pushName(found, capsRun(start, [...(m.groups?.v ?? '').matchAll(/[^,\s]+/gu)].map((w) => ({ text: w[0], end: start + w.index + w[0].length })), vocabulary));
    }
  }
  return found;
}

interface NameSpan extends PhiFinding {
  tokens: number;
}

function pushName(found: PhiFinding[], span: NameSpan | null): void {
  if (span) found.push({ kind: 'name', start: span.start, end: span.end });
}

/**
 * Reads up to three Title-case name tokens starting exactly at `pos` ("John Q. Smith",
 * "Smith, John"), stopping before a stop word; a name needs one evidence word.
 */
function readName(text: string, pos: number, vocabulary: Vocabulary, lowerCaseCue: boolean): NameSpan | null {
  let cursor = pos;
  let end = pos;
  const tokens: string[] = [];
  while (tokens.length < MAX_TOKENS) {
    TOKEN_AT.lastIndex = cursor;
    const token = TOKEN_AT.exec(text)?.[0];
    if (!token || cueWordKind(token, vocabulary) === 'stop') break;
    tokens.push(token);
    end = TOKEN_AT.lastIndex;
    const gap = matchAt(GAP_AT, text, end) ?? (tokens.length === 1 ? matchAt(COMMA_GAP_AT, text, end) : null);
    if (gap === null) break;
    cursor = end + gap.length;
  }
  if (!isEvidencedName(tokens, vocabulary, lowerCaseCue)) return null;
  return { kind: 'name', start: pos, end, tokens: tokens.length };
}

// "pt mark schaefer", "pt king, lamar": two or three lower-case words behind a lower-case cue, the second
// possibly after a comma (surname first).
const LOWER_CASE_NAME_AT = /(\p{Ll}{2,})(,?[ \t]+)(\p{Ll}{2,})(?:[ \t]+(\p{Ll}{3,}))?(?![\p{L}\d'’-])/duy;

/**
 * Reads a name written in lower case behind a lower-case cue: a census given name and a surname (either
 * order), no function, label, calendar or guide word among them; a third word only when no dictionary knows it.
 */
function readLowerCaseName(text: string, pos: number, vocabulary: Vocabulary): NameSpan | null {
  LOWER_CASE_NAME_AT.lastIndex = pos;
  const m = LOWER_CASE_NAME_AT.exec(text);
  if (!m) return null;
  const [a, b, c] = [m[1]!, m[3]!, m[4]];
  const usable = (w: string) => !vocabulary.isFunctionWord(w) && !isLabelWord(w) && !vocabulary.isKnown(w) && !CALENDAR_WORD.test(w) && !CUE_WORD.test(w);
  const surnameLike = (w: string) => vocabulary.isSurname(w) || !vocabulary.isDictionaryWord(w);
  const named = (given: string, surname: string) => vocabulary.isGivenName(given) && surnameLike(surname);
  if (![a, b].every(usable) || !(m[2]!.includes(',') ? named(b, a) : named(a, b))) return null;
  const third = c !== undefined && usable(c) && !vocabulary.isDictionaryWord(c) && !m[2]!.includes(',');
  const end = (third ? m.indices![4]! : m.indices![3]!)[1];
  return { kind: 'name', start: pos, end, tokens: third ? 3 : 2 };
}

/** Reads a name in capitals at `pos` ("KOWALCZYK, TOMASZ", "JOHNNY RAY CULPEPPER"): up to six words, one comma. */
function readCapsName(text: string, pos: number, vocabulary: Vocabulary): NameSpan | null {
  const words: Array<{ text: string; end: number }> = [];
  let cursor = pos;
  let comma = false;
  while (words.length < MAX_CAPS_TOKENS) {
    CAPS_TOKEN_AT.lastIndex = cursor;
    const word = CAPS_TOKEN_AT.exec(text)?.[0];
    if (!word) break;
    words.push({ text: word, end: CAPS_TOKEN_AT.lastIndex });
    const gap: string | null = matchAt(GAP_AT, text, CAPS_TOKEN_AT.lastIndex) ?? (comma ? null : matchAt(COMMA_GAP_AT, text, CAPS_TOKEN_AT.lastIndex));
    if (gap === null) break;
    comma ||= gap.includes(',');
    cursor = words.at(-1)!.end + gap.length;
  }
  return capsRun(pos, words, vocabulary);
}

/**
 * A run of capitalised words is a name when, after trailing labels are dropped ("DOE, JANE DOB"),
 * it has two or more words, none a label, calendar or guide word (credentials are written in
 * capitals), and an evidence word with a vowel of four or more letters, or of three in a run of
 * three ("NG, THI LAN"): acronyms are short and often have no vowel.
 */
function capsRun(start: number, words: ReadonlyArray<{ text: string; end: number }>, vocabulary: Vocabulary): NameSpan | null {
  const kept = [...words];
  while (kept.length > 0 && cueWordKind(kept.at(-1)!.text, vocabulary) === 'stop') kept.pop();
  const named = kept.filter((w) => w.text.length > 1); // an initial is no evidence either way
  if (kept.length < 2 || named.some((w) => vocabulary.isKnown(w.text) || (cueWordKind(w.text, vocabulary) === 'stop' && !vocabulary.isFunctionWord(w.text)))) return null;
  const evidence = kept.filter((w) => /[AEIOUY]/.test(w.text) && w.text.length >= 3 && cueWordKind(w.text, vocabulary) === 'evidence');
  if (evidence.length === 0 || (kept.length < 3 && !evidence.some((w) => w.text.length >= 4))) return null;
  return { kind: 'name', start, end: kept.at(-1)!.end, tokens: kept.length };
}

const TOKENS = new RegExp(TOKEN, 'gu');

/**
 * The name at the end of `group` (which starts at `offset`): the run of
 * tokens before the cue up to a stop word, so "Today Maria Lopez, 67F" yields
 * "Maria Lopez". `minTokens` guards weak cues ("Lopez, 67F" alone is too weak); `explicitCue`: the text
 * says outright that this is the patient.
 */
function trailingName(group: string, offset: number, minTokens: number, vocabulary: Vocabulary, explicitCue = false): NameSpan | null {
  const tokens = [...group.matchAll(TOKENS)];
  let first = tokens.length;
  while (first > 0 && cueWordKind(tokens[first - 1]?.[0] ?? '', vocabulary) !== 'stop') first -= 1;
  // Leading common words are the sentence's, not the name's ("Today Maria Lopez").
  while (first < tokens.length - minTokens && cueWordKind(tokens[first]![0], vocabulary) === 'soft') first += 1;
  const kept = tokens.slice(first);
  const head = kept[0];
  const words = kept.map((t) => t[0]);
  // Said outright to be the patient, a census surname is evidence enough ("Story Bishop is the patient").
  const evidenced = isEvidencedName(words, vocabulary) || (explicitCue && vocabulary.isSurname(words.at(-1) ?? '') && words.every((w) => cueWordKind(w, vocabulary) !== 'stop'));
  if (kept.length < minTokens || !head || !evidenced) return null;
  return { kind: 'name', start: offset + head.index, end: offset + group.length, tokens: kept.length };
}

function matchAt(re: RegExp, text: string, pos: number): string | null {
  re.lastIndex = pos;
  return re.exec(text)?.[0] ?? null;
}

/**
 * Once "patient John Smith" is established, a later bare "Smith" in the same
 * message is the same patient and must be redacted too.
 */
export function findRepeats(text: string, names: PhiFinding[], vocabulary: Vocabulary): PhiFinding[] {
  const tokens = new Set<string>();
  for (const n of names) {
    for (const t of text.slice(n.start, n.end).split(/[\s,.]+/u)) {
      const bare = t.replace(/['’]s$/u, '');
      if (bare.length >= 2 && cueWordKind(bare, vocabulary) !== 'stop') tokens.add(bare);
    }
  }
  const repeats: PhiFinding[] = [];
  for (const token of tokens) {
    // The same word as written, in capitals or in Title case ("Johnny" after "JOHNNY RAY CULPEPPER",
    // "BELL" after "Eunice Bell"), possessive too ("Hollis's chart").
    const re = new RegExp(`(?<![\\p{L}\\d'’-])${escapeRegExp(token)}(?=['’]s\\b|[^\\p{L}\\d'’-]|$)`, 'giu');
    // In any case when no dictionary knows the word ("wendy" after "Wendy Koh"); an English word only as written.
    const anyCase = token.length >= 3 && !vocabulary.isFamiliar(token);
    for (const m of text.matchAll(re)) {
      if (m[0] === token || anyCase || (m[0] === m[0].toUpperCase() && token.length >= 3) || isTitleCase(m[0])) repeats.push({ kind: 'name', start: m.index, end: m.index + token.length });
    }
  }
  return [...repeats, ...nicknamesBeforeSurnames(text, names, vocabulary)];
}

/**
 * "tom thumb ... Thomas Thumb", "vic strong (victor strong)": a census given name before a word of a
 * found name, in any case, is the same person under another first name.
 */
function nicknamesBeforeSurnames(text: string, names: readonly PhiFinding[], vocabulary: Vocabulary): PhiFinding[] {
  const surnames = new Set(names.flatMap((n) => text.slice(n.start, n.end).split(/[\s,]+/u).slice(1)).filter((w) => /^\p{L}{3,}$/u.test(w)).map((w) => w.toLowerCase()));
  const found: PhiFinding[] = [];
  for (const surname of surnames) {
    const re = new RegExp(`(?<![\\p{L}'’-])(\\p{L}+)[ \\t]+${escapeRegExp(surname)}(?![\\p{L}'’-])`, 'giu');
    for (const m of text.matchAll(re)) {
      const first = m[1]!;
      if (vocabulary.isGivenName(first) && !vocabulary.isFunctionWord(first) && !isLabelWord(first)) found.push({ kind: 'name', start: m.index, end: m.index + m[0].length });
    }
  }
  return found;
}

function isTitleCase(word: string): boolean {
  return /^\p{Lu}[\p{Ll}'’-]/u.test(word) && word.length >= 3;
}

// "Terrence Boyd Jr", "Hollis Trevathan III": a generational suffix belongs to the name before it.
const NAME_SUFFIX = /^,?[ \t]+(?:Jr|Sr|II|III|IV)\b\.?/;

// "Will Chase, Storm Chase": a capitalised word right before a found one-word name, at the start of
// a line or a list item, is its first name ("Later Smith came", "Mrs Smith", "Patient Smith" are not).
// Before a longer name only a word no dictionary knows is taken ("Jun Hyuk Cho").
const FIRST_NAME_BEFORE = /(?:^|[\n,;&]|\band)[ \t]*(?!(?:Mr|Mrs|Ms|Mx|Miss|Dr)\b)(\p{Lu}\p{Ll}+)[ \t]$/u;
// "Baptiste, Jean-Claude": a census surname opening a line, a comma, then the found name.
const SURNAME_BEFORE = /(?:^|[\n;:])[ \t]*(\p{Lu}\p{Ll}+),[ \t]*$/u;
// "Chen Xiaoling, Chen Jun, Chen Mei": a word no dictionary knows right after a found one-word name, closing the item.
const GIVEN_NAME_AFTER = /^[ \t]+(\p{Lu}\p{Ll}+)(?=[ \t]*(?:[,;)]|\.(?!\w)|$))/u;

// "reyes-montoya, alma —", "Young, Sky 1988-11-02": a found surname, a comma, then a given name closing the item.
const INVERTED_GIVEN_AFTER = /^,[ \t]*(\p{L}[\p{L}'’]+)(?=[ \t]*(?:[,;)—–-]|\.(?!\w)|$|\d))/u;

// "el-sayed", "OKAFOR-JAMES": a detector that stopped at the hyphen found half of a double-barrelled name.
const HYPHENATED_AFTER = /^-\p{L}[\p{L}'’]*/u;
const HYPHENATED_BEFORE = /(?<![\p{L}'’-])\p{L}[\p{L}'’]*-$/u;

/** Found names widened by a generational suffix, the rest of a hyphenated name, a first name or an inverted surname before them, or a given name after them. */
export function nameAffixes(text: string, names: readonly PhiFinding[], vocabulary: Vocabulary): PhiFinding[] {
  return names.flatMap((n) => {
    const affixes: PhiFinding[] = [];
    const joinedAfter = HYPHENATED_AFTER.exec(text.slice(n.end, n.end + 30));
    if (joinedAfter) affixes.push({ kind: 'name', start: n.start, end: n.end + joinedAfter[0].length });
    const joinedBefore = HYPHENATED_BEFORE.exec(text.slice(Math.max(0, n.start - 30), n.start));
    if (joinedBefore) affixes.push({ kind: 'name', start: n.start - joinedBefore[0].length, end: n.end });
    const suffix = NAME_SUFFIX.exec(text.slice(n.end, n.end + 8));
    if (suffix) affixes.push({ kind: 'name', start: n.start, end: n.end + suffix[0].length });
    const before = wordBefore(text, n, vocabulary);
    if (before !== undefined) affixes.push({ kind: 'name', start: before, end: n.end });
    const after = wordAfter(text, n, vocabulary);
    if (after !== undefined) affixes.push({ kind: 'name', start: n.start, end: after });
    const alias = aliasAfter(text, n.end, vocabulary);
    if (alias) affixes.push(alias);
    const nicknamed = surnameAfterNickname(text, n.end, vocabulary);
    if (nicknamed !== undefined) affixes.push({ kind: 'name', start: n.start, end: nicknamed });
    const saint = SAINT_BEFORE.exec(text.slice(Math.max(0, n.start - 6), n.start));
    if (saint) affixes.push({ kind: 'name', start: n.start - saint[0].length, end: n.end });
    const sibling = siblingBefore(text, n, vocabulary);
    if (sibling) affixes.push(sibling);
    return affixes;
  });
}

/** Where a name widened to the left starts: its first name, or its surname written first. */
function wordBefore(text: string, n: PhiFinding, vocabulary: Vocabulary): number | undefined {
  const window = text.slice(Math.max(0, n.start - 20), n.start);
  const single = !/\s/.test(text.slice(n.start, n.end));
  const first = FIRST_NAME_BEFORE.exec(window)?.[1];
  const takes = (w: string) => !CUE_WORD.test(w) && !vocabulary.isKnown(w) && cueWordKind(w, vocabulary) !== 'stop';
  if (first && takes(first) && (single || !vocabulary.isFamiliar(first))) return n.start - first.length - 1;
  // Right before a name of several words a month ("Jun", "April") is a given name, not a date.
  if (first && !single && CALENDAR_WORD.test(first) && !vocabulary.isKnown(first)) return n.start - first.length - 1;
  const surname = SURNAME_BEFORE.exec(window);
  if (surname && takes(surname[1]!) && vocabulary.isSurname(surname[1]!)) return n.start - surname[0].length + surname[0].indexOf(surname[1]!);
  // "J.R. Tolliver", "j. r. tolliver": dotted initials right before a found name are its own.
  const initials = INITIALS_BEFORE.exec(window);
  if (initials) return n.start - initials[0].length;
  const given = GIVEN_NAME_BEFORE.exec(window);
  if (given && takes(given[1]!) && !isLabelWord(given[1]!) && vocabulary.isGivenName(given[2]!) && sameCase(given[1]!, text.slice(n.start, n.end))) return n.start - given[0].length;
  return undefined;
}

// "Summer and Dawn Whitaker": a census given name joined by "and" to a found name of several words
// shares its surname; written in the same case, and no word the guides or the labels use.
const SIBLING_BEFORE = /(?<![\p{L}\d'’-])(\p{L}{3,})[ \t]+(?:and|&)[ \t]+$/u;

function siblingBefore(text: string, n: PhiFinding, vocabulary: Vocabulary): PhiFinding | undefined {
  const name = text.slice(n.start, n.end);
  const from = Math.max(0, n.start - 24);
  const m = SIBLING_BEFORE.exec(text.slice(from, n.start));
  const word = m?.[1];
  if (!m || !word || !/\s/.test(name) || !sameCase(word, name) || isLabelWord(word) || vocabulary.isFunctionWord(word) || vocabulary.isKnown(word)) return undefined;
  if (!vocabulary.isGivenName(word)) return undefined;
  return { kind: 'name', start: from + m.index, end: from + m.index + word.length };
}

const INITIALS_BEFORE = /(?<![\p{L}\d.'’])(?:\p{L}\.[ \t]?){1,3}[ \t]*$/u;
// "when D'Angelo Whitfield signed", "d'andre wallace 12/01/2001": a census given name (an elided
// d' or o' allowed) right before a found name, anywhere, in the same case as the name.
const GIVEN_NAME_BEFORE = /(?<![\p{L}\d'’-])((?:[dDoO]['’])?(\p{L}{3,}))[ \t]$/u;

// "ST. CLAIR, BEATRICE", "St John, Ama": the "Saint" of a surname a detector read from its second word.
const SAINT_BEFORE = /(?<![\p{L}\d'’.-])(?:St|ST|Ste|STE)\.?[ \t]+$/u;
// 'Dwayne "Peanut" Robichaux': a quoted nickname between a found first name and the surname.
const NICKNAME_THEN_SURNAME = /^[ \t]+["“'‘]\p{Lu}\p{Ll}+["”'’][ \t]+(\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}\p{Ll}+)?)(?![\p{L}\d])/u;

/** Where a name widened over a quoted nickname to its surname ends. */
function surnameAfterNickname(text: string, end: number, vocabulary: Vocabulary): number | undefined {
  const m = NICKNAME_THEN_SURNAME.exec(text.slice(end, end + 48));
  const surname = m?.[1];
  if (!m || !surname || vocabulary.isKnown(surname) || isLabelWord(surname) || cueWordKind(surname, vocabulary) === 'stop') return undefined;
  return vocabulary.isSurname(surname) || !vocabulary.isDictionaryWord(surname) ? end + m[0].length : undefined;
}

/** Both words in lower case, or both starting with a capital. */
function sameCase(a: string, b: string): boolean {
  const lower = (w: string) => w === w.toLowerCase();
  return lower(a) === lower(b);
}

/** Where a one-word name widened by the given name after it ends. */
function wordAfter(text: string, n: PhiFinding, vocabulary: Vocabulary): number | undefined {
  const found = text.slice(n.start, n.end);
  if (/\s/.test(found)) return undefined;
  const after = text.slice(n.end, n.end + 24);
  const spaced = GIVEN_NAME_AFTER.exec(after);
  // After a comma only a census given name in the same case: "Varga, Kalamazoo" is a town, "Field, Oct." a date.
  const inverted = spaced ? null : INVERTED_GIVEN_AFTER.exec(after);
  const m = spaced ?? inverted;
  const word = m?.[1];
  if (!word || vocabulary.isKnown(word) || vocabulary.isFunctionWord(word) || isLabelWord(word) || (vocabulary.isFamiliar(word) && !vocabulary.isGivenName(word))) return undefined;
  if (inverted && (!inOneCase(found, word) || !vocabulary.isGivenName(word) || CALENDAR_WORD.test(word))) return undefined;
  return n.end + m[0].length;
}

// "Grace Kim (goes by gracie)", "vic strong (victor strong)", 'Alphonse Dupree ("Al")', 'MAHONEY "KIT"': one
// or two words closing a parenthesis, quoted or not, or one quoted word, right after a name.
const ALIAS_AFTER = /^[ \t]*(?:\((?:[^()\n]{0,24}[ \t])??["“'‘]?(\p{L}{2,}(?:[ \t]+\p{L}{2,})?)["”'’]?\)|["“](\p{L}{2,})["”])/du;

/**
 * The other name a found name goes by, in parentheses right after it: a census given name or no
 * English word, then possibly a surname or another word no dictionary knows.
 */
function aliasAfter(text: string, end: number, vocabulary: Vocabulary): PhiFinding | undefined {
  const m = ALIAS_AFTER.exec(text.slice(end, end + 48));
  const group = m?.indices?.[1] ? 1 : 2;
  const words = m?.[group]?.split(/[ \t]+/) ?? [];
  const usable = (w: string) => !vocabulary.isFunctionWord(w) && !isLabelWord(w) && !vocabulary.isKnown(w) && !vocabulary.isRelative(w);
  const nameLike = (w: string, k: number) => usable(w) && (!vocabulary.isFamiliar(w) || (k === 0 ? vocabulary.isGivenName(w) : vocabulary.isSurname(w)));
  // A word in capitals quoted right after a name in capitals is its nickname, whatever else it spells ('HARGROVE, WILLIAM "WILL"').
  const quotedCapitals = group === 2 && /^\p{Lu}{2,}$/u.test(words[0] ?? '') && /^[^\p{Ll}]+$/u.test(text.slice(Math.max(0, end - 12), end)) && !isLabelWord(words[0]!);
  if (!m || words.length === 0 || !(quotedCapitals || words.every(nameLike))) return undefined;
  const [start, stop] = m.indices![group]!;
  return { kind: 'name', start: end + start, end: end + stop };
}
