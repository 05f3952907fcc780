import { z } from 'zod';
import { guideSections, sectionPath } from '../guide/guide-lines.js';
import { defineCommand } from '../registry.js';
import { buildOutline, matchHeading, topicText } from './topics.js';
import type { CommandResult } from '../types.js';

const topicsInput = z.object({ query: z.string().trim().max(200, 'Please use a shorter topic.').optional() });
export type TopicsInput = z.infer<typeof topicsInput>;

/** `topics` lists the guide's sections; `topics salary` (or `topics 12`, a number from the outline) opens one. */
export const topicsCommand = defineCommand({
  name: 'topics',
  aliases: ['topic', 'sections', 'outline'],
  summary: "The guide's outline, or one section with its text",
  usage: 'topics  |  topics <words or outline number>',
  examples: ['topics', 'topics salary', 'topics remote'],
  input: topicsInput,
  parse: (args) => (args.trim() ? { query: args.trim() } : {}),
  async run({ query }: TopicsInput, { advisor, request }): Promise<CommandResult> {
    if (!query) return { kind: 'topics', outline: buildOutline(advisor.index) };
    const sections = guideSections(advisor.index);
    const number = /^\d+$/.test(query) ? Number(query) : undefined;
    let section = number !== undefined ? sections[number - 1] : matchHeading(advisor.index, query);
    if (number !== undefined && !section) {
      return { kind: 'error', code: 'NOT_FOUND', message: `The outline has ${sections.length} sections; pick a number from 1 to ${sections.length}, or type “topics” to see them.` };
    }
    if (!section) {
      // Only this search costs what a question does, so only it counts toward the rate limit.
      await request.beforeRetrieval?.();
      const retrieval = await advisor.retriever.retrieve(await advisor.retriever.read(query), 1);
      section = retrieval.sections[0]?.entry.section;
    }
    if (!section) return { kind: 'error', code: 'NOT_FOUND', message: `No section of the guide matches “${query}”. Type “topics” to see them all.` };
    const { text, citations } = topicText(advisor.index, section);
    return { kind: 'topic', section: sectionPath(section), text, citations };
  },
});
