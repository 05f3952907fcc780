import { ButtonStyle, ComponentType } from 'discord.js';
import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';
import { shownSources, sourceListing, type Answer, type Citation } from '../../../src/answer/index.js';
import { encodeCustomId } from '../custom-id.js';
import { linesToFields, packMessages } from './embed-layout.js';
import { BOT_NAME, COLORS } from './style.js';
import type { Rendered } from './types.js';

/** "[n] Section › Path" lines; the guide is named once, in the field title (see sourcesTitle). */
export function sourceLines(citations: readonly Citation[]): string[] {
  return sourceListing(citations).lines.map((l) => `**[${l.n}]** ${l.label}`);
}

/** "from guide.md" for a footer, when every source is from one guide: the guide named once per reply. */
export function guideNote(citations: readonly Citation[]): string | undefined {
  const guide = sourceListing(citations).guide;
  return guide ? `from ${guide}` : undefined;
}

/** An answer as embeds (answer text, numbered sources, footer) with 👍/👎 and Sources buttons. */
export function renderAnswer(answer: Answer): Rendered {
  const isChat = answer.kind === 'smalltalk';
  const sources = shownSources(answer);
  const embed: APIEmbed = {
    color: answer.abstained || isChat ? COLORS.muted : COLORS.answer,
    // No user text in a public reply: the question may hold patient data the guard missed.
    description: answer.answer,
    fields: [
      ...(answer.notes?.length ? linesToFields('Note', answer.notes) : []),
      ...(sources ? linesToFields(sources.title, sourceLines(sources.citations)) : []),
    ],
    ...(isChat ? {} : { footer: { text: answerFooter(answer) } }),
  };
  return { messages: packMessages([embed], { components: answerButtons(answer) }), ephemeral: false };
}

function answerFooter(answer: Answer): string {
  const parts = [BOT_NAME];
  const sources = shownSources(answer);
  const guide = sources && guideNote(sources.citations);
  if (guide) parts.push(guide);
  if (sources) parts.push('[n] marks the source of each line');
  return parts.join(' · ');
}

/** 👍 / 👎 (feedback) and Sources (quoted guide lines) buttons for an answer with an id. */
export function answerButtons(answer: Answer): Array<APIActionRowComponent<APIButtonComponent>> {
  if (!answer.id || answer.kind === 'smalltalk') return [];
  const id = answer.id;
  const buttons: APIButtonComponent[] = [
    { type: ComponentType.Button, style: ButtonStyle.Secondary, emoji: { name: '👍' }, custom_id: encodeCustomId({ type: 'feedback', vote: 'up', answerId: id }) },
    { type: ComponentType.Button, style: ButtonStyle.Secondary, emoji: { name: '👎' }, custom_id: encodeCustomId({ type: 'feedback', vote: 'down', answerId: id }) },
  ];
  if (shownSources(answer)) {
    buttons.push({ type: ComponentType.Button, style: ButtonStyle.Primary, label: 'Sources', custom_id: encodeCustomId({ type: 'sources', answerId: id }) });
  }
  return [...suggestionRow(answer), { type: ComponentType.ActionRow, components: buttons }];
}

/** A refusal's suggestions as buttons; a click asks it in the clicker's name. */
function suggestionRow(answer: Answer): Array<APIActionRowComponent<APIButtonComponent>> {
  const suggestions = (answer.suggestions ?? []).slice(0, 5);
  if (!answer.id || suggestions.length === 0) return [];
  const components = suggestions.map(
    (label, index): APIButtonComponent => ({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: label.length > 80 ? `${label.slice(0, 79)}…` : label, custom_id: encodeCustomId({ type: 'suggestion', answerId: answer.id!, index }) }),
  );
  return [{ type: ComponentType.ActionRow, components }];
}

/** The quoted guide lines behind citations, for the ephemeral "Sources" reply. */
export function renderQuotes(citations: readonly Citation[], title = 'Sources'): Rendered {
  const labels = sourceListing(citations).lines;
  const text = citations
    .map((c, i) => `**[${c.n}] ${labels[i]!.label}**\n${c.quote.split('\n').map((line) => `> ${line}`).join('\n')}`)
    .join('\n\n');
  const guide = guideNote(citations);
  const embed: APIEmbed = { color: COLORS.answer, title, description: text || 'No sources for this answer.', ...(guide ? { footer: { text: guide } } : {}) };
  return { messages: packMessages([embed]), ephemeral: true };
}
