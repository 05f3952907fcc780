import {
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  MessageType,
  PermissionFlagsBits,
  ThreadAutoArchiveDuration,
} from 'discord.js';
import type {
  APIDMChannel,
  APIGuildMember,
  APIMessage,
  APIRole,
  APITextChannel,
  APIThreadChannel,
  APIUser,
  GuildMemberFlags,
  MessageFlags,
  RoleFlags,
  ThreadChannelType,
} from 'discord.js';

/**
 * Permissions granted to @everyone (and reported as `app_permissions`): what a chat bot
 * needs. Plain users get the same set; tests needing other permissions can patch the role.
 */
export const DEFAULT_PERMISSIONS = [
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.CreatePublicThreads,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.AttachFiles,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.AddReactions,
  PermissionFlagsBits.UseApplicationCommands,
]
  .reduce((all, bit) => all | bit, 0n)
  .toString();

/** ISO timestamp for "now", the format Discord uses in payloads. */
export function isoNow(): string {
  return new Date().toISOString();
}

/** Builds a user object; `bot` is only set for bots, as Discord omits it for humans. */
export function buildUser(id: string, username: string, bot = false): APIUser {
  return {
    id,
    username,
    discriminator: '0',
    global_name: bot ? null : username,
    avatar: null,
    ...(bot ? { bot: true } : {}),
  };
}

/** Builds a guild member wrapping `user`. */
export function buildMember(user: APIUser): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles: [],
    joined_at: isoNow(),
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
  };
}

/** Builds the @everyone role, whose id is the guild id. */
export function buildEveryoneRole(guildId: string): APIRole {
  return {
    id: guildId,
    name: '@everyone',
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    position: 0,
    permissions: DEFAULT_PERMISSIONS,
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

/** Builds a guild text channel. */
export function buildTextChannel(id: string, guildId: string, name: string, position: number): APITextChannel {
  return {
    id,
    type: ChannelType.GuildText,
    guild_id: guildId,
    name,
    position,
    permission_overwrites: [],
    parent_id: null,
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    default_auto_archive_duration: ThreadAutoArchiveDuration.OneDay,
  };
}

/** Fields needed to build a thread channel. */
export interface ThreadFields {
  id: string;
  guildId: string;
  parentId: string;
  name: string;
  ownerId: string;
  type?: ThreadChannelType;
  autoArchiveDuration?: ThreadAutoArchiveDuration;
}

/** Builds a thread channel (public by default). */
export function buildThread(fields: ThreadFields): APIThreadChannel {
  return {
    id: fields.id,
    type: fields.type ?? ChannelType.PublicThread,
    guild_id: fields.guildId,
    parent_id: fields.parentId,
    owner_id: fields.ownerId,
    name: fields.name,
    last_message_id: null,
    rate_limit_per_user: 0,
    message_count: 0,
    member_count: 1,
    total_message_sent: 0,
    thread_metadata: {
      archived: false,
      locked: false,
      auto_archive_duration: fields.autoArchiveDuration ?? ThreadAutoArchiveDuration.OneDay,
      archive_timestamp: isoNow(),
      create_timestamp: isoNow(),
    },
  };
}

/** Builds a DM channel between the bot and `recipient`. */
export function buildDmChannel(id: string, recipient: APIUser): APIDMChannel {
  return { id, type: ChannelType.DM, name: null, recipients: [recipient], last_message_id: null };
}

/** Builds a complete message object; `fields` overrides the defaults. */
export function buildMessage(fields: Pick<APIMessage, 'id' | 'channel_id' | 'author'> & Partial<APIMessage>): APIMessage {
  return {
    content: '',
    timestamp: isoNow(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: MessageType.Default,
    flags: 0 as MessageFlags,
    ...fields,
  };
}

/** Guild-level settings that never vary in the fake; split out to keep `buildGuildCreate` readable. */
export function staticGuildFields() {
  return {
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    afk_channel_id: null,
    afk_timeout: 300 as const,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    large: false,
    unavailable: false,
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
