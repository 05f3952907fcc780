import { escapeHeadingText, escapeParagraphLine } from './markdown-escape.js';
import { SectionBuilder } from './section-builder.js';
import type { KnowledgeDocument } from './types.js';

/** Headings the guide writes with a fixed prefix: FAQ questions, challenges and numbered steps. */
const PATTERN_HEADING = /^(?:Q\d+:\s.*\?|Challenge:\s.+|Step \d+:\s.+)$/;
const BULLET = /^[-*•]\s+(.*)$/;
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with', 'your', 'about', 'is']);

type LineKind = 'bullet' | 'pattern-heading' | 'heading' | 'paragraph';

interface ClassifiedLine {
  kind: LineKind;
  text: string;
  line: number;
}

/** True for a short Title Case line with no sentence punctuation at the end. */
function looksLikeHeading(text: string): boolean {
  if (/[.:;,]$/.test(text) || text.includes('→')) return false;
  const words = text.split(/\s+/);
  if (words.length > 12 || !/^[A-Z]/.test(text)) return false;
  const significant = words.filter((w) => !SMALL_WORDS.has(w.toLowerCase()));
  const capitalised = significant.filter((w) => /^[A-Z0-9“"(]/.test(w));
  return significant.length > 0 && capitalised.length / significant.length >= 0.75;
}

function classify(text: string, line: number): ClassifiedLine {
  const bullet = BULLET.exec(text);
  if (bullet) return { kind: 'bullet', text: bullet[1]!, line };
  if (PATTERN_HEADING.test(text)) return { kind: 'pattern-heading', text, line };
  if (looksLikeHeading(text)) return { kind: 'heading', text, line };
  return { kind: 'paragraph', text, line };
}

const isHeading = (l: ClassifiedLine | undefined) => l?.kind === 'heading' || l?.kind === 'pattern-heading';

/**
 * Loads a plain-text guide whose headings are implicit. The first line is the title.
 * Levels are inferred from layout: a heading whose body is at most one intro paragraph and
 * which is directly followed by another heading opens a parent (`##`); the headings after it
 * are its children (`###`) until a heading that cannot be a sibling of those children appears.
 * FAQ questions, "Challenge:" and "Step N:" lines are always children. A heading with no body
 * followed by a plain heading (an empty table of contents) is dropped.
 */
export function parsePlainText(text: string, source: string): KnowledgeDocument {
  const builder = new SectionBuilder(source);
  const rawLines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const lines: ClassifiedLine[] = [];
  let titleSeen = false;
  rawLines.forEach((raw, index) => {
    const trimmed = raw.trim();
    if (!trimmed) return;
    if (!titleSeen) {
      titleSeen = true;
      builder.setTitle(trimmed);
      return;
    }
    lines.push(classify(trimmed, index + 1));
  });

  let parentOpen = false;
  let childKind: 'heading' | 'pattern-heading' | undefined;
  lines.forEach((entry, i) => {
    if (entry.kind === 'bullet' || entry.kind === 'paragraph') {
      builder.block(entry.kind, entry.text, entry.line);
      return;
    }
    const body: ClassifiedLine[] = [];
    for (let j = i + 1; j < lines.length && !isHeading(lines[j]); j++) body.push(lines[j]!);
    const next = lines[i + 1 + body.length];
    if (entry.kind === 'pattern-heading') {
      childKind = 'pattern-heading';
      builder.heading(3, entry.text, entry.line);
      return;
    }
    if (body.length === 0 && next?.kind === 'heading') return; // empty table of contents
    const introOnly = body.length <= 1 && body.every((b) => b.kind === 'paragraph');
    if (introOnly && isHeading(next)) {
      parentOpen = true;
      childKind = undefined;
      builder.heading(2, entry.text, entry.line);
    } else if (parentOpen && childKind !== 'pattern-heading') {
      childKind = 'heading';
      builder.heading(3, entry.text, entry.line);
    } else {
      parentOpen = false;
      builder.heading(2, entry.text, entry.line);
    }
  });
  return builder.build();
}

/**
 * Renders a parsed document as Markdown with explicit headings (used to convert `.txt` guides).
 * `parseMarkdown` reads the result back as the same document: a paragraph line that would read as
 * a heading, list item or code fence gets a leading backslash, and so does a heading's final run
 * of `#`s when it would read as a closing sequence. Other lines are written as they are.
 */
export function renderMarkdown(doc: KnowledgeDocument): string {
  const out: string[] = [`# ${escapeHeadingText(doc.title)}`, ''];
  for (const section of doc.sections) {
    out.push(`${'#'.repeat(section.level)} ${escapeHeadingText(section.headingPath.at(-1)!)}`, '');
    section.blocks.forEach((block, i) => {
      const previous = section.blocks[i - 1];
      if (block.kind === 'bullet') {
        if (previous && previous.kind !== 'bullet') out.push('');
        out.push(`- ${block.text}`);
      } else {
        if (previous) out.push('');
        out.push(escapeParagraphLine(block.text));
      }
    });
    out.push('');
  }
  return out.join('\n');
}
