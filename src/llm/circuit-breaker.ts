import CircuitBreaker from 'opossum';
import type { LlmLogger } from './types.js';

/** The breaker's state as /healthz and the metric report it. */
export type CircuitState = 'closed' | 'open' | 'half_open';

export interface BreakerSettings {
  /** Consecutive faults that open the breaker (LLM_BREAKER_FAULTS). */
  faultsToOpen: number;
  /** Time open before one probe call is let through (LLM_BREAKER_COOLDOWN_MS). */
  cooldownMs: number;
  logger: LlmLogger;
  /** Model name, for the logs. */
  model: string;
}

export interface BreakerStatus {
  state: CircuitState;
  consecutive_faults: number;
  /** Times the breaker has opened since start. */
  opened_total: number;
  cooldown_ms: number;
}

/** Thrown instead of calling the model while the breaker is open. */
export class BreakerOpenError extends Error {
  constructor() {
    super('The language model circuit breaker is open.');
    this.name = 'BreakerOpenError';
  }
}

/**
 * A circuit breaker around every call to the chat model (answers and follow-up rewrites share it).
 * After `faultsToOpen` consecutive faults it opens: calls fail at once with BreakerOpenError, so
 * answers fall back to the extractive composer without waiting for timeouts. After `cooldownMs` it
 * is half open and lets one call through as a probe: success closes it, a fault opens it again.
 *
 * opossum (v9, Node 20) runs the state machine, the cool-down timer and the single half-open
 * probe. Its own trip rule is an error percentage over a rolling window, not a count of
 * consecutive faults, so that rule is disabled (volumeThreshold never reached) and this class
 * opens the breaker itself on the N-th fault in a row.
 */
export class ModelBreaker {
  private readonly breaker: CircuitBreaker<[() => Promise<unknown>], unknown>;
  private consecutiveFaults = 0;
  private opened = 0;

  constructor(private readonly settings: BreakerSettings) {
    this.breaker = new CircuitBreaker((work: () => Promise<unknown>) => work(), {
      name: 'llm',
      // Calls have their own timeouts (LLM_TIMEOUT_MS, LLM_DEADLINE_MS, LLM_REWRITE_TIMEOUT_MS).
      timeout: false,
      resetTimeout: settings.cooldownMs,
      volumeThreshold: Number.MAX_SAFE_INTEGER,
    });
    this.breaker.on('success', () => {
      this.consecutiveFaults = 0;
    });
    this.breaker.on('failure', () => {
      this.consecutiveFaults++;
      if (this.breaker.closed && this.consecutiveFaults >= settings.faultsToOpen) this.breaker.open();
    });
    this.breaker.on('open', () => {
      this.opened++;
      settings.logger.warn({ event: 'llm_breaker', model: settings.model, state: 'open', consecutive_faults: this.consecutiveFaults, cooldown_ms: settings.cooldownMs }, 'language model circuit breaker opened');
    });
    this.breaker.on('halfOpen', () => settings.logger.info({ event: 'llm_breaker', model: settings.model, state: 'half_open' }, 'language model circuit breaker half open: probing'));
    this.breaker.on('close', () => {
      this.consecutiveFaults = 0;
      settings.logger.info({ event: 'llm_breaker', model: settings.model, state: 'closed' }, 'language model circuit breaker closed');
    });
  }

  /** Runs one model call through the breaker; BreakerOpenError when it is open. */
  async run<T>(call: () => Promise<T>): Promise<T> {
    try {
      return (await this.breaker.fire(call)) as T;
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code === 'EOPENBREAKER') throw new BreakerOpenError();
      throw error;
    }
  }

  get state(): CircuitState {
    if (this.breaker.halfOpen) return 'half_open';
    return this.breaker.opened ? 'open' : 'closed';
  }

  status(): BreakerStatus {
    return { state: this.state, consecutive_faults: this.consecutiveFaults, opened_total: this.opened, cooldown_ms: this.settings.cooldownMs };
  }
}
