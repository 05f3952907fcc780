import type { ClientOptions, REST } from 'discord.js';
import { createCommandHandler } from '../../src/commands/index.js';
import { waitForShutdownSignal, type SignalSource } from '../shared/shutdown-signal.js';
import type { CommandHandler } from '../../src/commands/types.js';
import { loadConfig, type Config } from '../../src/config/index.js';
import type { CareerAdvisor } from '../../src/core/index.js';
import type { QuestionInbox } from '../../src/inbox/index.js';
import { ConfigError } from '../../src/errors.js';
import { openAdvisor } from '../cli/cli-context.js';
import type { CliCommand } from '../cli/command.js';
import type { SharedState } from '../../src/state/index.js';
import type { DiscordBot } from './bot.js';
import type { DiscordLogger } from './logger.js';
import { parseShardsFlag } from './shard-flag.js';

export type { SignalSource };

/** Seams for tests; every field defaults to the real thing. */
export interface DiscordCliDeps {
  env?: NodeJS.ProcessEnv;
  openAdvisor?: (config: Config) => Promise<CareerAdvisor>;
  createCommands?: (advisor: CareerAdvisor) => CommandHandler;
  signals?: SignalSource;
  out?: (line: string) => void;
  err?: (line: string) => void;
  logger?: DiscordLogger;
  clientOptions?: Partial<ClientOptions>;
  rest?: REST;
  /** Called once the bot is logged in (tests use it to talk to the running bot). */
  onReady?: (bot: DiscordBot) => void;
  /** Called after the bot has disconnected on shutdown (the runtime flushes its store here). */
  afterStop?: () => Promise<void>;
  /** The runtime's shared state (Redis or memory), once `openAdvisor` has run. */
  sharedState?: () => SharedState | undefined;
  /** The durable inbox to record questions in (the runtime's), if any. */
  inbox?: () => QuestionInbox | undefined;
  /** Called once the bot runs (the runtime answers questions left from before a restart here). */
  onStarted?: (bot: DiscordBot) => void;
}

const USAGE = 'career-advisor discord [start] [--shards auto|N]   |   career-advisor discord register';

/** Builds the `discord` CLI command; {@link discordCliCommand} is the real one. */
export function createDiscordCliCommand(deps: DiscordCliDeps = {}): CliCommand {
  const out = deps.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const err = deps.err ?? ((line: string) => process.stderr.write(`${line}\n`));
  return {
    name: 'discord',
    summary: 'Run the Discord bot, or register its slash commands',
    usage: USAGE,
    async run(allArgs) {
      const { shards, rest: args } = parseShardsFlag(allArgs);
      const [sub = 'start', ...rest] = args;
      if (sub === '--help' || sub === '-h' || rest.includes('--help')) {
        out(`Usage: ${USAGE}\n  start     log in and answer mentions, DMs and slash commands (default)\n            --shards auto|N  run N shards (discord.js ShardingManager), one process each\n  register  register the slash commands (in DISCORD_GUILD_ID if set, else globally)`);
        return 0;
      }
      const config = loadConfig(deps.env ?? process.env);
      if (sub === 'register') {
        // discord.js takes ~0.4 s to load: only the discord command pays for it.
        const { registerCommands } = await import('./register-commands.js');
        const result = await registerCommands({ config, ...(deps.rest ? { rest: deps.rest } : {}) });
        const where = result.scope === 'guild' ? `in guild ${result.guildId} (available now)` : 'globally (may take a few minutes to show up)';
        out(`Registered ${result.names.map((n) => `/${n}`).join(', ')} ${where}.`);
        return 0;
      }
      if (sub !== 'start') {
        err(`Unknown discord subcommand "${sub}".\nUsage: ${USAGE}`);
        return 2;
      }
      if (shards !== undefined) {
        const { runShardManager } = await import('./shard-manager.js');
        return runShardManager(config, shards, { out, stopSignal: waitForShutdownSignal(deps.signals ?? process) });
      }
      return runBot(config, deps, out);
    },
  };
}

async function runBot(config: Config, deps: DiscordCliDeps, out: (line: string) => void): Promise<number> {
  if (!config.DISCORD_TOKEN) throw new ConfigError('DISCORD_TOKEN is not set: create a bot in the Discord Developer Portal (see docs/discord.md).');
  const advisor = await (deps.openAdvisor ?? openAdvisor)(config);
  const commands = (deps.createCommands ?? ((a: CareerAdvisor) => createCommandHandler(a)))(advisor);
  const { startDiscordBot } = await import('./bot.js');
  const logger = deps.logger ?? (await import('pino')).pino({ level: config.LOG_LEVEL, base: { adapter: 'discord' } });
  const state = deps.sharedState?.();
  const bot = await startDiscordBot({ config, advisor, commands, logger, inbox: deps.inbox?.(), ...(deps.clientOptions ? { clientOptions: deps.clientOptions } : {}), ...(state ? { state } : {}) });
  out(`Logged in to Discord as ${bot.client.user.tag}. Stop with Ctrl+C (SIGINT) or SIGTERM.`);
  deps.onReady?.(bot);
  deps.onStarted?.(bot);
  const signal = await waitForShutdownSignal(deps.signals ?? process);
  logger.info({ signal }, 'shutting down the discord bot');
  await bot.stop();
  await deps.afterStop?.();
  return 0;
}

/**
 * `career-advisor discord` — register it in adapters/cli/main.ts, importing this file directly
 * (not the folder's index) so other commands don't load discord.js.
 */
export const discordCliCommand: CliCommand = createDiscordCliCommand();
