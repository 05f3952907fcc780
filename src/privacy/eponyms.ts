import { getWordNet } from '../lexicon/index.js';
import { isMedicalCodeShape } from './code-shapes.js';

// A disease named after a person ("Hashimoto's thyroiditis", "Hodgkin lymphoma", "Guillain-Barre
// syndrome") names no patient. A found one-word name is an eponym when WordNet names a condition
// after it and the next word is a condition, a body part, a process or a diagnosis code
// ("Hashimoto's E06.3"): "pt Addison's claim" and "Addison called" stay names, and so does
// "pt Whitaker's E11.9" (WordNet names no condition after Whitaker). A condition named after two
// people ("Guillain-Barre", "Tay-Sachs") or negated ("Non-Hodgkin") is no one's name even where no
// noun follows it.

const NEXT_WORD = /^(?:['’]s)?[ \t]+([A-Za-z][\w.-]*)/;
const MEDICAL_CLASSES = new Set(['noun.state', 'noun.body', 'noun.process']);

/** True when a capitalised word is the eponym of a condition (see above), not a name. */
export function isEponym(text: string, span: { start: number; end: number }): boolean {
  const written = text.slice(span.start, span.end).replace(/['’]s$/, '');
  const word = written.replace(/^non-/i, '');
  if (!/^\p{Lu}[\p{L}-]+$/u.test(word)) return false;
  const wordnet = getWordNet();
  if (!wordnet.namesCondition(word)) return false;
  // "Non-Hodgkin", "Guillain-Barre": no one is named so.
  if (word !== written || /^\p{Lu}\p{Ll}+-\p{Lu}\p{Ll}+$/u.test(word)) return true;
  const next = NEXT_WORD.exec(text.slice(span.end, span.end + 40))?.[1];
  const medical = (w: string) => isMedicalCodeShape(w.replace(/\.$/, '')) || wordnet.nounClasses(w, 2).some((c) => MEDICAL_CLASSES.has(c));
  return next !== undefined && medical(next);
}
