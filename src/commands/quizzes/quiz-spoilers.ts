import { escapeRegExp } from '../../text/index.js';

/** The parts of a quiz question that matter here (a structural type, so the generator can import this module). */
interface QuizQuestion {
  answerText: string;
  explanation: string;
  citation: { quote: string };
}

/** Parts shorter than this ("A", "1") are too common to count as giving anything away. */
const MIN_FORM_CHARS = 2;

const normalize = (text: string) => text.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ');

/**
 * The ways an answer can be given away: the whole answer and, for "PTCB (Pharmacy Technician
 * Certification Board)" or "Certified Pharmacy Technician (CPhT)", each half on its own.
 */
export function answerForms(answerText: string): string[] {
  const whole = normalize(answerText.trim());
  const parts = /^(.+?)\s*\(([^()]+)\)$/.exec(whole);
  const forms = parts ? [whole, parts[1]!, parts[2]!] : [whole];
  return [...new Set(forms.map((f) => f.trim()))].filter((f) => f.length >= MIN_FORM_CHARS);
}

/** True when `text` contains one of the answer's forms as whole words ("PTCB" in "a PTCB credential", not "CSPT" in "CSPTs"). */
export function givesAway(text: string, answerText: string): boolean {
  const haystack = normalize(text);
  return answerForms(answerText).some((form) => new RegExp(`(?:^|[^\\p{L}\\p{N}])${escapeRegExp(form)}(?![\\p{L}\\p{N}])`, 'u').test(haystack));
}

/** What closing a question reveals to everyone: its explanation and the cited guide line. */
function revealed(question: QuizQuestion): string {
  return `${question.explanation}\n${question.citation.quote}`;
}

/** True when an earlier question's revealed text would give `candidate`'s answer away before it is asked. */
export function spoiledBy(candidate: QuizQuestion, earlier: readonly QuizQuestion[]): boolean {
  return earlier.some((q) => givesAway(revealed(q), candidate.answerText));
}

/**
 * Where `candidate` can go in `quiz` so that no question reveals a later one's answer: the latest
 * such place (so questions mostly keep the order they were drawn in), or undefined when there is
 * none. A question whose answer an earlier one reveals may still fit before it.
 */
export function placeWithoutSpoilers(candidate: QuizQuestion, quiz: readonly QuizQuestion[]): number | undefined {
  const reveals = revealed(candidate);
  for (let at = quiz.length; at >= 0; at--) {
    if (spoiledBy(candidate, quiz.slice(0, at))) continue;
    if (quiz.slice(at).some((later) => givesAway(reveals, later.answerText))) return undefined;
    return at;
  }
  return undefined;
}
