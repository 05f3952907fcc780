/**
 * Chat protocol for "go ahead" and "no" replies: the few words people use to confirm or turn down
 * what a bot proposes, in any chat. This is the one place they are listed; they say nothing about
 * any guide or any question. A reply confirms when every word in it is one of these (so "yes,
 * build it" and "looks good 👍" confirm, and "yes but my goal is remote work" does not).
 */
const CONFIRM_WORDS = new Set([
  'yes', 'y', 'yeah', 'yea', 'yep', 'yup', 'ya', 'ok', 'okay', 'k', 'sure', 'confirm', 'confirmed', 'correct', 'right', 'exactly',
  'good', 'great', 'fine', 'perfect', 'looks', 'sounds', 'all', 'that', "that's", 'thats', 'is', 'it', 'go', 'ahead', 'build', 'make',
  'do', 'the', 'my', 'plan', 'please', 'pls', 'now', 'thanks', 'thank', 'you', '👍', '✅', '👌',
]);
/** Words that only mean "yes": a reply needs one of them, so "the plan" alone is not a confirmation. */
const CONFIRM_CORE = new Set(['yes', 'y', 'yeah', 'yea', 'yep', 'yup', 'ya', 'ok', 'okay', 'k', 'sure', 'confirm', 'confirmed', 'correct', 'right', 'exactly', 'good', 'great', 'fine', 'perfect', 'go', 'build', 'make', '👍', '✅', '👌']);
const DECLINE_WORDS = new Set(['no', 'n', 'nope', 'nah', 'not', 'quite', 'wrong', "that's", 'thats', 'is', 'incorrect', 'right', 'exactly', 'wait']);

/** The reply's words, lower case, punctuation dropped (emoji kept). */
function replyWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’]/g, "'")
    .split(/[\s,.;:!]+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}'\p{Extended_Pictographic}]+|[^\p{L}\p{N}'\p{Extended_Pictographic}]+$/gu, ''))
    .filter(Boolean);
}

/** True when a reply only says "yes, go ahead" ("yes", "ok", "build it", "looks good", 👍). */
export function isConfirmation(text: string): boolean {
  const words = replyWords(text);
  return words.length > 0 && words.length <= 8 && words.every((w) => CONFIRM_WORDS.has(w)) && words.some((w) => CONFIRM_CORE.has(w));
}

/** True when a reply only says "no" ("no", "nope", "not quite", "that's wrong") without saying what to change. */
export function isDecline(text: string): boolean {
  const words = replyWords(text);
  return words.length > 0 && words.length <= 4 && words.every((w) => DECLINE_WORDS.has(w)) && words.some((w) => /^(?:no|n|nope|nah|not|wrong|incorrect)$/.test(w));
}
