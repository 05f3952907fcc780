import type { ModelBreaker } from './circuit-breaker.js';
import { AttemptTimer, classifyFault, type Deadline, type Fault } from './faults.js';
import type { LlmLogger } from './types.js';
import type { UsageTally } from './usage.js';

/** Book-keeping of one answer: its deadline, the tokens spent and the calls made. */
export interface AnswerRun {
  deadline: Deadline;
  usage: UsageTally;
  calls: number;
  retries: number;
  repairs: number;
}

export interface RetrySettings {
  /** Extra tries after the first (LLM_MAX_RETRIES). */
  maxRetries: number;
  /** One call's silence limit (LLM_TIMEOUT_MS). */
  timeoutMs: number;
  /** A retry-after longer than this is not waited for. */
  retryAfterCapMs: number;
  backoff: (retry: number) => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  logger: LlmLogger;
  /** Model name, for the logs. */
  model: string;
  /** Every call goes through it; while it is open calls fail at once (fault `circuit_open`). */
  breaker?: ModelBreaker;
}

/**
 * Bounded retries inside one deadline: up to `maxRetries` more tries on retryable faults,
 * waiting the backoff or the server's retry-after (up to the cap), never past the deadline.
 */
export class RetryPolicy {
  constructor(private readonly settings: RetrySettings) {}

  /** Runs `call` until it succeeds or a fault ends the tries; `mayRetry` can veto a retry (e.g. tokens already shown). */
  async run<T>(answer: AnswerRun, call: (attempt: AttemptTimer) => Promise<T>, mayRetry: () => boolean = () => true): Promise<{ value: T } | { fault: Fault }> {
    const { deadline } = answer;
    for (;;) {
      const attempt = new AttemptTimer(this.settings.timeoutMs, deadline.signal);
      answer.calls++;
      try {
        const { breaker } = this.settings;
        return { value: await (breaker ? breaker.run(() => call(attempt)) : call(attempt)) };
      } catch (error) {
        const fault: Fault = deadline.expired ? { kind: 'deadline', retryable: false } : classifyFault(error);
        const wait = fault.retryable && mayRetry() && answer.retries < this.settings.maxRetries ? this.waitBefore(fault, answer.retries) : undefined;
        const retrying = wait !== undefined && wait < deadline.remainingMs();
        this.settings.logger.warn(
          { event: 'llm_fault', model: this.settings.model, fault: fault.kind, status: fault.status, call: answer.calls, ...(retrying ? { retry_in_ms: wait } : {}) },
          'language model call failed',
        );
        if (!retrying) return { fault };
        answer.retries++;
        await this.settings.sleep(wait, deadline.signal);
        if (deadline.expired) return { fault: { kind: 'deadline', retryable: false } };
      } finally {
        attempt.clear();
      }
    }
  }

  /** The wait before the next try, or undefined when the server asks for longer than the cap. */
  private waitBefore(fault: Fault, retry: number): number | undefined {
    const backoff = this.settings.backoff(retry);
    if (fault.retryAfterMs === undefined) return backoff;
    if (fault.retryAfterMs > this.settings.retryAfterCapMs) return undefined;
    return Math.max(backoff, fault.retryAfterMs);
  }
}
