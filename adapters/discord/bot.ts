import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { ClientOptions } from 'discord.js';
import type { CommandHandler } from '../../src/commands/types.js';
import type { Config } from '../../src/config/index.js';
import { ConfigError } from '../../src/errors.js';
import type { PendingQuestion, QuestionInbox } from '../../src/inbox/index.js';
import type { SharedState } from '../../src/state/index.js';
import { completeQuestion } from '../shared/pending-questions.js';
import { claimEvent, createBotContext, type FeedbackRecorder } from './context.js';
import { handleInteraction } from './interaction-handler.js';
import { errorFields, stderrLogger, type DiscordLogger } from './logger.js';
import { handleMessage, inboxLog, type DiscordPendingMessage } from './message-handler.js';
import type { BotContext } from './context.js';
import { recoverInteraction, type DiscordPendingInteraction } from './pending-interaction.js';
import { timeQuizRound } from './quiz-rounds.js';
import type { RoundScheduler } from '../shared/round-timers.js';

export interface StartDiscordBotOptions {
  config: Config;
  /** Records 👍/👎 (a CareerAdvisor fits). */
  advisor: FeedbackRecorder;
  /** The command layer every message and slash command goes through. */
  commands: CommandHandler;
  logger?: DiscordLogger;
  /** Extra discord.js client options (merged; `rest` is merged key by key). */
  clientOptions?: Partial<ClientOptions>;
  /** State shared with other shards and processes (Redis); default: this process's memory. */
  state?: SharedState;
  /** Durable inbox: mentions are recorded before they are taken on and completed once answered. */
  inbox?: QuestionInbox;
  /** Clock and timers that close quiz questions (tests fire them at once); default: real time. */
  scheduler?: RoundScheduler;
}

export interface DiscordBot {
  client: Client<true>;
  /** Disconnects from Discord; safe to call twice. */
  stop(): Promise<void>;
  /** Answers a question recovered from the inbox after a restart, as a reply to the original message. */
  recover(question: PendingQuestion): Promise<void>;
}

/**
 * Logs the bot in and resolves once it is ready. Uses only non-privileged intents: mentions,
 * DMs and interactions carry their content without the Message Content intent.
 * DISCORD_API_BASE, when set, replaces the REST base URL (a proxy or a local fake).
 * Reconnects and REST rate limits are handled by discord.js.
 */
export async function startDiscordBot(options: StartDiscordBotOptions): Promise<DiscordBot> {
  const { config, clientOptions = {} } = options;
  if (!config.DISCORD_TOKEN) throw new ConfigError('DISCORD_TOKEN is not set: create a bot in the Discord Developer Portal (see docs/discord.md).');
  const logger = options.logger ?? stderrLogger;
  const ctx = createBotContext({ config, advisor: options.advisor, commands: options.commands, logger, state: options.state, inbox: options.inbox, scheduler: options.scheduler });
  ctx.afterResult = (place, result) => timeQuizRound(ctx, place, result);
  const client = createClient(config, clientOptions);
  ctx.client = client;
  registerClientListeners(ctx, client, logger);
  const readyClient = await logIn(client, config.DISCORD_TOKEN);
  logger.info({ user: readyClient.user.tag, guilds: readyClient.guilds.cache.size }, 'discord bot ready');

  let stopped: Promise<void> | null = null;
  return {
    client: readyClient,
    stop: () => {
      ctx.rounds.cancelAll();
      return (stopped ??= client.destroy());
    },
    recover: (question) => recoverMessage(ctx, readyClient, question),
  };
}

function createClient(config: Config, clientOptions: Partial<ClientOptions>): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    // DM channels are not cached when the first DM arrives; without this partial it is dropped.
    partials: [Partials.Channel],
    // Reply even if the question was deleted meanwhile, and never ping @everyone or roles.
    failIfNotExists: false,
    allowedMentions: { parse: [], repliedUser: true },
    ...clientOptions,
    rest: { ...(config.DISCORD_API_BASE ? { api: config.DISCORD_API_BASE } : {}), ...clientOptions.rest },
  });
}

function registerClientListeners(ctx: BotContext, client: Client, logger: DiscordLogger): void {
  client.on(Events.MessageCreate, (message) => {
    void handleMessage(ctx, client, message).catch((error: unknown) => logger.error(errorFields(error), 'message handler failed'));
  });
  client.on(Events.InteractionCreate, (interaction) => {
    void (async () => (await claimEvent(ctx, interaction.id)) && handleInteraction(ctx, interaction))().catch((error: unknown) => logger.error(errorFields(error), 'interaction handler failed'));
  });
  // Without an 'error' listener an emitted error would crash the process.
  client.on(Events.Error, (error) => logger.error(errorFields(error), 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({}, message));
  client.on(Events.ShardDisconnect, (event, shardId) => logger.warn({ code: event.code, shardId }, 'gateway disconnected'));
  client.on(Events.ShardResume, (shardId) => logger.info({ shardId }, 'gateway session resumed'));
}

/** Resolves once the gateway reports ready; a failed login destroys the client so nothing keeps running. */
async function logIn(client: Client, token: string): Promise<Client<true>> {
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  return client as Client<true>;
}

/**
 * Fetches the recovered message again and answers it through the usual handler. A message that
 * can no longer be fetched (deleted, channel gone) is logged and dropped.
 */
async function recoverMessage(ctx: BotContext, client: Client<true>, question: PendingQuestion): Promise<void> {
  const payload = question.payload as Partial<DiscordPendingMessage> | DiscordPendingInteraction | null;
  try {
    if (payload?.kind === 'interaction') {
      await recoverInteraction(ctx, client, payload);
      await completeQuestion(ctx.inbox, question.id, inboxLog(ctx));
      return;
    }
    if (payload?.kind !== 'message' || !payload.channelId || !payload.messageId) throw new Error('not a recoverable message');
    const channel = await client.channels.fetch(payload.channelId);
    if (!channel?.isTextBased()) throw new Error(`channel ${payload.channelId} is not a text channel`);
    const message = await channel.messages.fetch(payload.messageId);
    await handleMessage(ctx, client, message, { recovered: true });
  } catch (error) {
    ctx.logger.warn({ ...errorFields(error), id: question.id }, 'could not answer a question recovered after a restart; dropping it');
    await completeQuestion(ctx.inbox, question.id, inboxLog(ctx));
  }
}
