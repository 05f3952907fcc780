/**
 * The one place state shared between workers lives: plain string values with a time to live,
 * plus the few atomic operations that make several processes agree (first-writer-wins claims,
 * counters, compare-and-set). The memory implementation serves one process; the Redis one
 * serves any number. Every method is async so callers never care which one they hold.
 */
export interface SharedState {
  /** The value, or undefined when absent or expired. */
  get(key: string): Promise<string | undefined>;
  /** Stores `value` for `ttlMs`, replacing any earlier value. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Stores `value` only if `key` is absent (SET NX PX); true when this call created it. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /**
   * Replaces the value only if it still equals `expected` (undefined = absent); `next` undefined
   * deletes it. True when the swap happened; false means someone else changed it first.
   */
  compareAndSet(key: string, expected: string | undefined, next: string | undefined, ttlMs: number): Promise<boolean>;
  /** Adds `by` to a counter (absent = 0), refreshing its TTL; returns the new value. */
  increment(key: string, by: number, ttlMs: number): Promise<number>;
  /** 'ok', or 'degraded' while a shared back end is unreachable (answers continue on local state). */
  status(): 'ok' | 'degraded';
  close(): Promise<void>;
}

/** Which implementation runs, for logs and /healthz. */
export type StateBackend = 'memory' | 'redis';
