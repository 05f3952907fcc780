import { getWordNet } from '../lexicon/index.js';
import { isMedicalCodeShape } from './code-shapes.js';

// A disease named after a person ("Hashimoto's thyroiditis", "Hodgkin lymphoma", "Guillain-Barre
// syndrome") names no patient. A found one-word name is an eponym when WordNet names a condition
// after it and the next word is a condition, a body part, a process or a diagnosis code
// ("Hashimoto's E06.3", "hashimoto's E06.3"): "pt Addison's claim" and "Addison called" stay names,
// and so does "pt Whitaker's E11.9" (WordNet names no condition after Whitaker). A condition named
// after two people ("Guillain-Barre", "Tay-Sachs") or negated ("Non-Hodgkin") is no one's name even
// where no noun follows it.
//
// WordNet lists few eponyms ("Osgood-Schlatter", "Barrett's esophagus" are not in it). In a message
// that reads like no case (no identifier, no date, no chart wording), the shape says enough: a
// possessive or a hyphenated compound in Title case with a condition, body part or code among the
// next few words ("Barrett's esophagus", "Legg-Calvé-Perthes M91.1-", "Roux-en-Y gastric bypass
// 43644"). In a case the same shape may be a patient's name, so it stays one.

const NEXT_WORDS = /^(?:['’]s?)?((?:[ \t]+[A-Za-z0-9][\w.-]*){1,3})/;
const MEDICAL_CLASSES = new Set(['noun.state', 'noun.body', 'noun.process']);
const POSSESSIVE_TITLE = /^\p{Lu}\p{Ll}+['’]s?$/u;
// Two or three parts, short particles between them allowed: "Osgood-Schlatter", "Roux-en-Y", "Legg-Calvé-Perthes".
const HYPHENATED_TITLE = /^\p{Lu}\p{Ll}+(?:-(?:\p{Ll}{1,3}-)?\p{Lu}\p{Ll}*){1,2}$/u;

/** True when a found name is the eponym of a condition (see above); `caseLike`: the message reads like a case. */
export function isEponym(text: string, span: { start: number; end: number }, caseLike = true): boolean {
  const spanText = text.slice(span.start, span.end);
  const written = spanText.replace(/['’]s?$/, '');
  const word = written.replace(/^non-/i, '');
  const wordnet = getWordNet();
  if (/^\p{L}[\p{L}-]+$/u.test(word) && wordnet.namesCondition(word)) {
    if (!/^\p{Lu}/u.test(word) && !/['’]s?$/.test(spanText)) return false;
    // "Non-Hodgkin", "Guillain-Barre": no one is named so.
    if (word !== written || /^\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+$/u.test(word)) return true;
    const next = nextWords(text, span.end)[0];
    return next !== undefined && isMedicalWord(next);
  }
  return !caseLike && isEponymShaped(text, span, spanText);
}

function isEponymShaped(text: string, span: { start: number; end: number }, spanText: string): boolean {
  const first = spanText.split(/[ \t]+/)[0]!;
  if (!POSSESSIVE_TITLE.test(spanText) && !HYPHENATED_TITLE.test(first)) return false;
  // A hyphenated eponym may have pulled the next word in ("Roux-en-Y gastric"): read on from its end.
  const from = span.start + first.length;
  return nextWords(text, from).some(isMedicalWord);
}

/** Up to three words after `at`, past a possessive ending. */
function nextWords(text: string, at: number): string[] {
  return NEXT_WORDS.exec(text.slice(at, at + 60))?.[1]?.trim().split(/[ \t]+/) ?? [];
}

/** A diagnosis or procedure code, or a noun WordNet files under conditions, body parts or processes. */
export function isMedicalWord(word: string): boolean {
  return isMedicalCodeShape(word.replace(/[.-]+$/, '')) || getWordNet().nounClasses(word, 2).some((c) => MEDICAL_CLASSES.has(c));
}
