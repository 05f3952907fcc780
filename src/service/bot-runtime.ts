import type { Logger } from 'pino';
import { createCommandHandler } from '../commands/index.js';
import type { Config } from '../config/index.js';
import { CareerAdvisor } from '../core/index.js';
import type { IdentifiedEmbeddings } from '../embeddings/index.js';
import { RedisInbox, SqliteInbox, type QuestionInbox } from '../inbox/index.js';
import type { BreakerStatus } from '../llm/index.js';
import { RedisState, openSharedState, type SharedState } from '../state/index.js';
import { openStore, type QuestionRecorder } from '../store/index.js';
import { Vocabulary } from '../privacy/index.js';
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
    readonly store: QuestionRecorder,
    readonly advisor: CareerAdvisor,
    readonly commands: AdvisorService,
    readonly metrics: ServiceMetrics,
    readonly health: HealthServer,
    /** Conversation, session, de-duplication and Sources state (Redis or memory), for the adapters. */
    readonly state: SharedState,
    /**
     * Acknowledged questions until answered: in Redis when REDIS_URL is set (shared by every
     * worker), else in the store's SQLite file; undefined when that cannot be used.
     */
    readonly inbox: QuestionInbox | undefined,
    /** The worker threads answers are computed on; undefined with WORKER_THREADS=0 (the main thread answers). */
    readonly pool: AnswerWorkerPool | undefined,
  ) {}

  static async open(config: Config, options: { logger?: Logger; embedder?: IdentifiedEmbeddings } = {}): Promise<BotRuntime> {
    const logger = options.logger ?? createLogger(config);
    // Stray errors from any request are logged through the runtime's logger and the bot keeps serving.
    installProcessGuard(logger);
    const store = await openQuestionStore(config, logger);
    const state = await openSharedState(config, logger);
    if (config.REDIS_URL) logger.info({ state: state.status() }, 'shared state in Redis');
    const inbox = openInbox(config, state, logger);
    const advisor = await CareerAdvisor.open(config, {
      state,
      ...(options.embedder ? { embedder: options.embedder } : {}),
      feedback: storeFeedbackSink(store),
      llmLogger: logger,
      onRebuild: (reason, summary) => logger.info({ reason, chunks: summary?.chunks }, summary ? 'index rebuilt' : 'rebuilding index'),
    });
    const metrics = createMetrics({ llmBreaker: () => advisor.llmBreakerStatus() });
    // The main-thread advisor built or checked the index (and records feedback); answers are computed
    // on worker threads so acks, heartbeats and /healthz never wait behind them. Each worker opens
    // the same shared state from the config (Redis: shared with every process; memory: conversation
    // affinity keeps a conversation on one worker). An embedder handed in (tests) cannot cross to a
    // thread, so with one the main thread answers.
    const pool = config.WORKER_THREADS > 0 && !options.embedder ? await AnswerWorkerPool.start(config, logger) : undefined;
    const redis = state instanceof RedisState ? { redis: state.client } : {};
    // The guides' words (credentials, organisations, jargon) are never taken for a name: the same
    // listing the retriever built from the loaded index (no second reading of the guide files).
    const vocabulary = new Vocabulary(new Set(advisor.retriever.catalog.words));
    const commands = new AdvisorService({ config, advisor, commands: pool ?? createCommandHandler(advisor, { state }), store, metrics, logger, state, vocabulary, ...redis });
    const health = await startHealthServer({ port: config.HEALTH_PORT, host: config.HEALTH_HOST, registry: metrics.registry, health: () => ({ ...runtimeHealth(commands, advisor), workers: pool?.size ?? 0 }) });
    logger.info({ port: health.port }, 'health and metrics server listening (GET /healthz, GET /metrics)');
    return new BotRuntime(config, logger, store, advisor, commands, metrics, health, state, inbox, pool);
  }

  /** Finishes answers in flight, closes the store, the inbox and the health server. */
  async close(): Promise<void> {
    await this.commands.close();
    await this.pool?.close();
    await this.inbox?.close();
    await this.health.close();
    await this.state.close();
  }
}

/** PostgreSQL when DATABASE_URL is set (`pg` is only loaded then), the SQLite file otherwise. */
async function openQuestionStore(config: Config, logger: Logger): Promise<QuestionRecorder> {
  const options = { retentionDays: config.STORE_RETENTION_DAYS, logger, ...(config.STORE_ID_SALT ? { idSalt: config.STORE_ID_SALT } : {}) };
  if (!config.DATABASE_URL) return openStore({ path: config.storePath, ...options });
  const { openPostgresStore } = await import('../store/postgres-store.js');
  return openPostgresStore({ url: config.DATABASE_URL, ...options });
}

/** Queue, store and state health, plus the model's breaker: an open breaker still answers (extractively), so it is degraded, not down. */
function runtimeHealth(commands: AdvisorService, advisor: CareerAdvisor): ReturnType<AdvisorService['health']> & { llm?: BreakerStatus } {
  const health = commands.health();
  const llm = advisor.llmBreakerStatus();
  if (!llm) return health;
  return { ...health, degraded: health.degraded || llm.state !== 'closed', llm };
}

/**
 * The durable inbox. With Redis (REDIS_URL) it lives there, on the shared state's connection, so
 * every worker sees every pending question; otherwise in the store's SQLite file (also with
 * DATABASE_URL: PostgreSQL has no inbox table). Without it the bots still answer, only not across a crash.
 */
function openInbox(config: Config, state: SharedState, logger: Logger): QuestionInbox | undefined {
  if (state instanceof RedisState) return RedisInbox.over(state.client, { keyPrefix: config.REDIS_PREFIX });
  try {
    return SqliteInbox.open(config.storePath);
  } catch (err) {
    logger.warn({ err, path: config.storePath }, 'question inbox unavailable; acknowledged questions will not survive a restart');
    return undefined;
  }
}
