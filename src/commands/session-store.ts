/**
 * A bounded map whose entries expire after `ttlMs` without use. Conversation state (plans in
 * progress, running quizzes) lives here so an idle or abandoned conversation does not grow memory.
 */
export class ExpiringMap<V> {
  private readonly entries = new Map<string, { value: V; touched: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.touched > this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    // Re-insert so iteration order is least recently used first.
    this.entries.delete(key);
    this.entries.set(key, { value: entry.value, touched: this.now() });
    return entry.value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, touched: this.now() });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
