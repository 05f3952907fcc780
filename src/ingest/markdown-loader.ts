import { SectionBuilder } from './section-builder.js';
import type { KnowledgeDocument } from './types.js';

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/;

/**
 * Parses a Markdown guide: `#` is the title, `##`/`###` open sections, list items become
 * bullets and every other non-blank line a paragraph line. Fenced code is kept as paragraphs.
 */
export function parseMarkdown(text: string, source: string): KnowledgeDocument {
  const builder = new SectionBuilder(source);
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (!trimmed) return;
    const heading = HEADING.exec(trimmed);
    if (heading) {
      const level = heading[1]!.length;
      if (level === 1) builder.setTitle(heading[2]!);
      else builder.heading(Math.min(level, 3), heading[2]!, line);
      return;
    }
    const bullet = BULLET.exec(raw);
    if (bullet) builder.block('bullet', bullet[1]!, line);
    else builder.block('paragraph', trimmed, line);
  });
  return builder.build();
}
