/**
 * A small map whose entries expire after `ttlMs` and which never holds more than `maxEntries`
 * (the oldest go first). Used for event de-duplication, answer sources and quiz state, so a busy
 * workspace cannot grow the process without bound.
 */
export class TtlCache<K, V> {
  // Insertion order is expiry order because every entry gets the same TTL (set() re-inserts).
  readonly #entries = new Map<K, { value: V; expires: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    this.#prune();
    return this.#entries.size;
  }

  get(key: K): V | undefined {
    this.#prune();
    return this.#entries.get(key)?.value;
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, { value, expires: this.now() + this.ttlMs });
    this.#prune();
  }

  /**
   * Records `key` and returns true when it was not already present: an atomic "first one wins",
   * because Node runs this synchronously between awaits.
   */
  claim(key: K, value: V): boolean {
    if (this.has(key)) return false;
    this.set(key, value);
    return true;
  }

  delete(key: K): void {
    this.#entries.delete(key);
  }

  #prune(): void {
    const now = this.now();
    for (const [key, entry] of this.#entries) {
      if (entry.expires > now && this.#entries.size <= this.maxEntries) break;
      this.#entries.delete(key);
    }
  }
}
