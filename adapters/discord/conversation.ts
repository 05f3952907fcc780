import type { Channel } from 'discord.js';
import type { Surface } from './render/index.js';

/** Where a message or interaction happened, reduced to what routing needs. */
export interface Place {
  /** The channel (or thread, or DM channel) the event happened in. */
  channelId: string;
  /** Set when `channelId` is a thread. */
  threadId?: string;
  /** Parent channel of a thread. */
  parentId?: string;
  userId: string;
  isDM: boolean;
  /** The server, when in one (decides which guides answer, GUIDES_BY_PLACE). */
  guildId?: string;
}

/** Builds a {@link Place} from a discord.js channel (which may be missing for uncached DMs). */
export function placeOf(channel: Channel | null, channelId: string, userId: string, inGuild: boolean, guildId?: string | null): Place {
  const isThread = channel?.isThread() ?? false;
  return {
    channelId,
    userId,
    isDM: !inGuild,
    ...(guildId ? { guildId } : {}),
    ...(isThread && channel?.isThread() ? { threadId: channel.id, parentId: channel.parentId ?? undefined } : {}),
  };
}

/** "quiz …", "/quiz …", "trivia …": commands of the channel's quiz. */
const QUIZ_COMMAND = /^\s*\/?(?:quiz|trivia)\b/i;
/** "B", "(c)", "d.": a bare option letter, an answer while a quiz is open. */
const BARE_OPTION = /^\s*\(?[a-e]\)?[.!]?\s*$/i;

/**
 * The core's conversation for an event. A thread is one conversation (everyone in it shares
 * the context); elsewhere each person has their own per channel. A quiz is a channel game, so
 * quiz commands (and bare option letters while a quiz is open) share the channel scope.
 */
export function conversationIdFor(place: Place, text: string, options: { quizOpen?: boolean } = {}): string {
  if (QUIZ_COMMAND.test(text) || (options.quizOpen && BARE_OPTION.test(text))) return quizScope(place);
  return place.threadId ?? `${place.channelId}:${place.userId}`;
}

/** The conversation a channel's quiz lives in. */
export function quizScope(place: Place): string {
  return place.threadId ?? place.channelId;
}

export function surfaceOf(place: Place): Surface {
  return place.isDM ? 'dm' : place.threadId ? 'thread' : 'channel';
}

/**
 * The DISCORD_CHANNEL_IDS allow-list: empty allows every channel; a thread is allowed when its
 * parent is; DMs are always allowed (the list keeps the bot out of server channels, and a DM
 * is a person choosing to talk to it).
 */
export function isAllowed(place: Place, allowList: readonly string[]): boolean {
  if (allowList.length === 0 || place.isDM) return true;
  return allowList.includes(place.channelId) || (place.parentId !== undefined && allowList.includes(place.parentId));
}

/** Removes mentions of the bot (`<@id>`, `<@!id>`) and tidies the whitespace they leave. */
export function stripMention(content: string, botId: string): string {
  return content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
}
