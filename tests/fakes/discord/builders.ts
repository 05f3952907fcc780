import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ButtonStyle,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
  MessageType,
} from 'discord.js';
import type {
  APIApplicationCommand,
  APIApplicationCommandInteractionDataBasicOption,
  APIApplicationCommandInteractionDataOption,
  APIChannel,
  APIChatInputApplicationCommandInteraction,
  APIMessage,
  APIMessageComponentButtonInteraction,
  APIUser,
  GatewayMessageCreateDispatchData,
} from 'discord.js';
import { buildMessage, DEFAULT_PERMISSIONS } from './entities.js';
import { gatewayMessage } from './message-body.js';
import type { FakeDiscordStore } from './store.js';

/** Input of {@link buildMessageCreate}: a message a (human) user sends. */
export interface MessageCreateInput {
  content: string;
  /** Default: the fake's default user ("alice"). */
  author?: APIUser;
  /** Default: the default text channel (or the author's DM channel when `dm` is true). */
  channelId?: string;
  /** Send as a direct message to the bot (channel = DM between author and bot). */
  dm?: boolean;
  /** Mentioned users; default: the known users written as `<@id>` in `content`. */
  mentions?: APIUser[];
  /** Makes this message a reply to that message (must be known to the fake). */
  replyTo?: string;
  id?: string;
}

/** Simple option values become typed options (string, integer, number, boolean). */
export type SimpleCommandOptions = Record<string, string | number | boolean>;

/** Input of {@link buildChatInputInteraction}. */
export interface ChatInputInteractionInput {
  name: string;
  /** `{ question: 'hi' }` or raw Discord options (for subcommands, users, ...). */
  options?: SimpleCommandOptions | APIApplicationCommandInteractionDataOption[];
  /** Default: the default user. */
  user?: APIUser;
  /** Default: the default text channel (the user's DM channel when `guildId` is null). */
  channelId?: string;
  /** Overrides the guild id; `null` makes it a DM interaction. Default: the channel's guild. */
  guildId?: string | null;
  commandId?: string;
}

/** Input of {@link buildButtonInteraction}. */
export interface ButtonInteractionInput {
  customId: string;
  user?: APIUser;
  /** The message carrying the button (object or id); a bot message with that button is created when omitted. */
  message?: APIMessage | string;
  channelId?: string;
  guildId?: string | null;
}

/** Builds MESSAGE_CREATE data for a user message (with `mentions`, `member`, `guild_id`). */
export function buildMessageCreate(store: FakeDiscordStore, input: MessageCreateInput): GatewayMessageCreateDispatchData {
  const author = input.author ?? defaultUser(store);
  const channelId = input.channelId ?? (input.dm ? store.dmChannelFor(author).id : store.defaultChannelId);
  const referenced = input.replyTo ? store.messages.get(input.replyTo) : undefined;
  if (input.replyTo && !referenced) throw new Error(`replyTo: unknown message ${input.replyTo}`);
  const message = buildMessage({
    id: input.id ?? store.ids.next(),
    channel_id: channelId,
    author,
    content: input.content,
    mentions: input.mentions ?? store.mentionsIn(input.content),
    ...(referenced ? replyFields(store, referenced) : {}),
  });
  return withMentionMembers(store, gatewayMessage(store, message));
}

/** Builds a chat-input (slash command) INTERACTION_CREATE payload. */
export function buildChatInputInteraction(
  store: FakeDiscordStore,
  input: ChatInputInteractionInput,
): APIChatInputApplicationCommandInteraction {
  const base = baseInteraction(store, input);
  const options = Array.isArray(input.options) ? input.options : toCommandOptions(input.options ?? {});
  const registered = registeredCommand(store, input.name);
  const data = {
    id: input.commandId ?? registered?.id ?? store.ids.next(),
    name: input.name,
    type: ApplicationCommandType.ChatInput as const,
    options,
    // Discord sets data.guild_id only for guild-registered commands.
    ...(registered?.guild_id ? { guild_id: registered.guild_id } : {}),
  };
  return { ...base, type: InteractionType.ApplicationCommand, data } as APIChatInputApplicationCommandInteraction;
}

/** Builds a button-click INTERACTION_CREATE payload. */
export function buildButtonInteraction(store: FakeDiscordStore, input: ButtonInteractionInput): APIMessageComponentButtonInteraction {
  const base = baseInteraction(store, input);
  const message = resolveComponentMessage(store, input, base.channel_id);
  const data = { custom_id: input.customId, component_type: ComponentType.Button as const };
  return { ...base, type: InteractionType.MessageComponent, data, message } as APIMessageComponentButtonInteraction;
}

/** Converts `{ name: value }` to options, picking the option type from the JS type. */
export function toCommandOptions(options: SimpleCommandOptions): APIApplicationCommandInteractionDataBasicOption[] {
  return Object.entries(options).map(([name, value]) => {
    if (typeof value === 'boolean') return { name, type: ApplicationCommandOptionType.Boolean, value };
    if (typeof value === 'number') {
      const type = Number.isInteger(value) ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number;
      return { name, type, value };
    }
    return { name, type: ApplicationCommandOptionType.String, value };
  });
}

function defaultUser(store: FakeDiscordStore): APIUser {
  const user = store.users.get(store.defaultUserId);
  if (!user) throw new Error('default user missing from the fake store');
  return user;
}

function replyFields(store: FakeDiscordStore, referenced: APIMessage): Partial<APIMessage> {
  const guildId = store.guildIdOf(referenced.channel_id);
  return {
    type: MessageType.Reply,
    message_reference: {
      type: 0,
      message_id: referenced.id,
      channel_id: referenced.channel_id,
      ...(guildId ? { guild_id: guildId } : {}),
    },
    referenced_message: referenced,
  };
}

/** In guilds Discord attaches each mentioned user's member object; discord.js caches it. */
function withMentionMembers(store: FakeDiscordStore, payload: GatewayMessageCreateDispatchData): GatewayMessageCreateDispatchData {
  if (!payload.guild_id) return payload;
  const mentions = payload.mentions.map((user) => {
    const member = store.members.get(user.id);
    if (!member) return user;
    const { user: _user, ...memberWithoutUser } = member;
    return { ...user, member: memberWithoutUser };
  });
  return { ...payload, mentions };
}

/** Fields shared by all interaction payloads, in the guild or the DM shape. */
function baseInteraction(store: FakeDiscordStore, input: { user?: APIUser; channelId?: string; guildId?: string | null }) {
  const user = input.user ?? defaultUser(store);
  const channel = interactionChannel(store, user, input);
  const guildId = input.guildId === undefined ? store.guildIdOf(channel.id) : input.guildId;
  const common = {
    id: store.ids.next(),
    application_id: store.applicationId,
    token: randomBytes(24).toString('base64url'),
    version: 1 as const,
    channel,
    channel_id: channel.id,
    app_permissions: DEFAULT_PERMISSIONS,
    locale: Locale.EnglishUS,
    entitlements: [],
    // discord.js reads this map unconditionally, so it must be present.
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guildId ?? '0' },
    attachment_size_limit: 26_214_400,
  };
  if (!guildId) return { ...common, user, context: InteractionContextType.BotDM, guild_id: undefined };
  const member = store.members.get(user.id);
  if (!member) throw new Error(`user ${user.id} is not a guild member; add them with fake.addUser()`);
  return {
    ...common,
    guild_id: guildId,
    guild: { id: guildId, locale: Locale.EnglishUS, features: [] },
    guild_locale: Locale.EnglishUS,
    member: { ...member, user, permissions: DEFAULT_PERMISSIONS },
    context: InteractionContextType.Guild,
  };
}

/** The given channel; for DM interactions (`guildId: null`) the user's DM channel by default. */
function interactionChannel(
  store: FakeDiscordStore,
  user: APIUser,
  input: { channelId?: string; guildId?: string | null },
): APIChannel {
  if (input.channelId === undefined && input.guildId === null) return store.dmChannelFor(user);
  return requireChannel(store, input.channelId ?? store.defaultChannelId);
}

function requireChannel(store: FakeDiscordStore, channelId: string): APIChannel {
  const channel = store.channels.get(channelId);
  if (!channel) throw new Error(`unknown channel ${channelId}; create it with fake.addTextChannel()/addThread()`);
  return channel;
}

/** The command the bot registered under `name`, if any (its id is reused in payloads). */
function registeredCommand(store: FakeDiscordStore, name: string): APIApplicationCommand | undefined {
  for (const commands of store.commands.values()) {
    const command = commands.find((c) => c.name === name);
    if (command) return command;
  }
  return undefined;
}

function resolveComponentMessage(store: FakeDiscordStore, input: ButtonInteractionInput, channelId: string): APIMessage {
  if (typeof input.message === 'object') return input.message;
  if (typeof input.message === 'string') {
    const message = store.messages.get(input.message);
    if (!message) throw new Error(`unknown message ${input.message}`);
    return message;
  }
  return store.createMessage(channelId, {
    content: 'Choose:',
    components: [
      {
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, label: input.customId, custom_id: input.customId }],
      },
    ],
  });
}

/** GUILD_MEMBERS_CHUNK answering op 8 (`guild.members.fetch()`), filtered by `user_ids` or a name `query`. */
export function buildMemberChunk(store: FakeDiscordStore, request: Record<string, unknown>) {
  const rawIds = request.user_ids;
  const userIds = typeof rawIds === 'string' ? [rawIds] : Array.isArray(rawIds) ? rawIds.map(String) : null;
  const query = typeof request.query === 'string' ? request.query.toLowerCase() : '';
  const members = [...store.members.values()].filter((m) =>
    userIds ? userIds.includes(m.user.id) : m.user.username.toLowerCase().startsWith(query),
  );
  const limit = typeof request.limit === 'number' && request.limit > 0 ? request.limit : members.length;
  return {
    guild_id: store.guild.id,
    members: members.slice(0, limit),
    chunk_index: 0,
    chunk_count: 1,
    not_found: userIds?.filter((id) => !store.members.has(id)) ?? [],
    nonce: request.nonce,
  };
}
