import type { APIEmbed } from 'discord.js';
import { linesToFields, packMessages } from './embed-layout.js';
import { BOT_NAME, COLORS } from './style.js';
import type { Rendered } from './types.js';

const ON_DISCORD = [
  '`/ask question:` ask anything about the career',
  '`/cert code: compare:` a certification card, or two compared',
  '`/plan about:` a step-by-step plan (in a thread or DM)',
  '`/topics query:` the guide\'s sections, or one of them',
  '`/quiz start|next|score|stop` a quiz for the whole channel',
  'Or mention me (`@' + BOT_NAME + ' what does the job pay?`) or send me a DM; in a thread I remember the conversation.',
];

export function renderHelp(text: string, examples: readonly string[]): Rendered {
  const embed: APIEmbed = {
    color: COLORS.answer,
    title: `${BOT_NAME} · help`,
    description: text,
    fields: [...linesToFields('Examples', examples.map((e) => `• ${e}`)), ...linesToFields('On Discord', ON_DISCORD)],
  };
  return { messages: packMessages([embed]), ephemeral: true };
}
