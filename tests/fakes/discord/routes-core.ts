import { ApplicationCommandType } from 'discord.js';
import type { APIApplicationCommand } from 'discord.js';
import { asRecord } from './message-body.js';
import { discordError, ErrorCode, json } from './router.js';
import type { Route, RouteContext, RouteResult } from './router.js';
import type { FakeDiscordStore } from './store.js';

/** Gateway discovery, current user/application, users, members and command registration routes. */
export function coreRoutes(gatewayUrl: () => string): Route[] {
  const gateway = () => json({ url: gatewayUrl() });
  const gatewayBot = () => json(gatewayBotInfo(gatewayUrl()));
  return [
    { method: 'GET', pattern: '/gateway', handler: gateway },
    { method: 'GET', pattern: '/gateway/bot', handler: gatewayBot },
    { method: 'GET', pattern: '/users/@me', handler: ({ store }) => json(currentUser(store)) },
    { method: 'GET', pattern: '/users/:userId', handler: getUser },
    { method: 'GET', pattern: '/applications/@me', handler: ({ store }) => json(currentApplication(store)) },
    { method: 'GET', pattern: '/oauth2/applications/@me', handler: ({ store }) => json(currentApplication(store)) },
    { method: 'GET', pattern: '/guilds/:guildId/members/:userId', handler: getMember },
    ...commandRoutes('/applications/:applicationId/commands'),
    ...commandRoutes('/applications/:applicationId/guilds/:guildId/commands'),
  ];
}

/**
 * `GET /gateway/bot`. @discordjs/ws caches this for `reset_after` ms and refuses to connect
 * when `remaining` is below the shard count, so both are generous.
 */
function gatewayBotInfo(url: string) {
  return {
    url,
    shards: 1,
    session_start_limit: { total: 1000, remaining: 1000, reset_after: 14_400_000, max_concurrency: 1 },
  };
}

function currentUser(store: FakeDiscordStore) {
  return { ...store.bot, verified: true, mfa_enabled: false, flags: 0, locale: 'en-US' };
}

function currentApplication(store: FakeDiscordStore) {
  return {
    id: store.applicationId,
    name: store.bot.username,
    icon: null,
    description: '',
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: 'fake-verify-key',
    flags: 0,
    team: null,
    owner: store.users.get(store.guild.ownerId),
    bot: store.bot,
  };
}

function getUser({ store, params }: RouteContext): RouteResult {
  const user = store.users.get(params.userId ?? '');
  return user ? json(user) : discordError(404, ErrorCode.UnknownUser, 'Unknown User');
}

function getMember({ store, params }: RouteContext): RouteResult {
  const member = params.guildId === store.guild.id ? store.members.get(params.userId ?? '') : undefined;
  return member ? json(member) : discordError(404, 10007, 'Unknown Member');
}

function commandRoutes(pattern: string): Route[] {
  return [
    { method: 'GET', pattern, handler: (ctx) => withCommands(ctx, (_key, existing) => json(existing)) },
    { method: 'PUT', pattern, handler: (ctx) => withCommands(ctx, (key) => json(overwriteCommands(ctx, key))) },
    { method: 'POST', pattern, handler: (ctx) => withCommands(ctx, (key) => json(createCommand(ctx, key), 201)) },
  ];
}

/** Validates the application/guild in the path and hands over the command list's storage key. */
function withCommands(
  ctx: RouteContext,
  then: (key: string, existing: APIApplicationCommand[]) => RouteResult,
): RouteResult {
  const { store, params } = ctx;
  if (params.applicationId !== store.applicationId) return discordError(404, 10002, 'Unknown Application');
  if (params.guildId !== undefined && params.guildId !== store.guild.id) return discordError(404, 10004, 'Unknown Guild');
  const key = params.guildId ?? 'global';
  return then(key, ctx.store.commands.get(key) ?? []);
}

/** Bulk overwrite: Discord keeps the ids of commands whose name already existed. */
function overwriteCommands(ctx: RouteContext, key: string): APIApplicationCommand[] {
  const existing = ctx.store.commands.get(key) ?? [];
  const inputs = Array.isArray(ctx.body) ? ctx.body : [];
  const commands = inputs.map((input) => toCommand(ctx, key, input, existing));
  ctx.store.commands.set(key, commands);
  return commands;
}

function createCommand(ctx: RouteContext, key: string): APIApplicationCommand {
  const existing = ctx.store.commands.get(key) ?? [];
  const command = toCommand(ctx, key, ctx.body, existing);
  ctx.store.commands.set(key, [...existing.filter((c) => c.name !== command.name), command]);
  return command;
}

function toCommand(ctx: RouteContext, key: string, input: unknown, existing: APIApplicationCommand[]): APIApplicationCommand {
  const fields = asRecord(input);
  const name = String(fields.name ?? '');
  const { store } = ctx;
  return {
    ...(fields as Partial<APIApplicationCommand>),
    id: existing.find((c) => c.name === name)?.id ?? store.ids.next(),
    application_id: store.applicationId,
    version: store.ids.next(),
    type: (fields.type as ApplicationCommandType | undefined) ?? ApplicationCommandType.ChatInput,
    name,
    description: typeof fields.description === 'string' ? fields.description : '',
    default_member_permissions: (fields.default_member_permissions as string | null | undefined) ?? null,
    ...(key === 'global' ? {} : { guild_id: key }),
  };
}
