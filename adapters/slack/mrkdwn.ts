/**
 * Text conversion between Slack's wire format and plain text / Markdown.
 * Slack escapes only &, < and > (https://api.slack.com/reference/surfaces/formatting#escaping);
 * everything else in mrkdwn is literal, so escaping must happen before we add our own <links>.
 */

/** Escapes the three characters Slack treats as control characters in message text. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Reverses Slack's escaping of incoming message text. */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

// Placeholder for "*" produced by **bold** so the single-star italic rule below does not re-read it.
const BOLD = '\u0001';

/**
 * Converts Markdown-ish text (guide lines, LLM output) to Slack mrkdwn: escapes &, <, >; **bold** → *bold*;
 * *italic* / _italic_ → _italic_; # headings → bold lines; - bullets → •; [text](url) → <url|text>; ~~x~~ → ~x~.
 * Fenced code blocks and inline code are left as they are (Slack renders ``` and ` itself). [n] markers are untouched.
 */
export function toMrkdwn(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .split(/(```[\s\S]*?```)/)
    .map((part, i) => (i % 2 === 1 ? escapeMrkdwn(part) : convertProse(part)))
    .join('');
}

function convertProse(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part, i) => (i % 2 === 1 ? escapeMrkdwn(part) : convertInline(part)))
    .join('');
}

function convertInline(text: string): string {
  return escapeMrkdwn(text)
    .replace(/^[ \t]*#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/gm, `${BOLD}$1${BOLD}`)
    .replace(/^([ \t]*)[-*+][ \t]+/gm, (_m, indent: string) => (indent.length >= 2 ? `${indent}◦ ` : '• '))
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g, '<$2|$1>')
    .replace(/\*\*(?=\S)([^*\n]+?)\*\*/g, `${BOLD}$1${BOLD}`)
    .replace(/__(?=\S)([^_\n]+?)__/g, `${BOLD}$1${BOLD}`)
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]+?)\*(?![\w*])/g, '$1_$2_')
    .replace(/~~(?=\S)([^~\n]+?)~~/g, '~$1~')
    .replaceAll(BOLD, '*');
}

/**
 * Turns the text of an incoming Slack message into a plain question: drops mentions of the bot, turns
 * other entities (<@U…>, <#C…|name>, <https://…|label>, <!here>) into readable words, unescapes &amp; etc.
 */
export function fromSlackText(text: string, botUserId?: string): string {
  return unescapeSlack(
    text
      .replace(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g, (_m, id: string) => (botUserId === undefined || id === botUserId ? ' ' : '@someone'))
      .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
      .replace(/<#[A-Z0-9]+>/g, '#channel')
      .replace(/<!([a-z]+)(?:\|[^>]*)?>/g, '@$1')
      .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/g, '$2')
      .replace(/<((?:https?|mailto):[^>]+)>/g, '$1'),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

/** Shortens plain text to `max` characters at a word boundary, adding "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  // Never leave half a citation marker ("[1") at the end.
  const kept = (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/\[\d*$/, '');
  return `${kept.trimEnd()}…`;
}
