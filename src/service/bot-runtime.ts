import type { Logger } from 'pino';
import { createCommandHandler } from '../commands/index.js';
import type { Config } from '../config/index.js';
import { CareerAdvisor } from '../core/index.js';
import type { IdentifiedEmbeddings } from '../embeddings/index.js';
import type { BreakerStatus } from '../llm/index.js';
import { RedisState, openSharedState, type SharedState } from '../state/index.js';
import { openStore, type QuestionRecorder } from '../store/index.js';
import { AdvisorService } from './advisor-service.js';
import { startHealthServer, type HealthServer } from './health-server.js';
import { createLogger } from './logger.js';
import { createMetrics, type ServiceMetrics } from './metrics.js';
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
  ) {}

  static async open(config: Config, options: { logger?: Logger; embedder?: IdentifiedEmbeddings } = {}): Promise<BotRuntime> {
    const logger = options.logger ?? createLogger(config);
    const store = await openQuestionStore(config, logger);
    const state = await openSharedState(config, logger);
    if (config.REDIS_URL) logger.info({ state: state.status() }, 'shared state in Redis');
    const advisor = await CareerAdvisor.open(config, {
      state,
      ...(options.embedder ? { embedder: options.embedder } : {}),
      feedback: storeFeedbackSink(store),
      llmLogger: logger,
      onRebuild: (reason, summary) => logger.info({ reason, chunks: summary?.chunks }, summary ? 'index rebuilt' : 'rebuilding index'),
    });
    const metrics = createMetrics({ llmBreaker: () => advisor.llmBreakerStatus() });
    const redis = state instanceof RedisState ? { redis: state.client } : {};
    const commands = new AdvisorService({ config, advisor, commands: createCommandHandler(advisor, { state }), store, metrics, logger, state, ...redis });
    const health = await startHealthServer({ port: config.HEALTH_PORT, host: config.HEALTH_HOST, registry: metrics.registry, health: () => runtimeHealth(commands, advisor) });
    logger.info({ port: health.port }, 'health and metrics server listening (GET /healthz, GET /metrics)');
    return new BotRuntime(config, logger, store, advisor, commands, metrics, health, state);
  }

  /** Finishes answers in flight, closes the store and the health server. */
  async close(): Promise<void> {
    await this.commands.close();
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
