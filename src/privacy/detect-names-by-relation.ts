import { CALENDAR_WORD } from './date-patterns.js';
import { CUE_WORD } from './detect-names.js';
import { isAcronym, isLabelWord } from './label-words.js';
import { cueWordKind } from './name-evidence.js';
import type { Term } from './detect-names-nlp.js';
import type { PhiFinding } from './phi-types.js';
import type { Vocabulary } from './vocabulary.js';

// A capitalised word whose relation to someone is spelled out is a person: the owner of a
// relative ("Anneliese's son", "Marta's daughter") or a word with its relation in parentheses
// ("Chaya (wife)", "Tevita (nephew)", "Ngozi (pt)", "cliff (the patient)"). Which words name a relative comes from
// WordNet (kinds of "relative"), not from a list; a patient cue counts as a relation too. A word
// no dictionary knows that owns a record ("Kowalski's account", "Ibekwe's claim") is a person as well,
// and so are two capitalised words owning one when the first reads as a given name ("Gideon Marsh's
// note", "Hollis Church's chart"): a surname may be an English word, the pair still names someone.

const POSSESSIVE = /^(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)['’]s$/u;
// "who has okafor's chart": in lower case only a word no dictionary knows owns a record.
const LOWER_POSSESSIVE = /^(\p{Ll}{4,}(?:-\p{Ll}+)?)['’]s$/u;
const TITLE_WORD = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u;

/** Names found by a relative word next to them (see the module comment). */
export function detectNamesByRelation(text: string, terms: readonly Term[], vocabulary: Vocabulary): PhiFinding[] {
  const found: PhiFinding[] = [];
  terms.forEach((term, k) => {
    const next = terms[k + 1];
    if (!next) return;
    const lowerOwner = LOWER_POSSESSIVE.exec(term.text)?.[1];
    const owner = POSSESSIVE.exec(term.text)?.[1] ?? lowerOwner;
    const ownsRecord = (word: string) => !vocabulary.isFamiliar(word) && vocabulary.isRecordWord(next.text);
    const related = (word: string) => (lowerOwner ? false : vocabulary.isRelative(next.text)) || ownsRecord(word);
    const pair = owner && !lowerOwner ? pairOwningRecord(terms, k, owner, vocabulary) : undefined;
    const introduced = nameAfterRelative(terms, k, vocabulary);
    if (introduced) {
      found.push(introduced);
    } else if (owner && /^[ \t]+$/.test(term.after) && isPersonWord(owner, vocabulary) && related(owner)) {
      found.push({ kind: 'name', start: term.start, end: term.start + owner.length });
    } else if (pair) {
      found.push(pair);
    } else if (isGlossed(terms, k, vocabulary)) {
      found.push({ kind: 'name', start: term.start, end: term.end });
    }
  });
  return found.filter((f) => !/\n/.test(text.slice(f.start, f.end)));
}

/**
 * "w/ daughter June re: …", "my son Tavita Fale called": a relative word right before a capitalised given
 * name (or a word no dictionary knows), and a surname after it, introduces that relative.
 */
function nameAfterRelative(terms: readonly Term[], k: number, vocabulary: Vocabulary): PhiFinding | undefined {
  const [relative, given, surname] = [terms[k]!, terms[k + 1], terms[k + 2]];
  if (!given || !/^[ \t]+$/.test(relative.after) || !TITLE_WORD.test(given.text) || !vocabulary.isRelative(relative.text)) return undefined;
  const usable = (w: string) => isFreeWord(w, vocabulary) && !vocabulary.isRelative(w);
  // A month before a day ("her baby December 2nd") says when, not who; "daughter June re: …" is a name.
  const isDate = CALENDAR_WORD.test(given.text) && /^[ \t]+\d/.test(given.after + (surname?.text ?? ''));
  if (isDate || !usable(given.text) || !(vocabulary.isGivenName(given.text) || !vocabulary.isFamiliar(given.text))) return undefined;
  const withSurname = surname && /^[ \t]+$/.test(given.after) && TITLE_WORD.test(surname.text) && usable(surname.text) && (vocabulary.isSurname(surname.text) || !vocabulary.isFamiliar(surname.text));
  return { kind: 'name', start: given.start, end: withSurname ? surname.end : given.end };
}

/** A word free to be part of a name: no label, function word, guide word or acronym. */
function isFreeWord(word: string, vocabulary: Vocabulary): boolean {
  return !isLabelWord(word) && !vocabulary.isFunctionWord(word) && !vocabulary.isKnown(word) && !isAcronym(word);
}

/** "Gideon Marsh's note", "Hollis Church's op note": a given name and a possessive surname before a record word (the next word or the one after). */
function pairOwningRecord(terms: readonly Term[], k: number, owner: string, vocabulary: Vocabulary): PhiFinding | undefined {
  const given = terms[k - 1];
  const record = [terms[k + 1], terms[k + 2]].find((t, i) => t && vocabulary.isRecordWord(t.text) && (i === 0 || /^\p{L}{1,3}$/u.test(terms[k + 1]!.text)));
  if (!given || !record || !/^[ \t]+$/.test(given.after) || !TITLE_WORD.test(given.text) || !/^[ \t]+$/.test(terms[k]!.after)) return undefined;
  const givenLike = vocabulary.isGivenName(given.text) || !vocabulary.isFamiliar(given.text);
  const surnameLike = vocabulary.isSurname(owner) || !vocabulary.isFamiliar(owner);
  if (!isFreeWord(given.text, vocabulary) || !isFreeWord(owner, vocabulary) || !givenLike || !surnameLike) return undefined;
  return { kind: 'name', start: given.start, end: terms[k]!.start + owner.length };
}

/**
 * A word with its relation in brackets right after it: "Chaya (wife)", "Ngozi (pt)". Glossed as the
 * patient ("so cliff (pt)", "Ruby (the patient, not my cat)"), it may be in any case, and a census
 * given name counts though it is an English word too ("my case (pt)" is no one's name).
 */
function isGlossed(terms: readonly Term[], k: number, vocabulary: Vocabulary): boolean {
  const term = terms[k]!;
  const gloss = terms[k + 1]?.text.toLowerCase() === 'the' ? terms[k + 2] : terms[k + 1];
  if (!gloss || !/^[ \t]*\($/.test(term.after) || !/^[ \t]*[),]/.test(gloss.after)) return false;
  if (vocabulary.isRelative(gloss.text)) return TITLE_WORD.test(term.text) && isPersonWord(term.text, vocabulary);
  if (!CUE_WORD.test(gloss.text) || !/^\p{L}[\p{L}'’-]*$/u.test(term.text)) return false;
  return isPersonWord(term.text, vocabulary) || (vocabulary.isGivenName(term.text) && !isLabelWord(term.text) && !vocabulary.isFunctionWord(term.text) && !vocabulary.isKnown(term.text));
}

/** Evidence of a name as behind a patient cue: no label, function word, guide word or common English word ("Patient's son"). */
function isPersonWord(word: string, vocabulary: Vocabulary): boolean {
  return !isAcronym(word) && cueWordKind(word, vocabulary) === 'evidence';
}
