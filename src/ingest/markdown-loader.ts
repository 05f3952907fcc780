import { SectionBuilder } from './section-builder.js';
import type { KnowledgeDocument } from './types.js';

/** An ATX heading: 1–6 `#`s, then whitespace and the title, or nothing ("##" is an empty heading). */
const HEADING = /^(#{1,6})(?:\s+([\s\S]*))?$/;
const BULLET = /^\s*(?:[-*+]|\d+[.)])\s+([\s\S]*)$/;
/** A code fence opener: three or more backticks (whose info string has no backtick) or tildes. */
const FENCE = /^(?:`{3,}(?![\s\S]*`)|~{3,})/;
/**
 * The starts of a line the loader reads as structure rather than text: a heading, a list item
 * or a code fence. A paragraph line starting like this is written with a leading backslash
 * ("\## of claims…"), and so is one that already starts with backslashes before such a marker,
 * so that reading strips exactly the one backslash writing added.
 */
const MARKER = String.raw`(?:#{1,6}(?:\s|$)|[-*+](?:\s|$)|\d+[.)](?:\s|$)|\`\`\`|~~~)`;
const NEEDS_ESCAPE = new RegExp(String.raw`^\\*${MARKER}`);
const ESCAPED = new RegExp(String.raw`^\\+${MARKER}`);

/** Length of the run of `#` that ends `text`. */
function trailingHashes(text: string): number {
  let n = 0;
  while (n < text.length && text[text.length - 1 - n] === '#') n += 1;
  return n;
}

/**
 * The title of an ATX heading from the text after its opening `#`s. As in CommonMark, a closing
 * run of `#`s is dropped only when whitespace precedes it (or it is all there is, which makes an
 * empty heading), so "Learn C#" keeps its "#"; a backslash before a final run of `#`s escapes it
 * ("Learn C \#" → "Learn C #").
 */
function headingText(content: string): string {
  const text = content.trim();
  const hashes = trailingHashes(text);
  if (hashes === 0) return text;
  const end = text.length - hashes;
  if (end === 0) return '';
  const before = text[end - 1]!;
  if (/\s/.test(before)) return text.slice(0, end).trim();
  if (before === '\\') return text.slice(0, end - 1) + text.slice(end);
  return text;
}

/** A heading title written so that {@link parseMarkdown} reads it back unchanged. */
export function escapeHeadingText(text: string): string {
  const hashes = trailingHashes(text);
  if (hashes === 0) return text;
  const end = text.length - hashes;
  if (end > 0 && !/\s/.test(text[end - 1]!) && text[end - 1] !== '\\') return text;
  return `${text.slice(0, end)}\\${text.slice(end)}`;
}

/** A (trimmed) paragraph line written so that {@link parseMarkdown} reads it back as that paragraph. */
export function escapeParagraphLine(text: string): string {
  return NEEDS_ESCAPE.test(text) ? `\\${text}` : text;
}

function unescapeParagraphLine(text: string): string {
  return ESCAPED.test(text) ? text.slice(1) : text;
}

/**
 * Parses a Markdown guide: `#` is the title, `##`/`###` open sections, list items become
 * bullets and every other non-blank line a paragraph line. A backslash before a heading, list or
 * fence marker at the start of a line makes it a plain paragraph line (the backslash is dropped).
 *
 * Fenced code (``` or ~~~, closed by a fence of the same character at least as long, or by the
 * end of the file) is kept as paragraphs, verbatim: fence lines included, no headings or bullets
 * inside. A heading with an empty title ("##", "## #") is skipped: it opens no section (no blank
 * heading path), and the lines under it stay in the section before it.
 */
export function parseMarkdown(text: string, source: string): KnowledgeDocument {
  const builder = new SectionBuilder(source);
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let fence: string | undefined;
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (fence !== undefined) {
      if (trimmed.startsWith(fence) && trimmed.split('').every((c) => c === fence![0])) fence = undefined;
      builder.block('paragraph', trimmed, line);
      return;
    }
    if (!trimmed) return;
    const opener = FENCE.exec(trimmed);
    if (opener) {
      fence = opener[0];
      builder.block('paragraph', trimmed, line);
      return;
    }
    const heading = HEADING.exec(trimmed);
    if (heading) {
      const level = heading[1]!.length;
      const title = headingText(heading[2] ?? '');
      if (!title) return; // an empty heading: see above
      if (level === 1) builder.setTitle(title);
      else builder.heading(Math.min(level, 3), title, line);
      return;
    }
    const bullet = BULLET.exec(raw);
    if (bullet) builder.block('bullet', bullet[1]!, line);
    else builder.block('paragraph', unescapeParagraphLine(trimmed), line);
  });
  return builder.build();
}
