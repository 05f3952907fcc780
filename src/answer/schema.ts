import { z } from 'zod';

export const citationSchema = z.object({
  n: z.number().int().positive(),
  /** Heading path joined with " › ". */
  section: z.string(),
  /** Knowledge file the section came from. */
  source: z.string(),
  /** The title of that guide, set when several guides are loaded so every citation names its guide. */
  guide: z.string().optional(),
  /** The guide lines the answer used, verbatim. */
  quote: z.string(),
});

export const answerSchema = z.object({
  /** Unique id of this answer; feedback buttons refer to it. */
  id: z.string().optional(),
  question: z.string(),
  answer: z.string(),
  abstained: z.boolean(),
  citations: z.array(citationSchema),
  timings: z.object({ retrieve_ms: z.number(), answer_ms: z.number(), total_ms: z.number() }),
  /** What kind of reply this is: a guide answer, a partial answer (topic covered, the specific thing asked not), an abstention, or small talk. */
  kind: z.enum(['answer', 'partial', 'abstained', 'smalltalk']).optional(),
  /** For partial answers: what the guide does say on the topic, cited like `citations` ("Related in the guide"). */
  related: z.array(citationSchema).optional(),
  /** The question as understood in context, when it was a follow-up. */
  rewritten_question: z.string().optional(),
  /** For refusals: two or three questions or commands from the closest sections, offered as buttons (text in the terminal). */
  suggestions: z.array(z.string()).optional(),
  /** Short notes for the user (e.g. the model was unavailable, patient data removed). */
  notes: z.array(z.string()).optional(),
  /** Tokens spent by a language model, when one wrote the answer. */
  usage: z.object({ input_tokens: z.number(), output_tokens: z.number(), total_tokens: z.number() }).optional(),
});

export type Citation = z.infer<typeof citationSchema>;
export type Answer = z.infer<typeof answerSchema>;

/** How a citation names what it cites: "Guide title › Section path" when several guides are loaded, else the section path. */
export function citationLabel(citation: Pick<Citation, 'section' | 'guide'>): string {
  return citation.guide ? `${citation.guide} › ${citation.section}` : citation.section;
}
