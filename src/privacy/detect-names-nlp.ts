import nlp from 'compromise';
import { isAcronym, isLabelWord, labelSpans } from './label-words.js';
import { inOneCase } from './name-evidence.js';
import type { PhiFinding } from './phi-types.js';
import { OPAQUE } from './placeholder.js';
import { isCompound, type Vocabulary } from './vocabulary.js';

// Names without a patient cue ("coded a visit for jane q doe 4/5/67 today").
// Independent kinds of evidence, none a list of cue words:
// - compromise's part-of-speech tagger, whose lexicon knows first and last
//   names and tags them Person whatever their case, and which tags a
//   capitalised word mid-sentence as a proper noun;
// - the vocabulary check (vocabulary.ts): a word that is no English word (a
//   WordNet lemma only as a proper noun does not count), no guide word and no
//   near-miss spelling;
// - WordNet's people and relatives: a common word that is also a person's name
//   ("Hope", "Crane"), a word for a relative ("her son Ray").
// A run of such words is a name when it has two of them ("jane q doe"), or one
// next to a date (or a labelled one), one behind Mr/Mrs/Ms or a relative, a
// Person word beside a proper noun, or one Person word in a chart-like
// message. Credentials and organisations are kept out: acronyms, the
// detectors' labels, a word compromise tags Organization or Place, a run of
// guide words, and anyone behind "Dr." (a clinician, not the patient) are
// never names.

/** A word as the tagger read it. */
export interface Term {
  text: string;
  start: number;
  end: number;
  /** Text between this term and the next. */
  after: string;
  tags: ReadonlySet<string>;
}

const PERSON_TAGS = ['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName'];
const CLINICIAN = /^(?:dr|doctor|prof|professor|nurse|np|pa|rn|md|do)$/i;
const HONORIFIC = /^(?:mr|mrs|ms|mx|miss)$/i;
const SINGLE_LETTER_WORDS = /^[aiAI]$/;

/**
 * Finds names from tagger and vocabulary evidence in `text` (where found spans are already
 * masked); `terms` are the tagged words of the original text ({@link tagTerms}, offsets
 * unchanged by masking), `dates` the message's date findings.
 */
export function detectNamesByEvidence(text: string, terms: readonly Term[], vocabulary: Vocabulary, chartLike: boolean, dates: readonly PhiFinding[]): PhiFinding[] {
  const labels = labelSpans(text);
  const kinds = terms.map((t) => (text.slice(t.start, t.end).includes(OPAQUE) || labels.some((l) => l.start < t.end && t.start < l.end) ? 'other' : classify(t, vocabulary)));
  shareHyphenEvidence(terms, kinds);
  excludePeersOfGuideTerms(terms, kinds, vocabulary);
  const found: PhiFinding[] = [];
  let i = 0;
  while (i < terms.length) {
    if (kinds[i] === 'other' || kinds[i] === 'initial') {
      i += 1;
      continue;
    }
    let j = i;
    // Extend over name words and initials; after an initial the next word is the surname whatever it is ("jane q doe").
    while (j + 1 < terms.length && joined(terms[j]!) && !termAfterName(terms[j]!, terms[j + 1]!, kinds[j + 1]!) && (kinds[j + 1] !== 'other' || (kinds[j] === 'initial' && isWordLike(terms[j + 1]!)))) j += 1;
    while (j > i && kinds[j] === 'initial') j -= 1;
    const run = terms.slice(i, j + 1);
    const runKinds = kinds.slice(i, j + 1);
    if (acceptRun(run, runKinds, terms[i - 1], text, chartLike, dates, vocabulary) || afterRelative(terms, i, vocabulary) || besideProperName(terms, i, j, kinds, vocabulary)) {
      // The rest of a capitalised name the evidence missed ("Ignatius" in "Ignatius Pemberton").
      let first = i;
      while (first > 0 && joined(terms[first - 1]!) && isProperName(terms[first - 1]!)) first -= 1;
      let last = j;
      while (last + 1 < terms.length && joined(terms[last]!) && isProperName(terms[last + 1]!)) last += 1;
      found.push({ kind: 'name', start: terms[first]!.start, end: terms[last]!.end });
      j = last;
    }
    i = j + 1;
  }
  return [...found, ...subjectNames(terms, kinds, chartLike)];
}

/**
 * The tagger splits "Hyun-woo" and "Mei-Ling" into parts: a part that is a name word makes the
 * whole compound one ("woo" is an English word, "Hyun" is not).
 */
function shareHyphenEvidence(terms: readonly Term[], kinds: TermKind[]): void {
  for (let k = 0; k + 1 < terms.length; k++) {
    if (terms[k]!.after !== '-' || !/^\p{Lu}/u.test(terms[k]!.text)) continue;
    const [a, b] = [kinds[k]!, kinds[k + 1]!];
    const nameWord = (x: TermKind) => x === 'person' || x === 'unknown';
    if (nameWord(a) && !nameWord(b) && b !== 'initial') kinds[k + 1] = a;
    else if (nameWord(b) && !nameWord(a) && a !== 'initial') kinds[k] = b;
  }
}

/**
 * "Meditech vs Epic vs Cerner": a capitalised word listed with a guide's word ("vs", "or", "and",
 * a comma or a slash between them) is a peer of it — a product, payer or organisation — and so is
 * every other occurrence of it in the message ("new job is Meditech Expanse").
 */
function excludePeersOfGuideTerms(terms: readonly Term[], kinds: TermKind[], vocabulary: Vocabulary): void {
  const guideTerm = (t: Term | undefined) => !!t && /^\p{Lu}/u.test(t.text) && vocabulary.isKnown(t.text) && !vocabulary.isFunctionWord(t.text);
  const peers = new Set<string>();
  terms.forEach((t, k) => {
    if (/^\p{Lu}/u.test(t.text) && !vocabulary.isKnown(t.text) && (guideTerm(listNeighbour(terms, k, 1)) || guideTerm(listNeighbour(terms, k, -1)))) peers.add(t.text);
  });
  terms.forEach((t, k) => {
    if (peers.has(t.text)) kinds[k] = 'other';
  });
}

const LIST_SEPARATOR = /^[ \t]*[,/&][ \t]*$/;
const LIST_WORD = /^(?:vs\.?|versus|or|and)$/i;

/** The term listed next to terms[k] on side `step` (1: after, -1: before), behind a comma, slash, "&", "vs", "or" or "and". */
function listNeighbour(terms: readonly Term[], k: number, step: 1 | -1): Term | undefined {
  const [left, right] = step === 1 ? [terms[k], terms[k + 1]] : [terms[k - 1], terms[k]];
  if (!left || !right) return undefined;
  if (LIST_SEPARATOR.test(left.after)) return step === 1 ? right : left;
  const word = step === 1 ? right : left;
  const beyond = terms[k + 2 * step];
  const spaced = step === 1 ? /^[ \t]+$/.test(terms[k]!.after) : !!beyond && /^[ \t]+$/.test(beyond.after);
  return LIST_WORD.test(word.text) && spaced ? beyond : undefined;
}

/** "Nissen fundoplication", "Heller myotomy": an unknown word in the other case ends the run (see `inOneCase`). */
function termAfterName(term: Term, next: Term, nextKind: TermKind): boolean {
  return nextKind === 'unknown' && /^\p{Lu}\p{Ll}/u.test(term.text) && !inOneCase(term.text, next.text);
}

/** "her daughter is Latrice", "his son, Ray": a word for a relative, then "is", "named" or a comma, then one name word. */
function afterRelative(terms: readonly Term[], i: number, vocabulary: Vocabulary): boolean {
  const run = terms[i];
  const link = terms[i - 1];
  const relative = terms[i - 2];
  if (!run || !link || !relative || !/^\p{Lu}\p{Ll}/u.test(run.text)) return false;
  return /^(?:is|was|named|called)$/i.test(link.text) && /^[ \t]+$/.test(link.after) && /^[ \t]+$/.test(relative.after) && vocabulary.isRelative(relative.text);
}

/** A lone Person word right beside another capitalised proper noun: "Faith Long", "Tobias Engel's". */
function besideProperName(terms: readonly Term[], i: number, j: number, kinds: readonly TermKind[], vocabulary: Vocabulary): boolean {
  if (i !== j || kinds[i] !== 'person') return false;
  // The neighbour must be an English word ("Long") or another Person word, not a brand's coinage ("Permanente").
  const nameLike = (t: Term | undefined) => !!t && isProperName(t) && (vocabulary.isDictionaryWord(t.text) || PERSON_TAGS.some((p) => t.tags.has(p)));
  const before = terms[i - 1];
  return (!!before && joined(before) && nameLike(before)) || (joined(terms[j]!) && nameLike(terms[j + 1]));
}

/**
 * A capitalised modal followed by a past tense in a chart-like message ("Will came back",
 * "May went home"): a modal never takes a past tense, so the word is a name.
 */
function subjectNames(terms: readonly Term[], kinds: readonly TermKind[], chartLike: boolean): PhiFinding[] {
  if (!chartLike) return [];
  const found: PhiFinding[] = [];
  terms.forEach((term, k) => {
    const next = terms[k + 1];
    if (next && joined(term) && kinds[k] !== 'initial' && /^\p{Lu}\p{Ll}+$/u.test(term.text) && term.tags.has('Modal') && next.tags.has('PastTense')) {
      found.push({ kind: 'name', start: term.start, end: term.end });
    }
  });
  return found;
}

/**
 * person: the tagger's Person word; unknown: no word the vocabulary check knows; capital: an
 * English word the tagger reads as a proper noun mid-sentence ("Hope", "Crane"), a name only
 * beside another name word; initial: a single letter.
 */
type TermKind = 'person' | 'unknown' | 'capital' | 'initial' | 'other';

const NOT_A_NAME_TAGS = ['Organization', 'Place', 'Honorific', 'Date', 'Acronym', 'Pronoun', 'Verb', 'Adverb', 'Value'];

function classify(term: Term, vocabulary: Vocabulary): TermKind {
  const { text, tags } = term;
  if (/^\p{L}\.?$/u.test(text) && !SINGLE_LETTER_WORDS.test(text)) return 'initial';
  if (!isWordLike(term) || isLabelWord(text) || isAcronym(text) || tags.has('Organization') || tags.has('Place') || tags.has('Honorific')) return 'other';
  if (PERSON_TAGS.some((t) => tags.has(t))) return vocabulary.isKnown(text) && !tags.has('FirstName') ? 'other' : 'person';
  if (tags.has('Verb') || tags.has('Adverb') || tags.has('Adjective') || tags.has('Date') || tags.has('Value')) return 'other';
  if (!vocabulary.isFamiliar(text)) return 'unknown';
  return isCapitalisedProperNoun(term) && vocabulary.isDictionaryWord(text) && !vocabulary.isKnown(text) ? 'capital' : 'other';
}

/** A Title-case word the tagger calls a proper noun, and nothing that rules a name out. */
function isCapitalisedProperNoun(term: Term): boolean {
  return term.tags.has('ProperNoun') && /^\p{Lu}\p{Ll}+(?:-\p{L}+)?(?:['’]s)?$/u.test(term.text) && !NOT_A_NAME_TAGS.some((t) => term.tags.has(t));
}

function acceptRun(run: readonly Term[], kinds: TermKind[], before: Term | undefined, text: string, chartLike: boolean, dates: readonly PhiFinding[], vocabulary: Vocabulary): boolean {
  const leader = before && /^\.?[ \t]*$/.test(before.after) ? before.text : '';
  if (CLINICIAN.test(leader)) return false;
  const words = kinds.filter((k) => k !== 'initial' && k !== 'other').length;
  // Two English words in Title case ("Coverage Database", "Supply Chain") are a name only in a
  // chart-like message, and only if one is known as a person's name ("Hope Summers").
  const personEvidence = kinds.some((k, n) => k === 'person' || k === 'unknown' || (chartLike && k === 'capital' && vocabulary.isPersonName(run[n]!.text.replace(/['’]s$/, ''))));
  // A common capitalised word no list knows as a name ("Project") does not start a name with a coinage ("Project Xtern").
  const commonWordFirst = kinds[0] === 'capital' && !vocabulary.isPersonName(bare(run[0]!.text)) && !vocabulary.isGivenName(bare(run[0]!.text)) && !vocabulary.isSurname(bare(run[0]!.text));
  if (words >= 2) return personEvidence && !commonWordFirst && !run.every((t) => vocabulary.isKnown(t.text));
  const only = kinds.find((k) => k !== 'initial');
  // "her son Ray", "my daughter Ivy": a word naming a relative introduces the person's name.
  if (leader && /^\p{Lu}/u.test(run[0]!.text) && vocabulary.isRelative(leader)) return true;
  if (only === 'capital') return false;
  // "Ms. Alvarez, my supervisor" is no patient; behind an honorific, one word is a name only in a chart-like message.
  if (HONORIFIC.test(leader) && only) return chartLike;
  if (nextToDate(run, text, dates)) return true;
  // Read as written: a capitalised name one letter off an English word ("Mateo") is no typo. A
  // lower-case blend of two English words is shorthand ("ED profee"), whatever the tagger says.
  const personWord = run.find((_, k) => kinds[k] === 'person')?.text ?? '';
  return only === 'person' && chartLike && !vocabulary.isFamiliar(personWord) && !(/^\p{Ll}+$/u.test(personWord) && isCompound(personWord));
}

/** A date right before or after the run, or right after it behind a date label ("xavier born 8/8/08", "doe, dob 4/5/67"). */
function nextToDate(run: readonly Term[], text: string, dates: readonly PhiFinding[]): boolean {
  const start = run[0]!.start;
  const end = run.at(-1)!.end;
  return dates.some((d) => (d.start >= end && isDateGap(text.slice(end, d.start))) || (d.end <= start && /^[\s,)–-]{0,3}$/.test(text.slice(d.end, start))));
}

function isDateGap(gap: string): boolean {
  if (/^[\s,(–-]{0,3}$/.test(gap)) return true;
  const label = gap.replace(/^[\s,(–-]+|[\s:.,-]+$/g, '');
  return gap.length <= 16 && label.length > 0 && isLabelWord(label);
}

/**
 * Only spaces (and an initial's dot) between two terms, or a hyphen ("Mei-Ling"), or a
 * nickname's quotes (Robert "Bobby" Tanner): a comma or a full stop ends a name.
 */
export function joined(term: Term): boolean {
  return /^(?:[ \t]*["“”]?[ \t]*|-)$/.test(term.after) || (/^\p{L}$/u.test(term.text) && /^\.[ \t]*$/.test(term.after));
}

function isProperName(term: Term): boolean {
  const { tags, text } = term;
  return tags.has('ProperNoun') && /^\p{Lu}\p{Ll}/u.test(text) && isWordLike(term) && !tags.has('Organization') && !tags.has('Place') && !tags.has('Honorific') && !tags.has('Date');
}

function bare(word: string): string {
  return word.replace(/['’]s$/u, '');
}

function isWordLike(term: Term): boolean {
  return /^\p{L}[\p{L}'’-]*$/u.test(term.text);
}

interface CompromiseTerm {
  text: string;
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}

/** Longest stretch of text the tagger reads at once. */
const CHUNK_CHARS = 2_000;
/** A sentence or line, with its closing punctuation. */
const SEGMENT = /[^.!?\n]+[.!?\n]*|[.!?\n]+/g;
/** A word a name could be part of (single letters and digits can't carry a name on their own). */
const CANDIDATE = /\p{L}{2,}/u;

/**
 * Runs the tagger once over a message: its words with offsets and part-of-speech tags. Only
 * sentences holding a word of two or more letters are read, in chunks of at most CHUNK_CHARS,
 * so punctuation floods cost nothing and a long message costs linear time.
 */
export function tagTerms(text: string): Term[] {
  const terms: Term[] = [];
  let chunkStart = -1;
  let chunkEnd = -1;
  const flush = () => {
    if (chunkStart >= 0) terms.push(...tagChunk(text, chunkStart, chunkEnd));
    chunkStart = -1;
  };
  for (const m of text.matchAll(SEGMENT)) {
    if (!CANDIDATE.test(m[0])) {
      flush();
      continue;
    }
    if (chunkStart >= 0 && m.index + m[0].length - chunkStart > CHUNK_CHARS) flush();
    if (chunkStart < 0) chunkStart = m.index;
    chunkEnd = m.index + m[0].length;
  }
  flush();
  return terms;
}

function tagChunk(text: string, from: number, to: number): Term[] {
  const chunk = text.slice(from, to);
  const sentences = nlp(chunk).json({ offset: true }) as Array<{ terms: CompromiseTerm[] }>;
  const raw = sentences.flatMap((s) => s.terms);
  return raw.map((t, k) => {
    const start = from + t.offset.start;
    const end = start + t.text.length;
    const next = k + 1 < raw.length ? from + raw[k + 1]!.offset.start : to;
    return { text: t.text, start, end, after: text.slice(end, next), tags: new Set(t.tags) };
  });
}
