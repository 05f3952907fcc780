import type { SharedState } from './types.js';

export interface MemoryStateOptions {
  /** Hard cap on keys; the least recently written go first (default 50 000). */
  maxEntries?: number;
  /** Clock in epoch ms (tests). */
  now?: () => number;
}

/**
 * SharedState for one process. Node runs each method to completion between awaits, so the
 * "atomic" operations are atomic without locks. Bounded: expired keys are pruned as the map is
 * touched, and past `maxEntries` the oldest writes are dropped.
 */
export class MemoryState implements SharedState {
  readonly #entries = new Map<string, { value: string; expires: number }>();
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: MemoryStateOptions = {}) {
    this.#maxEntries = options.maxEntries ?? 50_000;
    this.#now = options.now ?? Date.now;
  }

  async get(key: string): Promise<string | undefined> {
    return this.#read(key);
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.#write(key, value, ttlMs);
  }

  async delete(key: string): Promise<void> {
    this.#entries.delete(key);
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    if (this.#read(key) !== undefined) return false;
    this.#write(key, value, ttlMs);
    return true;
  }

  async compareAndSet(key: string, expected: string | undefined, next: string | undefined, ttlMs: number): Promise<boolean> {
    if (this.#read(key) !== expected) return false;
    if (next === undefined) this.#entries.delete(key);
    else this.#write(key, next, ttlMs);
    return true;
  }

  async increment(key: string, by: number, ttlMs: number): Promise<number> {
    const value = Number(this.#read(key) ?? 0) + by;
    this.#write(key, String(value), ttlMs);
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

  #read(key: string): string | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expires < this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  #write(key: string, value: string, ttlMs: number): void {
    // Re-insert so Map order is write order: the front is always the stalest entry.
    this.#entries.delete(key);
    this.#entries.set(key, { value, expires: this.#now() + ttlMs });
    this.#prune();
  }

  #prune(): void {
    const now = this.#now();
    for (const [key, entry] of this.#entries) {
      if (entry.expires >= now && this.#entries.size <= this.#maxEntries) break;
      this.#entries.delete(key);
    }
  }
}
