import type { APIActionRowComponent, APIButtonComponent, APIEmbed, APIEmbedField } from 'discord.js';
import { DISCORD_LIMITS as L, embedLength } from './limits.js';
import { splitText } from './split-text.js';
import type { MessagePayload } from './types.js';

/** Shortens `text` to `max` characters at a word boundary, ending with "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const space = head.search(/\s\S*$/);
  return `${(space > max / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}

/**
 * Packs lines into embed fields named `name` ("name (cont.)" after the first), each value at
 * most 1,024 characters; a line longer than that is split with {@link splitText}.
 */
export function linesToFields(name: string, lines: readonly string[], inline = false): APIEmbedField[] {
  const pieces = lines.flatMap((line) => (line.length > L.fieldValue ? splitText(line, L.fieldValue) : [line]));
  const values: string[] = [];
  let current = '';
  for (const piece of pieces) {
    const next = current ? `${current}\n${piece}` : piece;
    if (next.length > L.fieldValue && current) {
      values.push(current);
      current = piece;
    } else current = next;
  }
  if (current.trim()) values.push(current);
  return values.map((value, i) => ({ name: truncate(i === 0 ? name : `${name} (cont.)`, L.fieldName), value, inline }));
}

/**
 * Turns one logical embed into as many embeds as Discord needs: the description split into
 * 4,096-character parts, fields spread 25 at a time, every embed under the 6,000 total.
 * The title and author stay on the first embed, the footer on the last.
 */
export function fitEmbed(embed: APIEmbed): APIEmbed[] {
  const { title, description, fields = [], footer, author, color, url } = embed;
  const first: APIEmbed = {
    ...(title ? { title: truncate(title, L.title) } : {}),
    ...(url && title ? { url } : {}),
    ...(author ? { author: { ...author, name: truncate(author.name, L.author) } } : {}),
    ...(color !== undefined ? { color } : {}),
  };
  const continuation = (): APIEmbed => (color !== undefined ? { color } : {});
  const embeds: APIEmbed[] = [first];
  const parts = description ? splitText(description, L.description) : [];
  parts.forEach((part, i) => {
    if (i === 0) first.description = part;
    else embeds.push({ ...continuation(), description: part });
  });
  const footerReserve = footer ? Math.min(footer.text.length, 300) : 0;
  for (const raw of fields) {
    const field = { ...raw, name: truncate(raw.name || '\u200b', L.fieldName), value: truncate(raw.value || '\u200b', L.fieldValue) };
    let last = embeds[embeds.length - 1]!;
    const count = last.fields?.length ?? 0;
    if (count >= L.fieldsPerEmbed || embedLength(last) + field.name.length + field.value.length + footerReserve > L.embedTotal) {
      last = continuation();
      embeds.push(last);
    }
    (last.fields ??= []).push(field);
  }
  if (footer) {
    const last = embeds[embeds.length - 1]!;
    const room = Math.min(L.footer, L.embedTotal - embedLength(last));
    if (room > 1) last.footer = { ...footer, text: truncate(footer.text, room) };
  }
  return embeds.filter((e) => embedLength(e) > 0);
}

type Rows = Array<APIActionRowComponent<APIButtonComponent>>;

/**
 * Spreads embeds over messages (at most 10 embeds and 6,000 embed characters each), with
 * `content` (split at 2,000) first and `components` on the last message.
 */
export function packMessages(embeds: readonly APIEmbed[], options: { content?: string; components?: Rows } = {}): MessagePayload[] {
  const messages: MessagePayload[] = [];
  const contentParts = options.content ? splitText(options.content, L.content) : [];
  for (const part of contentParts) messages.push({ content: part, embeds: [], components: [] });
  let current: MessagePayload | undefined = messages[messages.length - 1];
  let total = 0;
  for (const embed of embeds.flatMap(fitEmbed)) {
    const length = embedLength(embed);
    if (!current || current.embeds.length >= L.embedsPerMessage || total + length > L.embedTotal) {
      current = { embeds: [], components: [] };
      messages.push(current);
      total = 0;
    }
    current.embeds.push(embed);
    total += length;
  }
  if (messages.length === 0) messages.push({ content: '\u200b', embeds: [], components: [] });
  messages[messages.length - 1]!.components = options.components ?? [];
  return messages;
}
