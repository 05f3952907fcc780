/**
 * The one length rule for questions and command lines (the limit is MAX_QUESTION_CHARS): the
 * problem to tell the user, or undefined when the text is acceptable.
 */
export function questionLengthProblem(text: string, limit: number): string | undefined {
  if (text.length <= limit) return undefined;
  return `The question is ${text.length} characters long; the limit is ${limit}. Please shorten it.`;
}
