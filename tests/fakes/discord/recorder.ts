import { compilePattern } from './router.js';
import type { RecordedRequest, RequestPredicate } from './types.js';

interface Waiter {
  predicate: RequestPredicate;
  since: number;
  resolve: (request: RecordedRequest) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** Options for {@link RequestRecorder.waitFor}. */
export interface WaitForRequestOptions {
  /** Only consider requests with `index >= since` (default 0: already recorded calls count too). */
  since?: number;
}

/**
 * Predicate matching a method and a route pattern, e.g.
 * `route('PATCH', '/webhooks/:app/:token/messages/@original')`.
 */
export function route(method: string, pattern: string, extra?: RequestPredicate): RequestPredicate {
  const match = compilePattern(pattern);
  return (r) => r.method === method.toUpperCase() && match(r.path) !== null && (extra?.(r) ?? true);
}

/** Keeps every REST call in order and lets tests await specific ones. */
export class RequestRecorder {
  readonly #requests: RecordedRequest[] = [];
  readonly #waiters = new Set<Waiter>();

  /** All recorded calls, oldest first. */
  get all(): readonly RecordedRequest[] {
    return this.#requests;
  }

  /** Index the next recorded call will get; pass as `since` to ignore earlier calls. */
  get nextIndex(): number {
    return this.#requests.length;
  }

  /** Appends a call (its `index` is assigned here) and wakes matching waiters. */
  record(request: Omit<RecordedRequest, 'index'>): RecordedRequest {
    const recorded = { ...request, index: this.#requests.length };
    this.#requests.push(recorded);
    for (const waiter of this.#waiters) {
      if (recorded.index >= waiter.since && waiter.predicate(recorded)) this.settle(waiter, () => waiter.resolve(recorded));
    }
    return recorded;
  }

  /** Resolves with the first matching call (past or future); rejects after `timeoutMs`. */
  waitFor(predicate: RequestPredicate, timeoutMs = 5000, options: WaitForRequestOptions = {}): Promise<RecordedRequest> {
    const since = options.since ?? 0;
    const existing = this.#requests.find((r) => r.index >= since && predicate(r));
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { predicate, since, resolve, reject, timer: setTimeout(() => this.timeout(waiter, timeoutMs), timeoutMs) };
      this.#waiters.add(waiter);
    });
  }

  /** Rejects all pending waiters (used when the fake stops). */
  cancelAll(reason: string): void {
    for (const waiter of this.#waiters) this.settle(waiter, () => waiter.reject(new Error(reason)));
  }

  private timeout(waiter: Waiter, timeoutMs: number): void {
    // Listing what did arrive makes a failing expectation much quicker to debug.
    const seen = this.#requests.map((r) => `  ${r.method} ${r.path} -> ${r.status}`).join('\n') || '  (none)';
    this.settle(waiter, () => waiter.reject(new Error(`No matching REST request within ${timeoutMs} ms. Received:\n${seen}`)));
  }

  private settle(waiter: Waiter, action: () => void): void {
    clearTimeout(waiter.timer);
    this.#waiters.delete(waiter);
    action();
  }
}
