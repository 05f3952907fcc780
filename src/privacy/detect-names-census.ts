import { getWordNet } from '../lexicon/index.js';
import { CALENDAR_WORD } from './date-patterns.js';
import { isAcronym, isLabelWord } from './label-words.js';
import { joined, type Term } from './detect-names-nlp.js';
import { isMedicalWord } from './eponyms.js';
import { inOneCase } from './name-evidence.js';
import type { PhiFinding } from './phi-types.js';
import { OPAQUE } from './placeholder.js';
import type { Vocabulary } from './vocabulary.js';

// Names the tagger and the vocabulary check miss because their words are English words too
// ("june cook", "Patience Okoro", "IRIS STONE"). The evidence is the 1990 US Census name lists
// (a given name, a surname: src/lexicon/census-names.ts) combined with where and how the words
// are written, never one word alone:
// - a given name in Title case before a Title-case word that is no English word ("Mercy Adjei"),
//   or, in a chart-like message, before a surname ("Rose Hill came in");
// - the same in capitals in a chart-like message ("IRIS STONE");
// - a lower-case given name and surname (or unknown word) in a chart-like message, opening a line
//   ("june cook — DOS") or right before a date, identifier or code ("for hope young, E0784"), or
//   anywhere when the surname is no English word as spelled ("earl haskins");
// - a given name or unknown word alone opening a chart-like message, set off by "(", "," or a
//   dash ("hope (first name only ...", "Babajide (mom ...").
// Guide words that are no English word (organisations, products), the detectors' labels, function
// words in lower case and acronyms are never part of such a name.

const TITLE = /^\p{Lu}\p{Ll}+$/u;
const TITLE_SURNAME = /^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}\p{Ll}+)*(?:['’]s)?$/u;
const CAPITALS = /^\p{Lu}{3,}(?:-\p{Lu}{2,})?$/u;
const LOWER = /^\p{Ll}+(?:-\p{Ll}+)?$/u;
/** What may stand between a lower-case name and a date, identifier or code after it. */
const BEFORE_ANCHOR = new RegExp(`^[ \\t]*[,(—–-]?[ \\t]*(?:${OPAQUE}|[A-Z]?\\d)`, 'u');
/** Shortest lower-case unknown word read as a surname. */
const MIN_UNKNOWN_SURNAME = 5;
/** What sets off a one-word name opening a message. */
const SET_OFF = /^[ \t]*(?:[(,—–]|-[ \t])/;

/** Finds names from census evidence and position (see the module comment); `terms` as in detectNamesByEvidence. */
export function detectCensusNames(text: string, terms: readonly Term[], vocabulary: Vocabulary, chartLike: boolean): PhiFinding[] {
  const found: PhiFinding[] = [];
  const words = terms.map((t) => (text.slice(t.start, t.end).includes(OPAQUE) ? '' : t.text));
  for (let k = 0; k + 1 < terms.length; k++) {
    const [first, second] = [terms[k]!, terms[k + 1]!];
    if (!words[k] || !words[k + 1] || !joined(first) || first.after === '-') continue;
    if (isNamePair(first, second, text, vocabulary, chartLike)) found.push({ kind: 'name', start: first.start, end: second.end });
  }
  if (chartLike) found.push(...loneGivenNamesMidSentence(text, terms, words, vocabulary), ...givenNamesInBeds(text, terms, words, vocabulary));
  const opening = terms[0];
  if (opening && chartLike && words[0] && /^\s*$/.test(text.slice(0, opening.start)) && isLoneOpeningName(text, opening, vocabulary)) {
    found.push({ kind: 'name', start: opening.start, end: opening.end });
  }
  return found;
}

/**
 * "got a call from Joy at the house", "follow up on Grant's labs": in a chart-like message, a census
 * given name in Title case in the middle of a sentence, alone (no capitalised word beside it), is a
 * person: an English word there would be written in lower case. Not behind a clinician's title.
 */
function loneGivenNamesMidSentence(text: string, terms: readonly Term[], words: readonly string[], vocabulary: Vocabulary): PhiFinding[] {
  const found: PhiFinding[] = [];
  for (let k = 1; k < terms.length; k++) {
    const [before, term, after] = [terms[k - 1]!, terms[k]!, terms[k + 1]];
    const word = term.text.replace(/['’]s$/u, '');
    if (!words[k] || !TITLE.test(word) || !vocabulary.isGivenName(word) || !isNameWord(word, vocabulary)) continue;
    if (/[.!?:;\n•*#>|]/.test(before.after) || !/^\p{Ll}/u.test(before.text) || CLINICIAN_TITLE.test(before.text)) continue;
    if (after && /^\p{Lu}/u.test(after.text) && /^[ \t]*$/.test(term.after)) continue;
    if (vocabulary.isFunctionWord(word) || vocabulary.isKnown(word) || CALENDAR_WORD.test(word) || getWordNet().isProperNounOnly(word)) continue;
    // "Bell's palsy": a possessive before a condition or body part may be an eponym WordNet lacks.
    if (word !== term.text && after && isMedicalWord(after.text)) continue;
    found.push({ kind: 'name', start: term.start, end: term.end });
  }
  return found;
}

/** Fewest letters of a surname in capitals read before a bed: "ICU", "PACU", "NICU" are units. */
const MIN_CAPITALS_SURNAME = 5;

// "in bed 7W-22", "in rm 412-B", "in room [found id]": where a patient lies.
const IN_BED = new RegExp(`^[ \\t]+in[ \\t]+(?:bed|room|rm\\.?)[ \\t]*#?[ \\t]*(?:${OPAQUE}|[A-Za-z]{0,4}-?\\d)`, 'i');

/**
 * "ruby in bed 7W-22", "Soledad in room 3N-14", "KOWALCZYK in room 714": in a chart-like message, a
 * census given name in any case, or a capitalised word no dictionary knows, right before a bed or
 * room is the person lying there.
 */
function givenNamesInBeds(text: string, terms: readonly Term[], words: readonly string[], vocabulary: Vocabulary): PhiFinding[] {
  // Short capitals are mostly a unit's acronym ("ICU in room 4"); a surname in capitals is longer.
  const unknownCapitalised = (word: string) => /^\p{Lu}/u.test(word) && (!CAPITALS.test(word) || word.length >= MIN_CAPITALS_SURNAME);
  const nameLike = (word: string) =>
    vocabulary.isGivenName(word) || (unknownCapitalised(word) && isSurnameLike(word, vocabulary) && !vocabulary.isFamiliar(word) && !isAcronymOfGuide(word, vocabulary));
  return terms
    .filter((term, k) => words[k] && nameLike(term.text) && isNameWord(term.text, vocabulary) && !vocabulary.isFunctionWord(term.text))
    .filter((term) => IN_BED.test(text.slice(term.end, term.end + 24)))
    .map((term) => ({ kind: 'name' as const, start: term.start, end: term.end }));
}

const CLINICIAN_TITLE = /^(?:dr|doctor|prof|nurse|np|pa)\.?$/i;

function isNamePair(first: Term, second: Term, text: string, vocabulary: Vocabulary, chartLike: boolean): boolean {
  const [a, b] = [first.text, second.text.replace(/['’]s$/u, '')];
  if (!isNameWord(a, vocabulary) || !isNameWord(b, vocabulary)) return false;
  if (TITLE.test(a) && TITLE_SURNAME.test(second.text)) return isTitleCaseName(a, b, vocabulary, chartLike);
  if (isCapitalsName(a, b, vocabulary)) return true;
  if (!vocabulary.isGivenName(a) || !chartLike) return false;
  if (CAPITALS.test(a) && CAPITALS.test(b)) return isSurnameLike(b, vocabulary) && !isAcronymOfGuide(a, vocabulary) && !isAcronymOfGuide(b, vocabulary);
  if (!LOWER.test(a) || !LOWER.test(b) || !isSurnameLike(b, vocabulary) || second.tags.has('Verb')) return false;
  // Function words are in the census lists too ("my", "in", "so"): a lower-case name only before a
  // word the tagger knows as a surname ("will fisher").
  if (vocabulary.isFunctionWord(b) || (vocabulary.isFunctionWord(a) && !second.tags.has('LastName'))) return false;
  // A surname that is no English word says enough on its own ("this is earl, earl haskins, call me");
  // an English one ("june cook") needs the name to open a line or stand before a date, id or code.
  if (b.length >= MIN_UNKNOWN_SURNAME && !vocabulary.isDictionaryWord(b)) return true;
  return opensLine(text, first.start) || BEFORE_ANCHOR.test(text.slice(second.end, second.end + 12));
}

/** "CHRISTOPHER MAHONEY" anywhere: a census given name and surname in capitals, neither an English word nor the guides'. */
function isCapitalsName(a: string, b: string, vocabulary: Vocabulary): boolean {
  if (!CAPITALS.test(a) || !CAPITALS.test(b) || !vocabulary.isGivenName(a) || !vocabulary.isSurname(b)) return false;
  return [a, b].every((w) => !vocabulary.isFamiliar(w) && !isAcronymOfGuide(w, vocabulary));
}

function isTitleCaseName(a: string, b: string, vocabulary: Vocabulary, chartLike: boolean): boolean {
  // A day or month is no surname ("Black Friday").
  if (CALENDAR_WORD.test(b)) return false;
  // A person's name in WordNet before a surname no dictionary knows: "Wren Castellano".
  if (vocabulary.isPersonName(a) && vocabulary.isSurname(b) && !vocabulary.isDictionaryWord(b)) return true;
  return vocabulary.isGivenName(a) && (!vocabulary.isFamiliar(b) || (chartLike && vocabulary.isSurname(b)));
}

/** A census surname, or a word no dictionary knows (a short lower-case one is more often shorthand, "addr"). */
function isSurnameLike(word: string, vocabulary: Vocabulary): boolean {
  return vocabulary.isSurname(word) || (!vocabulary.isFamiliar(word) && (word.length >= MIN_UNKNOWN_SURNAME || !LOWER.test(word)));
}

/** A word that can be part of a name: no label, no guide-only word (organisation, product), no acronym in mixed case. */
function isNameWord(word: string, vocabulary: Vocabulary): boolean {
  if (isLabelWord(word) || (vocabulary.isKnown(word) && !vocabulary.isDictionaryWord(word))) return false;
  return CAPITALS.test(word) || !isAcronym(word);
}

// Charts and claim lines write a patient surname first, in capitals: "SOKOLOVA, ANASTASIA",
// "O'BRIEN, SIOBHAN M.", "JOHNSON, MARY ELLEN R". Credentials and organisations are listed in
// capitals with commas too ("AAPC, AHIMA"), so the word after the comma must be a census given name.
const INVERTED_CAPITALS = /(?<![\p{L}\d])(?<surname>\p{Lu}+(?:['’-]\p{Lu}+)*),[ \t]*(?<given>\p{Lu}{2,})(?:[ \t]+(?<middle>\p{Lu}{2,}))?(?:[ \t]+(?<initial>\p{Lu})\b\.?)?/dgu;

/** "SURNAME, GIVEN [GIVEN] [I.]" in capitals (see INVERTED_CAPITALS). */
export function detectInvertedCapitalNames(text: string, vocabulary: Vocabulary): PhiFinding[] {
  const found: PhiFinding[] = [];
  const pattern = new RegExp(INVERTED_CAPITALS);
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const name = invertedCapitalName(text, m, vocabulary);
    if (name) found.push(name);
    // A pair that is no name may end where one starts ("ICU, SMITH, JOHN"): read on from its second word.
    else pattern.lastIndex = m.indices!.groups!.given![0];
  }
  return found;
}

/** The name a "SURNAME, GIVEN …" match makes, or undefined when it is none. */
function invertedCapitalName(text: string, m: RegExpExecArray, vocabulary: Vocabulary): PhiFinding | undefined {
  const { surname, given, middle, initial } = m.groups as { surname: string; given: string; middle?: string; initial?: string };
  // A given name the census lists, or one no lexicon knows when a middle initial follows ("ADEBAYO, FOLASADE T."):
  // credentials and organisations listed in capitals do not take initials.
  const givenLike = vocabulary.isGivenName(given) || (initial !== undefined && middle === undefined && !vocabulary.isFamiliar(given));
  if (surname.length < 2 || !givenLike || !isSurnameLike(surname, vocabulary)) return undefined;
  if ([surname, given].some((w) => isAcronymOfGuide(w, vocabulary) || isLabelWord(w)) || insideCapitalsList(text, m.index, m.index + m[0].length)) return undefined;
  // A second capital word is the name's only when it is a name too ("MARY ELLEN", not "JOHN CPT").
  const nameMiddle = middle !== undefined && (vocabulary.isGivenName(middle) || vocabulary.isSurname(middle)) && !isAcronymOfGuide(middle, vocabulary);
  const at = m.indices!.groups!;
  const last = middle !== undefined && !nameMiddle ? at.given : (at.initial ?? at.middle ?? at.given);
  const end = last![1];
  // An initial keeps its full stop ("SIOBHAN M.").
  return { kind: 'name', start: m.index, end: last === at.initial && text[end] === '.' ? end + 1 : end };
}

// Feeds and wristbands also print "SURNAME GIVEN I" in capitals without the comma ("MENSAH KOFI Y"):
// two capital words, neither an English word nor one of the guides', and a middle initial after them.
const CAPITALS_WITH_INITIAL = /(?<![\p{L}\d'’-])(?<surname>\p{Lu}{3,}(?:['’-]\p{Lu}+)*)[ \t]+(?<given>\p{Lu}{3,})[ \t]+\p{Lu}\b\.?(?![\p{L}\d])/dgu;

/** "SURNAME GIVEN I" in capitals (see CAPITALS_WITH_INITIAL). */
export function detectCapitalNamesWithInitial(text: string, vocabulary: Vocabulary): PhiFinding[] {
  return [...text.matchAll(CAPITALS_WITH_INITIAL)]
    .filter((m) => {
      const words = [m.groups!.surname!, m.groups!.given!];
      return words.every((w) => !vocabulary.isDictionaryWord(w) && !isAcronymOfGuide(w, vocabulary) && !isLabelWord(w)) && words.some((w) => vocabulary.isGivenName(w) || vocabulary.isSurname(w) || !vocabulary.isFamiliar(w));
    })
    .map((m) => ({ kind: 'name' as const, start: m.index, end: m.index + m[0].length }));
}

// "the ABN for Lane Cotton was signed by his wife Joy Cotton": two census given names before one
// census surname name two people of one family, though every word is an English word too.
const TITLE_PAIR = /(?<![\p{L}'’-])(\p{Lu}\p{Ll}+)[ \t]+(\p{Lu}\p{Ll}+)(?:['’]s)?(?![\p{L}'’-])/gu;

/** Title-case pairs whose surname follows two or more different given names in one message (see TITLE_PAIR). */
export function detectFamilyNames(text: string, vocabulary: Vocabulary): PhiFinding[] {
  const usable = (w: string) => !vocabulary.isKnown(w) && !isLabelWord(w) && !vocabulary.isFunctionWord(w) && !CALENDAR_WORD.test(w);
  const pairs = [...text.matchAll(TITLE_PAIR)].filter((m) => usable(m[1]!) && usable(m[2]!) && vocabulary.isGivenName(m[1]!) && vocabulary.isSurname(m[2]!));
  return pairs
    .filter((m) => new Set(pairs.filter((o) => o[2] === m[2]).map((o) => o[1])).size >= 2)
    .map((m) => ({ kind: 'name' as const, start: m.index, end: m.index + m[0].replace(/['’]s$/u, '').length }));
}

// A list of capital terms goes on before and after the pair: "277CA, EOB, ERA, RA" lists terms. A
// label or a bare number beside it is a record's field ("MRN 4471, SMITH, JOHN, DOB 4/5/67").
const LIST_ITEM_BEFORE = /(?<![\p{L}\d-])([\p{Lu}\d][\p{Lu}\d-]*),[ \t]*$/u;
const LIST_ITEM_AFTER = /^,[ \t]*([\p{Lu}\d][\p{Lu}\d-]*)(?![\p{L}\d])/u;

function insideCapitalsList(text: string, start: number, end: number): boolean {
  const before = LIST_ITEM_BEFORE.exec(text.slice(Math.max(0, start - 16), start))?.[1];
  const after = LIST_ITEM_AFTER.exec(text.slice(end, end + 16))?.[1];
  const term = (item: string | undefined) => item !== undefined && /\p{Lu}/u.test(item) && !isLabelWord(item);
  return term(before) && term(after);
}

// The same order in Title case, as worklists, schedules and face sheets write it: "Okonkwo, Chidi
// E.", "Kiefer, Hal for a lap chole", "Ruiz, Anselmo.", "Park, Sun-hee", or with the surname in
// capitals ("OKAFOR, Chidi"). A surname the census lists or no lexicon knows, a comma, then a
// census given name (or a word no lexicon knows, after a surname in capitals or before an initial).
// Neither may be a place WordNet knows before a known word ("Austin, Dallas and Houston"), and not both English words.
const INVERTED_TITLE = /(?<![\p{L}\d'’-])(?<surname>\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}\p{Ll}+)*|\p{Lu}{3,}(?:[-'’]\p{Lu}+)*),[ \t]+(?<given>\p{Lu}\p{Ll}+(?:-\p{Ll}+)?)(?:[ \t]+(?<initial>\p{Lu})\.(?![\p{L}]))?(?![\p{L}'’-])/dgu;

/** "Surname, Given [I.]" in Title case, the surname possibly in capitals (see INVERTED_TITLE). */
export function detectInvertedTitleNames(text: string, vocabulary: Vocabulary): PhiFinding[] {
  const found: PhiFinding[] = [];
  for (const m of text.matchAll(INVERTED_TITLE)) {
    const { surname, given, initial } = m.groups as { surname: string; given: string; initial?: string };
    // After a surname in capitals or as a double given name ("Sun-hee"), "no English word as spelled" is enough.
    const setApart = CAPITALS.test(surname) || given.includes('-');
    const unknownGiven = !vocabulary.isFamiliar(given) || (setApart && !vocabulary.isDictionaryWord(given));
    const givenLike = vocabulary.isGivenName(given) || ((initial !== undefined || setApart) && unknownGiven);
    const surnameLike = vocabulary.isSurname(surname) || (surname.length >= MIN_UNKNOWN_SURNAME && !vocabulary.isFamiliar(surname));
    if (!givenLike || !surnameLike || [surname, given].some((w) => isAcronymOfGuide(w, vocabulary) || isLabelWord(w))) continue;
    // "Austin, Dallas", "Houston, Texas": a place, then a place or a word a dictionary knows.
    if (isPlaceWord(given) || (isPlaceWord(surname) && vocabulary.isDictionaryWord(given))) continue;
    if (vocabulary.isDictionaryWord(surname) && vocabulary.isDictionaryWord(given)) continue;
    found.push({ kind: 'name', start: m.index, end: m.index + m[0].length });
  }
  return [...found, ...invertedLowerCaseNames(text, vocabulary)];
}

// "benally, jonah - chart has …": the same order in lower case, opening a line and set off by a dash,
// a bracket, a colon or a number; or anywhere right before a number ("chart for mcdonagh, eileen
// 4/9/42"). The surname must be no English word as spelled, the given name a census one.
const LOWER_CASE_PAIR = '(?<surname>\\p{Ll}{3,}(?:-\\p{Ll}+)?),[ \\t]+(?<given>\\p{Ll}{3,})';
const INVERTED_LOWER_CASE = [
  new RegExp(`(?<=^|\\n)[ \\t]*${LOWER_CASE_PAIR}(?=[ \\t]*(?:[-—–(:]|\\d))`, 'dgu'),
  new RegExp(`(?<=[^\\n\\S])${LOWER_CASE_PAIR}(?=[ \\t]*\\d)`, 'dgu'),
];

function invertedLowerCaseNames(text: string, vocabulary: Vocabulary): PhiFinding[] {
  return INVERTED_LOWER_CASE.flatMap((pattern) => [...text.matchAll(pattern)])
    .filter((m) => {
      const { surname, given } = m.groups as { surname: string; given: string };
      const usable = (w: string) => !vocabulary.isKnown(w) && !vocabulary.isFunctionWord(w) && !isLabelWord(w);
      // As spelled: a lower-case surname is often one letter from an English word ("benally").
      const surnameLike = !vocabulary.isDictionaryWord(surname) && (surname.length >= MIN_UNKNOWN_SURNAME || vocabulary.isSurname(surname));
      return usable(surname) && usable(given) && surnameLike && vocabulary.isGivenName(given);
    })
    .map((m) => {
      const [start] = m.indices!.groups!.surname!;
      return { kind: 'name' as const, start, end: m.indices!.groups!.given![1] };
    });
}

function isPlaceWord(word: string): boolean {
  return getWordNet().nounClasses(word, 3).includes('noun.location');
}

/**
 * A capitalised word the guides use that is no English word (a credential, an organisation's
 * acronym): "CPC", "AHIMA". An English word the guides also use ("STRONG", "YOUNG") may still be a
 * surname in capitals.
 */
function isAcronymOfGuide(word: string, vocabulary: Vocabulary): boolean {
  return (vocabulary.isKnown(word) && !vocabulary.isDictionaryWord(word)) || vocabulary.isFunctionWord(word);
}

function isLoneOpeningName(text: string, term: Term, vocabulary: Vocabulary): boolean {
  const word = term.text;
  if (!/^\p{L}+$/u.test(word) || !SET_OFF.test(term.after) || !isNameWord(word, vocabulary) || isAcronym(word)) return false;
  // "ok, ...", "so, ...", "ugh, ...": function words (some are in the census lists) and interjections.
  if (vocabulary.isFunctionWord(word) || term.tags.has('Expression') || glossedInLowerCase(text, term, vocabulary)) return false;
  return vocabulary.isGivenName(word) || !vocabulary.isFamiliar(word);
}

/**
 * "Ozempic (semaglutide) …": a word glossed in brackets by one lower-case word no dictionary knows
 * is a product with its generic name, not a person; a name is glossed by a role ("(pt)", "(mom)"),
 * a nickname or a number, and is written in one case with its parts.
 */
function glossedInLowerCase(text: string, term: Term, vocabulary: Vocabulary): boolean {
  const gloss = /^[ \t]*\([ \t]*(\p{L}[\p{L}-]{3,})[ \t]*\)/u.exec(text.slice(term.end))?.[1];
  return gloss !== undefined && !inOneCase(term.text, gloss) && !vocabulary.isFamiliar(gloss);
}

function opensLine(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return /^[ \t>*•-]*$/.test(text.slice(lineStart, at));
}
