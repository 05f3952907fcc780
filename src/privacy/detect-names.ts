import { isChartLike } from './chart-context.js';
import { isLabelWord } from './label-words.js';
import { isNameStopword, isSoftNameStopword } from './name-stopwords.js';
import type { PhiFinding } from './phi-types.js';

// Names next to a patient cue: "patient John Smith", "Pt: Maria Lopez",
// "Mr. Jones was admitted", "John Smith, 45 y/o". Names without a cue are
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
const PATIENT_CUES = [
  /\b(?:patient|beneficiary|insured|guarantor|subscriber)(?:['’]s)?(?:\s+(?:full\s+)?name\b(?:\s+(?:is|was))?|\s+(?:named|called))?[*_]*[ \t]*[:,(–-]?[*_]*[ \t]*/gi,
  // "pt" stays lowercase/Title-case only: "PT" is physical therapy.
  /\b(?:pt|Pt)\b\.?(?:\s+name\b(?:\s+is)?)?[*_]*[ \t]*[:,(–-]?[*_]*[ \t]*/g,
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
// A name in apposition to "my patient": "Linda, my patient, ...". One token
// is enough here because the cue is explicit.
const NAME_BEFORE_PATIENT = new RegExp(
  `(?<![\\p{L}])((?:${TOKEN}[ \\t]+){0,2}${TOKEN}),[ \\t]*(?:my|our|the|a)[ \\t]+(?:patient|pt)\\b`,
  'gu',
);
// An honorific directly followed by an age reads like a chart: "Mr. Feldman, 71,".
const HONORIFIC_WITH_AGE = new RegExp(
  `\\b(?:Mr|Mrs|Ms|Mx|Miss)\\b\\.?[ \\t]+(?=${TOKEN}(?:[ \\t]+${TOKEN})?,?[ \\t]+\\d{1,3}\\b(?![.,/:]\\d|[ \\t]*%))`,
  'gu',
);

// A name in capitals behind a name label, as old systems print it: "NAME FARRELL, COLM",
// "Patient name: DOE JANE". Two or three all-capital words, "LAST, FIRST" or "FIRST LAST".
const CAPS = "\\p{Lu}{2,}(?:['’-]\\p{Lu}+)*";
const CAPS_NAME_AFTER_LABEL = new RegExp(
  `\\b(?:(?:PATIENT|PT|Patient|Pt)[ \\t]+)?(?:NAME|Name|name)\\b[*_]*[ \\t]*[:=-]?[*_]*[ \\t]*(?<v>${CAPS}(?:,[ \\t]*|[ \\t]+)${CAPS}(?:[ \\t]+${CAPS})?)(?![\\p{L}\\d])`,
  'gdu',
);

/** Finds patient names (see module comment for what counts as a patient cue). */
export function detectNames(text: string): PhiFinding[] {
  const found: PhiFinding[] = [];
  for (const cue of PATIENT_CUES) {
    for (const m of text.matchAll(cue)) pushName(found, readName(text, m.index + m[0].length));
  }
  const chartLike = isChartLike(text);
  const chartCues = chartLike ? CHART_ONLY_CUES : [HONORIFIC_WITH_AGE];
  for (const cue of chartCues) {
    for (const m of text.matchAll(cue)) pushName(found, readName(text, m.index + m[0].length));
  }
  for (const m of text.matchAll(NAME_BEFORE_DEMOGRAPHICS)) {
    pushName(found, trailingName(m[1] ?? '', m.index, 2));
  }
  for (const m of text.matchAll(NAME_BEFORE_PATIENT)) {
    pushName(found, trailingName(m[1] ?? '', m.index, 1));
  }
  return [...found, ...capitalisedNames(text)];
}

function capitalisedNames(text: string): PhiFinding[] {
  const found: PhiFinding[] = [];
  for (const m of text.matchAll(CAPS_NAME_AFTER_LABEL)) {
    const [start, end] = m.indices!.groups!.v!;
    const words = (m.groups?.v ?? '').split(/[,\s]+/u);
    if (!words.some((w) => isNameStopword(w) || isLabelWord(w))) found.push({ kind: 'name', start, end });
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
 * Reads up to three name tokens starting exactly at `pos` ("John Q. Smith",
 * "Smith, John"), stopping before any stopword.
 */
function readName(text: string, pos: number): NameSpan | null {
  let cursor = pos;
  let end = pos;
  const tokens: string[] = [];
  while (tokens.length < MAX_TOKENS) {
    TOKEN_AT.lastIndex = cursor;
    const token = TOKEN_AT.exec(text)?.[0];
    if (!token || isNameStopword(token)) break;
    tokens.push(token);
    end = TOKEN_AT.lastIndex;
    const gap = matchAt(GAP_AT, text, end) ?? (tokens.length === 1 ? matchAt(COMMA_GAP_AT, text, end) : null);
    if (gap === null) break;
    cursor = end + gap.length;
  }
  if (tokens.length === 0) return null;
  if (tokens.length === 1 && isSoftNameStopword(tokens[0] ?? '')) return null;
  return { kind: 'name', start: pos, end, tokens: tokens.length };
}

const TOKENS = new RegExp(TOKEN, 'gu');

/**
 * The name at the end of `group` (which starts at `offset`): the run of
 * non-stopword tokens before the cue, so "Today Maria Lopez, 67F" yields
 * "Maria Lopez". `minTokens` guards weak cues ("Lopez, 67F" alone is too weak).
 */
function trailingName(group: string, offset: number, minTokens: number): NameSpan | null {
  const tokens = [...group.matchAll(TOKENS)];
  let first = tokens.length;
  while (first > 0 && !isNameStopword(tokens[first - 1]?.[0] ?? '')) first -= 1;
  const kept = tokens.slice(first);
  const head = kept[0];
  if (kept.length < minTokens || !head) return null;
  if (kept.length === 1 && isSoftNameStopword(head[0])) return null;
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
export function findRepeats(text: string, names: PhiFinding[]): PhiFinding[] {
  const tokens = new Set<string>();
  for (const n of names) {
    for (const t of text.slice(n.start, n.end).split(/[\s,.]+/u)) {
      if (t.length >= 2 && !isSoftNameStopword(t)) tokens.add(t);
    }
  }
  const repeats: PhiFinding[] = [];
  for (const token of tokens) {
    const re = new RegExp(`(?<![\\p{L}\\d'’-])${escapeRegExp(token)}(?![\\p{L}\\d'’-])`, 'gu');
    for (const m of text.matchAll(re)) repeats.push({ kind: 'name', start: m.index, end: m.index + token.length });
  }
  return repeats;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
