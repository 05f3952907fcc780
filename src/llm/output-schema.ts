import { z } from 'zod';

/** What the model must return in structured mode; validated here, whatever the server claims. */
export const modelAnswerSchema = z.object({
  answer: z.string(),
  cited: z.array(z.number().int()),
  abstained: z.boolean(),
});

export type ModelAnswer = z.infer<typeof modelAnswerSchema>;

/** Name of the structured output (response_format name or function name). */
export const MODEL_ANSWER_NAME = 'grounded_answer';

/**
 * The same shape as plain JSON Schema for `response_format`/tools. Hand-written rather than
 * generated, so the wire schema stays the minimal strict-mode subject every OpenAI-compatible
 * server accepts, and so validation stays ours (zod above) instead of the SDK's.
 */
export const modelAnswerJsonSchema = {
  type: 'object',
  description: 'An answer written only from the numbered guide excerpts.',
  properties: {
    answer: { type: 'string', description: 'The answer, with an excerpt number like [1] after every claim; empty when abstaining.' },
    cited: { type: 'array', items: { type: 'integer' }, description: 'The excerpt numbers the answer cites.' },
    abstained: { type: 'boolean', description: 'True when the excerpts do not answer the question.' },
  },
  required: ['answer', 'cited', 'abstained'],
  additionalProperties: false,
} as const;

/** Zod issues as short sentences for a corrective message. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || 'output'}: ${issue.message}`);
}
