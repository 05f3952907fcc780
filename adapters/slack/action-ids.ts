/** Block Kit action ids the app renders and listens for. */
export const ACTION = {
  feedbackUp: 'feedback_up',
  feedbackDown: 'feedback_down',
  sources: 'show_sources',
  quizScore: 'quiz_score',
} as const;

/** A refusal's suggested question buttons are `suggestion_0` … `suggestion_4`; the value is the text to ask. */
export const SUGGESTION_ACTION = /^suggestion_\d$/;

export function suggestionAction(index: number): string {
  return `suggestion_${index}`;
}

/** Quiz option buttons are `quiz_answer_A` … `quiz_answer_D`. */
export const QUIZ_ANSWER_ACTION = /^quiz_answer_([A-D])$/;

export const QUIZ_LETTERS = ['A', 'B', 'C', 'D'] as const;

export function quizAnswerAction(letter: string): string {
  return `quiz_answer_${letter}`;
}

/**
 * What a quiz button carries. The conversation travels in the button because a quiz started by a slash
 * command is posted before its thread exists; quizId/index let the adapter spot clicks on old questions.
 */
export interface QuizButtonValue {
  conversationId: string;
  quizId?: string;
  index?: number;
}

export function encodeQuizValue(value: QuizButtonValue): string {
  return JSON.stringify({ c: value.conversationId, q: value.quizId, i: value.index });
}

/** Parses a quiz button value; undefined when it is not one of ours. */
export function decodeQuizValue(raw: string | undefined): QuizButtonValue | undefined {
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as { c?: unknown; q?: unknown; i?: unknown };
    if (typeof parsed.c !== 'string' || parsed.c === '') return undefined;
    return {
      conversationId: parsed.c,
      ...(typeof parsed.q === 'string' ? { quizId: parsed.q } : {}),
      ...(typeof parsed.i === 'number' ? { index: parsed.i } : {}),
    };
  } catch {
    return undefined;
  }
}
