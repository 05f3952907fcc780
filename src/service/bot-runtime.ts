import type { Logger } from 'pino';
import { createCommandHandler } from '../commands/index.js';
import type { Config } from '../config/index.js';
import { CareerAdvisor } from '../core/index.js';
import type { IdentifiedEmbeddings } from '../embeddings/index.js';
import { RedisState, openSharedState, type SharedState } from '../state/index.js';
import { openStore, type QuestionRecorder } from '../store/index.js';
import { listKnowledgeFiles } from '../ingest/index.js';
import { knownWordsOf, Vocabulary } from '../privacy/index.js';
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
    const metrics = createMetrics();
    const redis = state instanceof RedisState ? { redis: state.client } : {};
    // The guides' words (credentials, organisations, jargon) are never taken for a name.
    const vocabulary = new Vocabulary(knownWordsOf(listKnowledgeFiles(config.knowledgeDir).map((f) => f.text)));
    const commands = new AdvisorService({ config, advisor, commands: createCommandHandler(advisor, { state }), store, metrics, logger, state, vocabulary, ...redis });
    const health = await startHealthServer({ port: config.HEALTH_PORT, host: config.HEALTH_HOST, registry: metrics.registry, health: () => commands.health() });
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
