import type { APIEmbed } from 'discord.js';
import type { Citation } from '../../../src/answer/index.js';
import { sourceLines } from './answer.js';
import { linesToFields, packMessages } from './embed-layout.js';
import { BOT_NAME, COLORS } from './style.js';
import type { Rendered } from './types.js';

/** The guide's outline as an indented list. */
export function renderTopics(outline: ReadonlyArray<{ title: string; depth: number; guide?: string }>): Rendered {
  const minDepth = Math.min(...outline.map((o) => o.depth));
  // With several guides, each guide's title (bold) comes before its sections.
  const lines = outline.flatMap((o, i) => [
    ...(o.guide !== undefined && o.guide !== outline[i - 1]?.guide ? [`**${o.guide}**`] : []),
    `${'\u2003'.repeat(Math.max(0, o.depth - minDepth))}${o.depth === minDepth ? '•' : '◦'} ${o.title}`,
  ]);
  const embed: APIEmbed = {
    color: COLORS.answer,
    title: 'Guide topics',
    description: lines.join('\n') || 'The guide has no sections yet.',
    footer: { text: `${BOT_NAME} · /topics query:<name> shows a section` },
  };
  return { messages: packMessages([embed]), ephemeral: false };
}

/** One section of the guide. */
export function renderTopic(section: string, text: string, citations: readonly Citation[]): Rendered {
  const embed: APIEmbed = {
    color: COLORS.answer,
    title: section,
    description: text,
    fields: linesToFields('Sources', sourceLines(citations)),
    footer: { text: BOT_NAME },
  };
  return { messages: packMessages([embed]), ephemeral: false };
}
