import { getWordNet } from '../lexicon/index.js';
import { isMedicalCodeShape } from './code-shapes.js';
import type { PhiFinding } from './phi-types.js';

// A disease named after a person ("Hashimoto's thyroiditis", "Hodgkin lymphoma", "Guillain-Barre
// syndrome") names no patient. A found one-word name is an eponym when WordNet names a condition
// after it and the next word is a condition, a body part, a process or a diagnosis code
// ("Hashimoto's E06.3"): "pt Addison's claim" and "Addison called" stay names, and so does
// "pt Whitaker's E11.9" (WordNet names no condition after Whitaker).

const NEXT_WORD = /^(?:['’]s)?[ \t]+([A-Za-z][\w.-]*)/;
const MEDICAL_CLASSES = new Set(['noun.state', 'noun.body', 'noun.process']);

/** True when a found name is the eponym of a condition written right before the condition's noun. */
export function isEponym(text: string, finding: PhiFinding): boolean {
  const word = text.slice(finding.start, finding.end).replace(/['’]s$/, '').replace(/^non-/i, '');
  if (!/^\p{Lu}[\p{L}-]+$/u.test(word)) return false;
  const next = NEXT_WORD.exec(text.slice(finding.end, finding.end + 40))?.[1];
  const wordnet = getWordNet();
  const medical = (w: string) => isMedicalCodeShape(w.replace(/\.$/, '')) || wordnet.nounClasses(w, 2).some((c) => MEDICAL_CLASSES.has(c));
  return next !== undefined && wordnet.namesCondition(word) && medical(next);
}
