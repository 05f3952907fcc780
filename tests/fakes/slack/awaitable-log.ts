/** Something that can be matched against log entries. */
export type Predicate<T> = (entry: T) => boolean;

interface Waiter<T> {
  readonly matches: Predicate<T>;
  readonly resolve: (entry: T) => void;
  readonly reject: (error: Error) => void;
}

/**
 * An append-only list whose future entries can be awaited.
 * Fakes record every request here so tests can assert on them or wait for them without polling.
 */
export class AwaitableLog<T> {
  readonly #entries: T[] = [];
  readonly #waiters = new Set<Waiter<T>>();

  /** Everything recorded so far, oldest first. */
  get entries(): readonly T[] {
    return this.#entries;
  }

  /** Records an entry and wakes every waiter it satisfies. */
  push(entry: T): void {
    this.#entries.push(entry);
    for (const waiter of [...this.#waiters]) {
      if (waiter.matches(entry)) waiter.resolve(entry);
    }
  }

  /**
   * Resolves with the first entry (already recorded or future) matching `predicate`.
   * Rejects after `timeoutMs` with a message listing what *was* recorded, which is what you need when debugging.
   */
  waitFor(predicate: Predicate<T>, timeoutMs: number, description: string): Promise<T> {
    const existing = this.#entries.find(predicate);
    if (existing !== undefined) return Promise.resolve(existing);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(new Error(`Timed out after ${timeoutMs}ms waiting for ${description}. Recorded: ${this.#describe()}`));
      }, timeoutMs);
      const settle = (): void => {
        clearTimeout(timer);
        this.#waiters.delete(waiter);
      };
      const waiter: Waiter<T> = {
        matches: predicate,
        resolve: (entry) => {
          settle();
          resolve(entry);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
      };
      this.#waiters.add(waiter);
    });
  }

  /** Rejects every pending waiter (and clears its timer) so a closed fake never leaves timers behind. */
  rejectPending(reason: string): void {
    for (const waiter of [...this.#waiters]) waiter.reject(new Error(reason));
  }

  #describe(): string {
    const text = JSON.stringify(this.#entries);
    return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
  }
}
