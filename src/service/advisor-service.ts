import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { CommandHandler, CommandRequest, CommandResult } from '../commands/types.js';
import type { Config } from '../config/index.js';
import type { CareerAdvisor } from '../core/index.js';
import { CareerAdvisorError, RateLimitedError, type ErrorCode } from '../errors.js';
import { createAnswerQueue, createRateLimiter, isBusyError, type AnswerQueue, type RateLimiter } from '../limits/index.js';
import { guardQuestion, phiReminder, type Vocabulary } from '../privacy/index.js';
import type { SharedState } from '../state/index.js';
import type { QuestionRecorder } from '../store/index.js';
import { questionLengthProblem } from '../text/index.js';
import type { ServiceMetrics } from './metrics.js';

export interface AdvisorServiceOptions {
  config: Config;
  /** Unused by the service itself; kept so callers hand over one object graph. */
  advisor?: CareerAdvisor;
  /** The command layer (ask, cert, plan, topics, quiz, help). */
  commands: CommandHandler;
  store?: QuestionRecorder;
  metrics?: ServiceMetrics;
  logger?: Logger;
  limiter?: RateLimiter;
  queue?: AnswerQueue;
  /** Rate limits are counted here when several workers share them. */
  redis?: Redis;
  /** Shared state; /healthz reports it degraded while Redis is unreachable. */
  state?: SharedState;
  /** The vocabulary check's known words (the guides'); without it only English words are known. */
  vocabulary?: Vocabulary;
}

/**
 * What every front end talks to when running for real: it keeps patient data out of the core,
 * the logs and the store (redacting it, storing only the minimized question, and reminding the user privately), enforces the question length
 * cap and rate limits, bounds the answer queue, records questions and feedback, counts metrics,
 * and always returns a result the adapter can show — never an exception, never silence.
 */
export class AdvisorService implements CommandHandler {
  private readonly limiter: RateLimiter;
  private readonly queue: AnswerQueue;

  constructor(private readonly options: AdvisorServiceOptions) {
    const { config } = options;
    this.limiter =
      options.limiter ??
      createRateLimiter({
        perUser: { points: config.RATE_LIMIT_USER_PER_MINUTE, durationSeconds: 60 },
        perChannel: { points: config.RATE_LIMIT_CHANNEL_PER_MINUTE, durationSeconds: 60 },
        ...(options.redis ? { redis: options.redis, keyPrefix: config.REDIS_PREFIX } : {}),
      });
    this.queue = options.queue ?? createAnswerQueue({ concurrency: config.ANSWER_CONCURRENCY, maxPending: config.ANSWER_QUEUE_MAX });
  }

  async handle(request: CommandRequest): Promise<CommandResult> {
    const started = performance.now();
    const { platform } = request;
    const { metrics, logger } = this.options;
    const tooLong = questionLengthProblem(request.text, this.options.config.MAX_QUESTION_CHARS);
    if (tooLong) return error('INPUT_INVALID', tooLong);
    const { vocabulary } = this.options;
    const guarded = guardQuestion(request.text, { store: this.options.config.STORE_QUESTION_TEXT, ...(vocabulary ? { vocabulary } : {}) });
    if (guarded.remind) {
      metrics?.phiRedacted.inc({ platform });
      // Kinds and counts only: the logs never hold question text.
      logger?.info({ platform, kinds: [...new Set(guarded.findings.map((f) => f.kind))], masked: guarded.masked }, 'patient data redacted from a question');
    }
    try {
      // The advisor (and so the LLM prompt, conversation memory and the reply) sees the minimized question.
      const result = await this.queue.run(() => this.options.commands.handle({ ...request, text: guarded.minimized, beforeRetrieval: this.rateLimitGate(request) }));
      const seconds = (performance.now() - started) / 1000;
      metrics?.answers.inc({ platform, kind: result.kind });
      metrics?.latency.observe({ platform }, seconds);
      if (result.kind === 'answer') this.recordAnswer(request, result, guarded.stored, seconds * 1000);
      recordUsage(this.options.store, logger, request, result);
      return guarded.remind ? { ...result, reminder: phiReminder } : result;
    } catch (cause) {
      if (isBusyError(cause)) {
        metrics?.busy.inc({ platform });
        return error('BUSY', "I'm answering a lot of questions right now; please try again in a few seconds.");
      }
      if (cause instanceof CareerAdvisorError && (cause.code === 'INPUT_INVALID' || cause.code === 'RATE_LIMITED')) return error(cause.code, cause.message);
      metrics?.errors.inc({ platform });
      logger?.error({ platform, err: describe(cause) }, 'request failed');
      return error('INTERNAL', 'Sorry, something went wrong while answering. Please try again.');
    }
  }

  /**
   * The rate limit, taken only when the request reaches retrieval (a question answered from the
   * guide): greetings, clicks, quiz and plan answers cost nothing and never count. Counted per
   * channel, not per thread, so every mention starting a thread counts against its channel.
   */
  private rateLimitGate(request: CommandRequest): () => Promise<void> {
    const { platform } = request;
    return async () => {
      const limit = await this.limiter.take(`${platform}:${request.userId}`, `${platform}:${request.channelId ?? request.conversationId}`);
      if (limit.ok) return;
      this.options.metrics?.rateLimited.inc({ platform });
      const who = limit.limitedBy === 'user' ? "You're asking faster than I can keep up" : 'This channel is very busy';
      throw new RateLimitedError(`${who}; please try again in ${limit.retryAfterSeconds} s.`);
    };
  }

  /** Store and queue state for /healthz. */
  health(): { ok: boolean; degraded: boolean; store: boolean | 'disabled'; state?: 'ok' | 'degraded'; active: number; pending: number } {
    const store = this.options.store ? this.options.store.healthy : 'disabled';
    const state = this.options.state?.status();
    // Still answering (ok) but not recording or not sharing state (degraded): alert on `degraded`, don't restart.
    return { ok: true, degraded: store === false || state === 'degraded', store, ...(state ? { state } : {}), active: this.queue.active, pending: this.queue.pending };
  }

  /** Finishes in-flight answers, then closes the store. */
  async close(): Promise<void> {
    await this.queue.onIdle();
    await this.options.store?.close();
  }

  private recordAnswer(request: CommandRequest, result: Extract<CommandResult, { kind: 'answer' }>, storedQuestion: string, latencyMs: number): void {
    const { answer } = result;
    if (answer.kind === 'abstained') this.options.metrics?.abstentions.inc({ platform: request.platform });
    if (!answer.id || answer.kind === 'smalltalk') return;
    this.options.store?.recordQuestion({
      id: answer.id,
      ts: Date.now(),
      platform: request.platform,
      conversationId: request.conversationId,
      userId: request.userId,
      question: storedQuestion,
      outcome: answer.abstained ? 'abstained' : 'answered',
      citedSections: answer.citations.map((c) => c.section),
      latencyMs,
    });
  }
}

/** Records each card, plan and quiz use a reply stands for; a store that fails is logged, never the reply's problem. */
function recordUsage(store: QuestionRecorder | undefined, logger: Logger | undefined, request: CommandRequest, result: CommandResult): void {
  if (!store?.recordFeatureUse) return;
  for (const use of result.usage ?? []) {
    try {
      store.recordFeatureUse({ ...use, ts: Date.now(), platform: request.platform, userId: request.userId });
    } catch (cause) {
      logger?.warn({ platform: request.platform, feature: use.feature, action: use.action, err: describe(cause) }, 'feature use not recorded');
    }
  }
}

function error(code: ErrorCode, message: string): CommandResult {
  return { kind: 'error', code, message };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
}
