import type { Logger } from 'pino';
import { createCommandHandler } from '../commands/index.js';
import type { Config } from '../config/index.js';
import { CareerAdvisor } from '../core/index.js';
import { SqliteInbox, type QuestionInbox } from '../inbox/index.js';
import { openStore, type Store } from '../store/index.js';
import { AdvisorService } from './advisor-service.js';
import { AnswerWorkerPool } from './answer-pool/index.js';
import { startHealthServer, type HealthServer } from './health-server.js';
import { createLogger } from './logger.js';
import { createMetrics, type ServiceMetrics } from './metrics.js';
import { installProcessGuard } from './process-guard.js';
import { storeFeedbackSink } from './store-feedback-sink.js';

/**
 * Everything a running bot needs besides its transport: logs, the question store, the advisor
 * (feedback going to the store), the guarded command service, metrics and the health server.
 * Adapters get `advisor` and `commands`; `close()` finishes answers in flight and flushes the store.
 */
export class BotRuntime {
  private constructor(
    readonly config: Config,
    readonly logger: Logger,
    readonly store: Store,
    readonly advisor: CareerAdvisor,
    readonly commands: AdvisorService,
    readonly metrics: ServiceMetrics,
    readonly health: HealthServer,
    /** Acknowledged questions until answered (the store's SQLite file); undefined when that file cannot be used. */
    readonly inbox: QuestionInbox | undefined,
    /** The worker threads answers are computed on; undefined with WORKER_THREADS=0 (the main thread answers). */
    readonly pool: AnswerWorkerPool | undefined,
  ) {}

  static async open(config: Config, options: { logger?: Logger } = {}): Promise<BotRuntime> {
    const logger = options.logger ?? createLogger(config);
    // Stray errors from any request are logged through the runtime's logger and the bot keeps serving.
    installProcessGuard(logger);
    const inbox = openInbox(config, logger);
    const store = openStore({ path: config.storePath, retentionDays: config.STORE_RETENTION_DAYS, logger, idSalt: config.STORE_ID_SALT });
    const advisor = await CareerAdvisor.open(config, {
      feedback: storeFeedbackSink(store),
      llmLogger: logger,
      onRebuild: (reason, summary) => logger.info({ reason, chunks: summary?.chunks }, summary ? 'index rebuilt' : 'rebuilding index'),
    });
    const metrics = createMetrics();
    // The main-thread advisor built or checked the index (and records feedback); answers are computed
    // on worker threads so acks, heartbeats and /healthz never wait behind them.
    const pool = config.WORKER_THREADS > 0 ? await AnswerWorkerPool.start(config, logger) : undefined;
    const commands = new AdvisorService({ config, advisor, commands: pool ?? createCommandHandler(advisor), store, metrics, logger });
    const health = await startHealthServer({ port: config.HEALTH_PORT, host: config.HEALTH_HOST, registry: metrics.registry, health: () => ({ ...commands.health(), workers: pool?.size ?? 0 }) });
    logger.info({ port: health.port }, 'health and metrics server listening (GET /healthz, GET /metrics)');
    return new BotRuntime(config, logger, store, advisor, commands, metrics, health, inbox, pool);
  }

  /** Finishes answers in flight, closes the store, the inbox and the health server. */
  async close(): Promise<void> {
    await this.commands.close();
    await this.pool?.close();
    await this.inbox?.close();
    await this.health.close();
  }
}

/** The durable inbox in the store file; without it the bots still answer, only not across a crash. */
function openInbox(config: Config, logger: Logger): QuestionInbox | undefined {
  try {
    return SqliteInbox.open(config.storePath);
  } catch (err) {
    logger.warn({ err, path: config.storePath }, 'question inbox unavailable; acknowledged questions will not survive a restart');
    return undefined;
  }
}
