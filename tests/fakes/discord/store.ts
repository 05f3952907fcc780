import { ChannelType, MessageFlags } from 'discord.js';
import type {
  APIApplicationCommand,
  ApplicationFlags,
  APIChannel,
  APIDMChannel,
  APIGuildMember,
  APIInteraction,
  APIMessage,
  APIRole,
  APITextChannel,
  APIThreadChannel,
  APIUser,
  GatewayGuildCreateDispatchData,
  GatewayMessageCreateDispatchData,
  GatewayReadyDispatchData,
  InteractionType,
  ThreadChannelType,
} from 'discord.js';
import {
  buildDmChannel,
  buildEveryoneRole,
  buildMember,
  buildMessage,
  buildTextChannel,
  buildThread,
  buildUser,
  isoNow,
  staticGuildFields,
} from './entities.js';
import { SnowflakeGenerator } from './snowflake.js';
import type { FakeDiscordOptions } from './types.js';

/** The single guild the fake bot is a member of. */
export interface FakeGuild {
  id: string;
  name: string;
  ownerId: string;
  roles: APIRole[];
}

/** What the fake remembers about a dispatched interaction, to validate callbacks. */
export interface InteractionRecord {
  id: string;
  token: string;
  type: InteractionType;
  channelId: string;
  guildId: string | null;
  /** For component interactions: the message holding the component. */
  sourceMessageId: string | null;
  acknowledged: boolean;
  /** Message created or targeted by the initial response (`@original`). */
  originalMessageId: string | null;
}

/** Options for {@link FakeDiscordStore.addUser}. */
export interface AddUserOptions {
  id?: string;
  bot?: boolean;
  /** Also make the user a guild member (default true). */
  member?: boolean;
}

/** Options for {@link FakeDiscordStore.addThread}. */
export interface AddThreadOptions {
  parentId: string;
  name: string;
  ownerId?: string;
  type?: ThreadChannelType;
  id?: string;
}

/** Message fields accepted by {@link FakeDiscordStore.createMessage}; `author` defaults to the bot. */
export type NewMessageFields = Partial<Omit<APIMessage, 'id' | 'channel_id'>>;

const THREAD_TYPES: ReadonlySet<ChannelType> = new Set([
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.AnnouncementThread,
]);

/** True for thread channels. */
export function isThread(channel: APIChannel): channel is APIThreadChannel {
  return THREAD_TYPES.has(channel.type);
}

/**
 * In-memory Discord state: users, the guild, channels, messages, interactions, commands.
 * REST routes and payload builders read and mutate it.
 */
export class FakeDiscordStore {
  readonly ids = new SnowflakeGenerator();
  readonly bot: APIUser;
  readonly applicationId: string;
  readonly guild: FakeGuild;
  readonly defaultChannelId: string;
  readonly defaultUserId: string;
  readonly users = new Map<string, APIUser>();
  readonly members = new Map<string, APIGuildMember>();
  readonly channels = new Map<string, APIChannel>();
  readonly messages = new Map<string, APIMessage>();
  /** Keyed by interaction token, the credential the callback and webhook routes carry. */
  readonly interactions = new Map<string, InteractionRecord>();
  /** Registered commands keyed by guild id, or `'global'`. */
  readonly commands = new Map<string, APIApplicationCommand[]>();

  constructor(options: FakeDiscordOptions = {}) {
    const botId = options.botUser?.id ?? this.ids.next();
    this.bot = { ...buildUser(botId, 'fake-bot', true), ...options.botUser, id: botId };
    this.applicationId = options.applicationId ?? botId;
    this.addUserObject(this.bot, true);
    const owner = this.addUser('guild-owner');
    const guildId = this.ids.next();
    this.guild = { id: guildId, name: options.guildName ?? 'Fake Guild', ownerId: owner.id, roles: [buildEveryoneRole(guildId)] };
    this.defaultChannelId = this.addTextChannel(options.channelName ?? 'general').id;
    this.defaultUserId = this.addUser('alice').id;
  }

  /** Creates a user (a guild member unless `member: false`). */
  addUser(username: string, options: AddUserOptions = {}): APIUser {
    const user = buildUser(options.id ?? this.ids.next(), username, options.bot ?? false);
    return this.addUserObject(user, options.member ?? true);
  }

  /** Creates a text channel in the guild. */
  addTextChannel(name: string, id = this.ids.next()): APITextChannel {
    const position = [...this.channels.values()].filter((c) => !isThread(c)).length;
    const channel = buildTextChannel(id, this.guild.id, name, position);
    this.channels.set(id, channel);
    return channel;
  }

  /** Creates a thread under `parentId` (owned by the bot unless `ownerId` is given). */
  addThread(options: AddThreadOptions): APIThreadChannel {
    const thread = buildThread({
      id: options.id ?? this.ids.next(),
      guildId: this.guildIdOf(options.parentId) ?? this.guild.id,
      parentId: options.parentId,
      name: options.name,
      ownerId: options.ownerId ?? this.bot.id,
      type: options.type,
    });
    this.channels.set(thread.id, thread);
    return thread;
  }

  /** Returns the DM channel with `user`, creating it on first use. */
  dmChannelFor(user: APIUser): APIDMChannel {
    const existing = [...this.channels.values()].find(
      (c): c is APIDMChannel => c.type === ChannelType.DM && c.recipients?.[0]?.id === user.id,
    );
    if (existing) return existing;
    const channel = buildDmChannel(this.ids.next(), user);
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** Guild id of a channel, or null for DMs and unknown channels. */
  guildIdOf(channelId: string): string | null {
    const channel = this.channels.get(channelId);
    return channel && 'guild_id' in channel && channel.guild_id ? channel.guild_id : null;
  }

  /** Users mentioned as `<@id>` / `<@!id>` in `content` that the fake knows. */
  mentionsIn(content: string): APIUser[] {
    const ids = [...content.matchAll(/<@!?(\d+)>/g)].map((m) => m[1]);
    return [...new Set(ids)].flatMap((id) => {
      const user = id === undefined ? undefined : this.users.get(id);
      return user ? [user] : [];
    });
  }

  /** Stores a new message in `channelId` and updates the channel's bookkeeping. */
  createMessage(channelId: string, fields: NewMessageFields = {}): APIMessage {
    const message = buildMessage({
      mentions: this.mentionsIn(fields.content ?? ''),
      ...fields,
      id: this.ids.next(),
      channel_id: channelId,
      author: fields.author ?? this.bot,
    });
    this.storeMessage(message);
    return message;
  }

  /** Stores a message built elsewhere (e.g. a dispatched MESSAGE_CREATE). */
  storeMessage(message: APIMessage): void {
    this.messages.set(message.id, message);
    const channel = this.channels.get(message.channel_id);
    if (!channel) return;
    if ('last_message_id' in channel) channel.last_message_id = message.id;
    if (isThread(channel)) {
      channel.message_count = (channel.message_count ?? 0) + 1;
      channel.total_message_sent = (channel.total_message_sent ?? 0) + 1;
    }
  }

  /** Remembers a dispatched MESSAGE_CREATE in its REST shape (gateway-only fields dropped). */
  rememberGatewayMessage(data: GatewayMessageCreateDispatchData): void {
    const { guild_id: _guildId, member: _member, channel_type: _channelType, ...message } = data;
    this.storeMessage(message);
  }

  /** Registers a dispatched interaction so its callback and webhook calls are accepted. */
  registerInteraction(payload: APIInteraction): void {
    const channelId = payload.channel?.id ?? payload.channel_id ?? this.defaultChannelId;
    const message = 'message' in payload ? payload.message : undefined;
    this.interactions.set(payload.token, {
      id: payload.id,
      token: payload.token,
      type: payload.type,
      channelId,
      guildId: payload.guild_id ?? null,
      sourceMessageId: message?.id ?? null,
      acknowledged: false,
      originalMessageId: null,
    });
    // The clicked message must be known for update()/deferUpdate() to find it.
    if (message && !this.messages.has(message.id)) this.storeMessage(message);
  }

  /** Applies an edit like Discord: merges fields, stamps `edited_timestamp`, clears the loading flag. */
  editMessage(id: string, patch: NewMessageFields): APIMessage | undefined {
    const existing = this.messages.get(id);
    if (!existing) return undefined;
    const flags = (patch.flags ?? existing.flags ?? 0) & ~MessageFlags.Loading;
    const mentions = patch.content === undefined ? existing.mentions : this.mentionsIn(patch.content);
    const updated = { ...existing, ...patch, id, mentions, flags, edited_timestamp: isoNow() };
    this.messages.set(id, updated);
    return updated;
  }

  /** The GUILD_CREATE payload for the guild with all its channels, threads and members. */
  guildCreatePayload(): GatewayGuildCreateDispatchData {
    const channels = [...this.channels.values()].filter((c) => this.guildIdOf(c.id) === this.guild.id);
    return {
      ...staticGuildFields(),
      id: this.guild.id,
      name: this.guild.name,
      owner_id: this.guild.ownerId,
      roles: this.guild.roles,
      system_channel_id: this.defaultChannelId,
      joined_at: isoNow(),
      member_count: this.members.size,
      members: [...this.members.values()],
      channels: channels.filter((c) => !isThread(c)) as GatewayGuildCreateDispatchData['channels'],
      threads: channels.filter(isThread),
    };
  }

  /** The READY payload; the guild is listed as unavailable, exactly like Discord does. */
  readyPayload(sessionId: string, resumeGatewayUrl: string): GatewayReadyDispatchData {
    return {
      v: 10,
      user: { ...this.bot, verified: true, mfa_enabled: false },
      guilds: [{ id: this.guild.id, unavailable: true }],
      session_id: sessionId,
      resume_gateway_url: resumeGatewayUrl,
      shard: [0, 1],
      application: { id: this.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
    };
  }

  private addUserObject(user: APIUser, member: boolean): APIUser {
    this.users.set(user.id, user);
    if (member) this.members.set(user.id, buildMember(user));
    return user;
  }
}
