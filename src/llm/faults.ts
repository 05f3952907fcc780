import { BreakerOpenError } from './circuit-breaker.js';

/** Abort reason when the whole answer ran out of time (LLM_DEADLINE_MS). */
export class DeadlineExceededError extends Error {
  constructor(ms: number) {
    super(`No answer from the language model within ${ms} ms.`);
    this.name = 'DeadlineExceededError';
  }
}

/** Abort reason when one call (or, streaming, the gap between tokens) exceeded LLM_TIMEOUT_MS. */
export class AttemptTimeoutError extends Error {
  constructor(ms: number) {
    super(`The language model did not respond within ${ms} ms.`);
    this.name = 'TimeoutError';
  }
}

/** The model answered 200 but with nothing usable (empty, or not the requested JSON). */
export class UnusableOutputError extends Error {
  constructor(readonly kind: 'empty' | 'malformed') {
    super(kind === 'empty' ? 'The language model returned an empty answer.' : 'The language model did not return the requested JSON.');
    this.name = 'UnusableOutputError';
  }
}

/** What went wrong with a model call, in the terms the retry loop needs. */
export interface Fault {
  /** Short machine-readable kind, logged (never the prompt or the answer). */
  kind: 'timeout' | 'rate_limit' | 'server' | 'connection' | 'malformed' | 'empty' | 'client' | 'deadline' | 'circuit_open' | 'unknown';
  retryable: boolean;
  status?: number;
  /** Server-requested wait (retry-after / retry-after-ms), in milliseconds. */
  retryAfterMs?: number;
}

/**
 * Classifies errors from @langchain/openai and the OpenAI SDK (called with maxRetries 0):
 * timeouts, 408/409/429/5xx, refused connections, malformed bodies and unusable output are
 * worth another try; other 4xx (bad key, unknown model, quota exhausted) are not.
 */
export function classifyFault(error: unknown): Fault {
  // The breaker is open: the model is not called at all until its cool-down ends.
  if (error instanceof BreakerOpenError) return { kind: 'circuit_open', retryable: false };
  if (error instanceof DeadlineExceededError) return { kind: 'deadline', retryable: false };
  if (error instanceof UnusableOutputError) return { kind: error.kind, retryable: true };
  const e = (error ?? {}) as { name?: string; status?: unknown; code?: unknown; constructor?: { name?: string }; message?: unknown };
  const status = typeof e.status === 'number' ? e.status : undefined;
  if (status !== undefined) {
    if (status === 429) {
      const quota = e.code === 'insufficient_quota';
      return { kind: 'rate_limit', retryable: !quota, status, retryAfterMs: retryAfterMs(error) };
    }
    if (status >= 500) return { kind: 'server', retryable: true, status, retryAfterMs: retryAfterMs(error) };
    return { kind: 'client', retryable: status === 408 || status === 409, status };
  }
  if (e.name === 'TimeoutError' || e.constructor?.name === 'APIConnectionTimeoutError') return { kind: 'timeout', retryable: true };
  if (e.constructor?.name === 'APIConnectionError' || /connection error|ECONNREFUSED|ECONNRESET|socket hang up|terminated/i.test(String(e.message ?? ''))) {
    return { kind: 'connection', retryable: true };
  }
  // A broken JSON body, JSON content that does not parse, or a reply cut off by max_tokens.
  if (error instanceof SyntaxError || e.constructor?.name === 'LengthFinishReasonError') return { kind: 'malformed', retryable: true };
  return { kind: 'unknown', retryable: true };
}

/** The wait a 429/503 asks for, from `retry-after-ms`, `retry-after` (seconds or HTTP date). */
export function retryAfterMs(error: unknown): number | undefined {
  const headers = (error as { headers?: unknown } | null)?.headers;
  const get = (name: string): string | undefined => {
    if (headers && typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
    const value = (headers as Record<string, unknown> | undefined)?.[name];
    return typeof value === 'string' ? value : undefined;
  };
  const ms = Number(get('retry-after-ms'));
  if (get('retry-after-ms') !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
  const raw = get('retry-after');
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Exponential backoff with jitter: ~base, 2×base, 4×base … capped. `retry` counts from 0. */
export function exponentialBackoff(baseMs: number, capMs: number, random: () => number = Math.random): (retry: number) => number {
  return (retry) => Math.round(Math.min(capMs, baseMs * 2 ** retry) * (0.75 + 0.5 * random()));
}

/** Waits `ms`, resolving early (without error) when `signal` aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** One answer's time budget: an abort signal that fires at the deadline, and the time left. */
export class Deadline {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly endsAt: number;

  constructor(readonly ms: number) {
    this.endsAt = performance.now() + ms;
    this.timer = setTimeout(() => this.controller.abort(new DeadlineExceededError(ms)), ms);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get expired(): boolean {
    return this.controller.signal.aborted;
  }

  remainingMs(): number {
    return Math.max(0, this.endsAt - performance.now());
  }

  /** Stops the timer (call when the answer is done). */
  clear(): void {
    clearTimeout(this.timer);
  }
}

/**
 * One model call's abort signal: fires at the overall deadline, or when the call has been silent
 * for `ms` (a stream calls `touch()` on every chunk, so only a stalled stream times out).
 */
export class AttemptTimer {
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ms: number,
    deadline: AbortSignal,
  ) {
    this.signal = AbortSignal.any([deadline, this.controller.signal]);
    this.touch();
  }

  /** Restarts the silence timer. */
  touch(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.controller.abort(new AttemptTimeoutError(this.ms)), this.ms);
  }

  clear(): void {
    clearTimeout(this.timer);
  }
}
