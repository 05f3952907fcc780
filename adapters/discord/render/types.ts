import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';

/** One Discord message as plain API data (what discord.js sends), already within every limit. */
export interface MessagePayload {
  content?: string;
  embeds: APIEmbed[];
  components: Array<APIActionRowComponent<APIButtonComponent>>;
}

/** A rendered command result: one or more messages, ephemeral when only the asker should see it. */
export interface Rendered {
  messages: MessagePayload[];
  ephemeral: boolean;
}

/** Where the reply is shown; changes hints such as "mention me to answer". */
export type Surface = 'channel' | 'thread' | 'dm';
