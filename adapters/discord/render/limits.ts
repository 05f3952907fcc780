import type { APIEmbed } from 'discord.js';
import type { MessagePayload } from './types.js';

/** Discord's hard limits for one message (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  /** Sum of every embed's title, description, field names and values, footer and author name. */
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fieldsPerEmbed: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  rowsPerMessage: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
} as const;

/** Characters of an embed that count towards the 6,000 per-message total. */
export function embedLength(embed: APIEmbed): number {
  let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  total += embed.footer?.text.length ?? 0;
  total += embed.author?.name.length ?? 0;
  for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  return total;
}

/** Every Discord limit `payload` breaks, as readable strings (empty when it can be sent). */
export function limitViolations(payload: MessagePayload): string[] {
  const L = DISCORD_LIMITS;
  const problems: string[] = [];
  const check = (ok: boolean, message: string) => {
    if (!ok) problems.push(message);
  };
  check((payload.content?.length ?? 0) <= L.content, `content ${payload.content?.length} > ${L.content}`);
  check(payload.embeds.length <= L.embedsPerMessage, `${payload.embeds.length} embeds > ${L.embedsPerMessage}`);
  const total = payload.embeds.reduce((sum, e) => sum + embedLength(e), 0);
  check(total <= L.embedTotal, `embed total ${total} > ${L.embedTotal}`);
  check(Boolean(payload.content) || payload.embeds.length > 0, 'empty message');
  payload.embeds.forEach((e, i) => {
    check((e.title?.length ?? 0) <= L.title, `embed ${i} title too long`);
    check((e.description?.length ?? 0) <= L.description, `embed ${i} description ${e.description?.length} > ${L.description}`);
    check((e.fields?.length ?? 0) <= L.fieldsPerEmbed, `embed ${i} has ${e.fields?.length} fields`);
    check((e.footer?.text.length ?? 0) <= L.footer, `embed ${i} footer too long`);
    for (const f of e.fields ?? []) {
      check(f.name.length > 0 && f.name.length <= L.fieldName, `embed ${i} field name length ${f.name.length}`);
      check(f.value.length > 0 && f.value.length <= L.fieldValue, `embed ${i} field value length ${f.value.length}`);
    }
  });
  check(payload.components.length <= L.rowsPerMessage, `${payload.components.length} action rows`);
  for (const row of payload.components) {
    check(row.components.length <= L.buttonsPerRow, `row with ${row.components.length} buttons`);
    for (const button of row.components) {
      const id = 'custom_id' in button ? button.custom_id : '';
      check(id.length <= L.customId, `custom id ${id} too long`);
      const label = 'label' in button ? (button.label ?? '') : '';
      check(label.length <= L.buttonLabel, 'button label too long');
    }
  }
  return problems;
}
