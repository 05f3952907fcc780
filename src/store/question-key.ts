/**
 * Grouping key for "the same question asked again": case, spacing and
 * trailing punctuation differences don't make a new question.
 */
export function questionKey(question: string): string {
  return question
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s?!.,;:]+$/u, '')
    .trim();
}
