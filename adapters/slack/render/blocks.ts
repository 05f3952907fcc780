import { citationLabel, sourceListing } from '../../../src/answer/index.js';
import type { types } from '@slack/bolt';
import type { Citation } from '../../../src/answer/index.js';
import { ACTION, suggestionAction } from '../action-ids.js';
import { escapeMrkdwn, toMrkdwn, truncate } from '../mrkdwn.js';
import { splitMrkdwn } from '../split-mrkdwn.js';

export type Block = types.KnownBlock;

/** One chat message: Block Kit blocks plus the plain `text` Slack shows in notifications and old clients. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Slack's documented limits (https://api.slack.com/reference/block-kit/blocks). */
export const LIMITS = {
  blocksPerMessage: 50,
  contextElements: 10,
  fieldText: 2000,
  fieldsPerSection: 10,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  /** Fallback text is kept short; the blocks carry the full content. */
  fallbackText: 3000,
} as const;

/** Section blocks for (already converted) mrkdwn, split so each stays within 3,000 characters. */
export function mrkdwnSections(mrkdwn: string): Block[] {
  return splitMrkdwn(mrkdwn).map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
}

/** Section blocks for Markdown-ish text (guide lines, generated answers). */
export function markdownSections(markdown: string): Block[] {
  return mrkdwnSections(toMrkdwn(markdown));
}

export function header(text: string): Block {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, LIMITS.headerText), emoji: true } };
}

/** A section of two-column fields (label in bold, value below), at most 10. */
export function fieldsSection(fields: Array<[label: string, value: string]>): Block {
  return {
    type: 'section',
    fields: fields.slice(0, LIMITS.fieldsPerSection).map(([label, value]) => ({
      type: 'mrkdwn',
      text: truncate(`*${escapeMrkdwn(label)}*\n${toMrkdwn(value || '—')}`, LIMITS.fieldText),
    })),
  };
}

/** A small grey line of mrkdwn. */
export function contextLine(mrkdwn: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(mrkdwn, 3000) }] };
}

/** "[n] Section › Sub — file" for a citation shown on its own (a quiz explanation). */
export function sourceLabel(citation: Citation): string {
  return `[${citation.n}] ${escapeMrkdwn(citationLabel(citation))} — _${escapeMrkdwn(citation.source)}_`;
}

/** The numbered sources as a context block (one element each; Slack allows ten), the guide named once in the title. */
export function sourcesContext(citations: readonly Citation[], title = 'Sources'): Block | undefined {
  if (citations.length === 0) return undefined;
  const listing = sourceListing(citations);
  const labels = listing.lines.map((l) => `[${l.n}] ${escapeMrkdwn(l.label)}`);
  const max = LIMITS.contextElements - 1;
  const shown = labels.length > max ? [...labels.slice(0, max - 1), labels.slice(max - 1).join('\n')] : labels;
  const heading = listing.guide ? `*${title}* — _${escapeMrkdwn(listing.guide)}_` : `*${title}*`;
  return {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: heading }, ...shown.map((text) => ({ type: 'mrkdwn' as const, text: truncate(text, 3000) }))],
  };
}

/** A refusal's suggested questions or commands as buttons; a click asks it (the value is the text). */
export function suggestionActions(suggestions: readonly string[] | undefined): Block | undefined {
  if (!suggestions?.length) return undefined;
  return { type: 'actions', elements: suggestions.slice(0, 5).map((text, i) => button(text, suggestionAction(i), text)) };
}

export function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): types.Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncate(text, LIMITS.buttonText), emoji: true },
    action_id: actionId,
    value: value.slice(0, LIMITS.buttonValue),
    ...(style ? { style } : {}),
  };
}

/** 👍 / 👎 (when there is an answer id to rate) and "Sources" (when there are sources to show). */
export function answerActions(options: { answerId?: string; sourcesKey?: string }): Block | undefined {
  const elements: types.Button[] = [];
  if (options.answerId) {
    elements.push(button('👍', ACTION.feedbackUp, options.answerId), button('👎', ACTION.feedbackDown, options.answerId));
  }
  if (options.sourcesKey) elements.push(button('Sources', ACTION.sources, options.sourcesKey));
  return elements.length > 0 ? { type: 'actions', elements } : undefined;
}

/** Drops undefined blocks. */
export function compact(blocks: Array<Block | undefined>): Block[] {
  return blocks.filter((b): b is Block => b !== undefined);
}

/**
 * Packs body blocks into messages of at most 50 blocks; `tail` blocks (sources, buttons) go on the last one.
 * Long answers therefore continue in a second message instead of being cut off.
 */
export function packMessages(text: string, body: Block[], tail: Block[]): SlackMessage[] {
  const room = LIMITS.blocksPerMessage - tail.length;
  const messages: SlackMessage[] = [];
  let rest = body;
  while (rest.length > room) {
    messages.push({ text, blocks: rest.slice(0, LIMITS.blocksPerMessage) });
    rest = rest.slice(LIMITS.blocksPerMessage);
    text = '(continued)';
  }
  messages.push({ text, blocks: [...rest, ...tail] });
  return messages;
}

/** Plain fallback text: escaped, shortened, never cutting a [n] marker. */
export function fallbackText(plain: string): string {
  return escapeMrkdwn(truncate(plain.trim() || '…', LIMITS.fallbackText));
}
