import { LRUCache } from 'lru-cache';
import type { SharedState } from './types.js';

export interface MemoryStateOptions {
  /** Hard cap on keys; the least recently written go first (default 50 000). */
  maxEntries?: number;
  /** Clock in epoch ms (tests). */
  now?: () => number;
}

/**
 * SharedState for one process, kept in an lru-cache: bounded by `maxEntries` (the least recently
 * used key goes first) and each key expiring `ttlMs` after it was written. Node runs each method
 * to completion between awaits, so the "atomic" operations are atomic without locks.
 */
export class MemoryState implements SharedState {
  readonly #entries: LRUCache<string, string>;

  constructor(options: MemoryStateOptions = {}) {
    const now = options.now;
    this.#entries = new LRUCache<string, string>({
      max: options.maxEntries ?? 50_000,
      // Each write gives its own ttl; reads do not extend it. A fake clock is read on every access.
      ttl: 0,
      // lru-cache reads a start time of 0 as "not set", so a fake clock starting at 0 is shifted by 1 ms.
      ...(now ? { perf: { now: () => now() + 1 }, ttlResolution: 0 } : {}),
    });
  }

  async get(key: string): Promise<string | undefined> {
    return this.#entries.get(key);
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.#entries.set(key, value, { ttl: ttlMs });
  }

  async delete(key: string): Promise<void> {
    this.#entries.delete(key);
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    if (this.#entries.get(key) !== undefined) return false;
    this.#entries.set(key, value, { ttl: ttlMs });
    return true;
  }

  async compareAndSet(key: string, expected: string | undefined, next: string | undefined, ttlMs: number): Promise<boolean> {
    if (this.#entries.get(key) !== expected) return false;
    if (next === undefined) this.#entries.delete(key);
    else this.#entries.set(key, next, { ttl: ttlMs });
    return true;
  }

  async increment(key: string, by: number, ttlMs: number): Promise<number> {
    const value = Number(this.#entries.get(key) ?? 0) + by;
    this.#entries.set(key, String(value), { ttl: ttlMs });
    return value;
  }

  status(): 'ok' {
    return 'ok';
  }

  /** Keys currently held (expired ones included until pruned). */
  get size(): number {
    return this.#entries.size;
  }

  async close(): Promise<void> {
    this.#entries.clear();
  }
}
