import { REST, Routes } from 'discord.js';
import type { APIApplicationCommand } from 'discord.js';
import type { Config } from '../../src/config/index.js';
import { ConfigError } from '../../src/errors.js';
import { commandDefinitions } from './commands/index.js';

export interface RegisterCommandsOptions {
  config: Config;
  /** A REST client to use (its token and base URL); one is built from the config otherwise. */
  rest?: REST;
}

export interface RegisteredCommands {
  scope: 'guild' | 'global';
  guildId?: string;
  names: string[];
}

/**
 * Registers (overwrites) the slash commands: in DISCORD_GUILD_ID if set (instant, for
 * development), globally otherwise. Needs DISCORD_APPLICATION_ID and DISCORD_TOKEN.
 */
export async function registerCommands({ config, rest }: RegisterCommandsOptions): Promise<RegisteredCommands> {
  const applicationId = config.DISCORD_APPLICATION_ID;
  if (!applicationId) throw new ConfigError('DISCORD_APPLICATION_ID is not set: copy it from "General Information" in the Discord Developer Portal.');
  if (!rest && !config.DISCORD_TOKEN) throw new ConfigError('DISCORD_TOKEN is not set: copy the bot token from the "Bot" page of the Discord Developer Portal.');
  const client = rest ?? new REST(config.DISCORD_API_BASE ? { api: config.DISCORD_API_BASE } : {}).setToken(config.DISCORD_TOKEN!);
  const guildId = config.DISCORD_GUILD_ID;
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  const registered = (await client.put(route, { body: commandDefinitions() })) as APIApplicationCommand[];
  return { scope: guildId ? 'guild' : 'global', ...(guildId ? { guildId } : {}), names: registered.map((c) => c.name) };
}
