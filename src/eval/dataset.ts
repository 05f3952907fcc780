import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../errors.js';

const fact = z.union([z.string(), z.array(z.string()).min(1)]);

/** Optional labels: the question's style (plain, colloquial, scenario; near, far) and the guide file that answers it. */
const labels = { style: z.string().optional(), source: z.string().optional() };
const inScope = z.object({ id: z.string(), question: z.string(), sections: z.array(z.string()).min(1), facts: z.array(fact), ...labels });
const outOfScope = z.object({ id: z.string(), question: z.string(), out_of_scope: z.literal(true), ...labels });
const conversation = z.object({
  id: z.string(),
  turns: z.array(z.object({ question: z.string(), facts: z.array(fact), sections: z.array(z.string()).optional() })).min(1),
  ...labels,
});

export const evalItemSchema = z.union([outOfScope, inScope, conversation]);
export type EvalItem = z.infer<typeof evalItemSchema>;
export type InScopeItem = z.infer<typeof inScope>;
export type OutOfScopeItem = z.infer<typeof outOfScope>;
export type ConversationItem = z.infer<typeof conversation>;
/** A fact: a string the answer must contain, or alternatives of which one must appear. */
export type Fact = z.infer<typeof fact>;

/** Reads an eval JSONL file; a malformed line fails with its line number. */
export function readEvalFile(path: string): EvalItem[] {
  const items: EvalItem[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new InputError(`${path}:${i + 1}: not valid JSON`);
      }
      const parsed = evalItemSchema.safeParse(json);
      if (!parsed.success) throw new InputError(`${path}:${i + 1}: not an eval item (${parsed.error.issues[0]?.message})`);
      items.push(parsed.data);
    });
  return items;
}

export const isOutOfScope = (item: EvalItem): item is OutOfScopeItem => 'out_of_scope' in item;
export const isConversation = (item: EvalItem): item is ConversationItem => 'turns' in item;
export const isInScope = (item: EvalItem): item is InScopeItem => 'sections' in item;

/**
 * The guides an eval set's rows name (`source`) that are not loaded. Scores for such rows would
 * measure nothing: the answer cannot come from a guide the index does not hold.
 */
export function guidesNotLoaded(items: readonly EvalItem[], loadedSources: Iterable<string>): string[] {
  const loaded = new Set(loadedSources);
  return [...new Set(items.flatMap((item) => (item.source !== undefined && !loaded.has(item.source) ? [item.source] : [])))];
}
