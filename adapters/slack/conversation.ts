/**
 * Conversation scopes for the core's follow-up memory. A thread is one conversation (follow-ups in it keep
 * their context); a DM outside a thread is the DM channel; a slash command is the user in that channel.
 * The "slack:" prefix keeps them apart from other front ends' ids in the shared store.
 */
export function threadConversation(channel: string, threadTs: string): string {
  return `slack:${channel}:${threadTs}`;
}

export function channelConversation(channel: string): string {
  return `slack:${channel}`;
}

export function userConversation(channel: string, userId: string): string {
  return `slack:${channel}:user:${userId}`;
}

/** Direct-message channel ids start with D. */
export function isDirectMessageChannel(channel: string): boolean {
  return channel.startsWith('D');
}

/**
 * SLACK_CHANNEL_IDS limits the channels the bot answers in; empty means everywhere. Direct messages are
 * always allowed: the allow-list keeps the bot out of shared channels, a DM involves only the asker.
 */
export function isChannelAllowed(allowList: ReadonlySet<string>, channel: string): boolean {
  return allowList.size === 0 || allowList.has(channel) || isDirectMessageChannel(channel);
}

/** "<#C1>, <#C2>" for telling a user where the bot does answer. */
export function channelMentions(allowList: ReadonlySet<string>): string {
  return [...allowList].map((id) => `<#${id}>`).join(', ');
}
