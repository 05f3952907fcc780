/**
 * Button custom ids. They carry everything a click needs (answer id, quiz id, question, option),
 * so clicks still make sense after a restart; Discord caps them at 100 characters.
 */
export type ButtonAction =
  | { type: 'feedback'; vote: 'up' | 'down'; answerId: string }
  | { type: 'sources'; answerId: string }
  /** A refusal's suggested question or command (by position; the text is kept with the answer). */
  | { type: 'suggestion'; answerId: string; index: number }
  | { type: 'quiz'; quizId: string; index: number; option: string };

/** Encodes a button action as a custom id. */
export function encodeCustomId(action: ButtonAction): string {
  switch (action.type) {
    case 'feedback':
      return `fb:${action.vote}:${action.answerId}`;
    case 'sources':
      return `src:${action.answerId}`;
    case 'suggestion':
      return `sug:${action.index}:${action.answerId}`;
    case 'quiz':
      return `quiz:${action.quizId}:${action.index}:${action.option}`;
  }
}

/** Decodes a custom id made by {@link encodeCustomId}; null for anything else. */
export function decodeCustomId(customId: string): ButtonAction | null {
  const feedback = /^fb:(up|down):(.+)$/.exec(customId);
  if (feedback) return { type: 'feedback', vote: feedback[1] as 'up' | 'down', answerId: feedback[2]! };
  const suggestion = /^sug:(\d):(.+)$/.exec(customId);
  if (suggestion) return { type: 'suggestion', index: Number(suggestion[1]), answerId: suggestion[2]! };
  const sources = /^src:(.+)$/.exec(customId);
  if (sources) return { type: 'sources', answerId: sources[1]! };
  // The quiz id may itself contain ":", so the index and option are read from the end.
  const quiz = /^quiz:(.+):(\d+):([A-Z])$/.exec(customId);
  if (quiz) return { type: 'quiz', quizId: quiz[1]!, index: Number(quiz[2]), option: quiz[3]! };
  return null;
}
