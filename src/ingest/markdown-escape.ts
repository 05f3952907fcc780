/**
 * Escapes for writing guide text as Markdown that `parseMarkdown` (CommonMark + GFM) reads back
 * unchanged. In CommonMark a backslash before ASCII punctuation stands for that character, so:
 * characters that open inline markup (emphasis, code spans, links, HTML, strikethrough, a literal
 * backslash) are escaped wherever they are; an entity-like "&name;" gets its "&" escaped; and a
 * line start that would open a block (heading, list item, quote, setext underline) is escaped.
 * Everything else is written as it is, so ordinary lines stay readable.
 */
const INLINE_SPECIALS = /[\\`*_[\]<~]|&(?=#?[A-Za-z0-9]+;)/g;
/** Line starts that open a block: an ATX heading, a quote, "-", "+" or "=" (lists, rules, setext underlines). */
const BLOCK_START = /^(?:#{1,6}(?=[ \t]|$)|[>+=-])/;
/** An ordered-list marker: up to nine digits, then "." or ")" before a space or the end. */
const ORDERED_START = /^(\d{1,9})([.)])(?=[ \t]|$)/;

function escapeInline(text: string): string {
  return text.replace(INLINE_SPECIALS, (c) => `\\${c}`);
}

/** A (trimmed) paragraph or list-item text written so that `parseMarkdown` reads it back unchanged. */
export function escapeParagraphLine(text: string): string {
  const escaped = escapeInline(text);
  const ordered = ORDERED_START.exec(escaped);
  if (ordered) return `${ordered[1]}\\${ordered[2]}${escaped.slice(ordered[0].length)}`;
  return BLOCK_START.test(escaped) ? `\\${escaped}` : escaped;
}

/**
 * A heading title written so that `parseMarkdown` reads it back unchanged. A final run of "#"s is
 * a closing sequence only after whitespace (or when it is the whole title), so only then is it escaped.
 */
export function escapeHeadingText(text: string): string {
  const escaped = escapeInline(text);
  const closing = /(^|[ \t])(#+)$/.exec(escaped);
  if (!closing) return escaped;
  const at = closing.index + closing[1]!.length;
  return `${escaped.slice(0, at)}\\${escaped.slice(at)}`;
}
