/** Words a question opens with in English (interrogatives and the auxiliaries of yes/no questions). */
const QUESTION_OPENING = /^(?:what|what's|whats|how|how's|why|when|where|which|who|whose|is|are|was|were|do|does|did|can|could|should|would|will|may|might|must|shall)\b/i;

/**
 * True when a message asks something rather than telling: it ends with "?" or opens like a
 * question ("how much does the exam cost"). A session waiting for an answer ("What education
 * do you have?") gets statements back, so such a message is answered as a question instead.
 */
export function asksSomething(text: string): boolean {
  const t = text.trim();
  if (/\?\s*$/.test(t)) return true;
  return QUESTION_OPENING.test(t) && t.split(/\s+/).length >= 3;
}
