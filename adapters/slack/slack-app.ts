import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type Logger, SocketModeReceiver, type webApi } from '@slack/bolt';
import type { Config } from '../../src/config/index.js';
import type { CommandHandler } from '../../src/commands/types.js';
import type { PendingQuestion, QuestionInbox } from '../../src/inbox/index.js';
import { createCaches, type SlackAdvisor, type SlackDeps } from './deps.js';
import { registerActions, registerDirectMessages, registerEventDedupe, registerMentions, registerSlashCommand } from './handlers/index.js';
import { InFlight } from './in-flight.js';
import { MemoryState, type SharedState } from '../../src/state/index.js';
import { inboxBeforeBolt, recoverSlackQuestion, registerInboxMiddleware } from './inbox-intake.js';
import { boltLogLevel, createSlackLogger, redactingLogger } from './logger.js';
import { createReceiver, webClientOptions } from './receivers.js';
import { slackMode, type SlackMode } from './slack-mode.js';
import { closeRoundOnTime } from './quiz-rounds.js';
import { RoundTimers, type RoundScheduler } from '../shared/round-timers.js';

export interface StartSlackAppOptions {
  config: Config;
  /** Records 👍/👎 votes (the CareerAdvisor). */
  advisor: SlackAdvisor;
  /** Answers questions and commands (`createCommandHandler(advisor)`). */
  commands: CommandHandler;
  /** Bolt-style logger; default: pino JSON on stderr at LOG_LEVEL. Secrets are redacted either way. */
  logger?: Logger;
  /** Extra Web API client options (tests: `retryConfig: { retries: 0 }`). SLACK_API_URL is applied first. */
  clientOptions?: webApi.WebClientOptions;
  /** HTTP mode: answer Slack only after listeners finish (deterministic tests). Default false: ack at once. */
  processBeforeResponse?: boolean;
  /** How long `stop()` waits for answers still being written. Default 10 s. */
  drainTimeoutMs?: number;
  /** Clock for the timestamp check and caches (tests). */
  now?: () => number;
  /** State shared with other workers (Redis); default: this process's memory. */
  state?: SharedState;
  /** Durable inbox: questions are recorded before they are acknowledged and completed once answered. */
  inbox?: QuestionInbox;
  /** Clock and timers that close quiz questions (tests fire them at once); default: real time. */
  scheduler?: RoundScheduler;
}

export interface RunningSlackApp {
  app: App;
  mode: SlackMode;
  /** The port the HTTP receiver listens on (HTTP mode only; PORT=0 picks a free one). */
  port?: number;
  /** Stops receiving, waits for answers in progress, and closes the connection. Safe to call twice. */
  stop(): Promise<void>;
  /** Answers a question recovered from the inbox after a restart, in its original thread. */
  recover(question: PendingQuestion): Promise<void>;
}

/**
 * Starts the Slack app: HTTP mode (Events API at POST /slack/events, signing secret, PORT) or Socket Mode
 * (SLACK_APP_TOKEN). Listens for mentions, DMs, `/career` and button clicks, answering through `commands`.
 */
export async function startSlackApp(options: StartSlackAppOptions): Promise<RunningSlackApp> {
  const { config } = options;
  const mode = slackMode(config);
  const logger = redactingLogger(options.logger ?? createSlackLogger(config.LOG_LEVEL), [config.SLACK_BOT_TOKEN, config.SLACK_SIGNING_SECRET, config.SLACK_APP_TOKEN]);
  const { app, receiver } = createBoltApp(options, mode, logger);
  const deps = createSlackDeps(options, app, logger);
  registerListeners(app, deps, options.inbox && mode === 'socket' ? options.inbox : undefined);
  const port = await startListening(app, config, mode, logger);
  const stop = stopOnce(app, receiver, deps, options);
  const replay = recoverSlackQuestion(app);
  return { app, mode, port, stop, recover: (question) => deps.inFlight.track(replay(question)) };
}

function createBoltApp(options: StartSlackAppOptions, mode: SlackMode, logger: Logger) {
  const { config } = options;
  const beforeBolt = options.inbox && mode === 'http' ? inboxBeforeBolt(options.inbox, config.SLACK_SIGNING_SECRET!, logger) : undefined;
  const receiver = createReceiver(config, mode, { logger, processBeforeResponse: options.processBeforeResponse, clientOptions: options.clientOptions, now: options.now, beforeBolt });
  const app = new App({
    token: config.SLACK_BOT_TOKEN,
    receiver,
    logger,
    logLevel: options.logger ? undefined : boltLogLevel(config.LOG_LEVEL),
    // A fresh object: Bolt mutates it (adds the logger).
    clientOptions: webClientOptions(config, options.clientOptions),
  });
  return { app, receiver };
}

function createSlackDeps(options: StartSlackAppOptions, app: App, logger: Logger): SlackDeps {
  const deps: SlackDeps = {
    commands: options.commands,
    advisor: options.advisor,
    logger,
    allowList: new Set(options.config.SLACK_CHANNEL_IDS),
    inFlight: new InFlight(),
    inbox: options.inbox,
    rounds: new RoundTimers(options.scheduler),
    ...createCaches(options.state ?? new MemoryState({ maxEntries: 15_000, now: options.now })),
  };
  deps.closeRound = (conversationId, quizId, index) => closeRoundOnTime(deps, app.client, conversationId, quizId, index);
  return deps;
}

/** `socketInbox`: in Socket Mode the inbox records questions as middleware (HTTP mode does it before Bolt). */
function registerListeners(app: App, deps: SlackDeps, socketInbox: QuestionInbox | undefined): void {
  if (socketInbox) registerInboxMiddleware(app, socketInbox, deps.logger);
  registerEventDedupe(app, deps);
  registerMentions(app, deps);
  registerDirectMessages(app, deps);
  registerSlashCommand(app, deps);
  registerActions(app, deps);
  // Last resort: anything a listener let through is logged; Bolt has already acked, the process stays up.
  app.error(async (error) => {
    deps.logger.error(`slack: unhandled error in a listener: ${error.code ?? ''} ${error.message}`);
  });
}

/** Returns the HTTP port (HTTP mode) or undefined (Socket Mode). */
async function startListening(app: App, config: Config, mode: SlackMode, logger: Logger): Promise<number | undefined> {
  if (mode === 'http') {
    const server = (await app.start(config.PORT)) as Server;
    const port = (server.address() as AddressInfo).port;
    logger.info(`slack: HTTP mode, listening on port ${port} (POST /slack/events, GET /healthz)`);
    return port;
  }
  await app.start();
  logger.info('slack: Socket Mode, connected');
  return undefined;
}

function stopOnce(app: App, receiver: ReturnType<typeof createReceiver>, deps: SlackDeps, options: StartSlackAppOptions): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      deps.rounds.cancelAll();
      const drainMs = options.drainTimeoutMs ?? 10_000;
      if (receiver instanceof SocketModeReceiver) await stopSocketMode(app, receiver, Math.min(drainMs, 3000));
      else await app.stop();
      const unfinished = await deps.inFlight.drain(drainMs);
      if (unfinished > 0) deps.logger.warn(`slack: stopped with ${unfinished} answer(s) still in progress`);
      deps.logger.info('slack: stopped');
    })();
    return stopping;
  };
}

/**
 * `app.stop()` resolves before the WebSocket close handshake ends; waiting for `disconnected` keeps the
 * client from scheduling a reconnect in between.
 */
async function stopSocketMode(app: App, receiver: SocketModeReceiver, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const disconnected = new Promise<void>((resolve) => {
    receiver.client.once('disconnected', () => resolve());
    timer = setTimeout(resolve, timeoutMs);
  });
  await app.stop();
  await disconnected;
  clearTimeout(timer);
}
