/**
 * Tracks answers still being written so a shutdown can wait for them instead of dropping a reply
 * half-way (Slack will not redeliver an event it already got a 200 for).
 */
export class InFlight {
  readonly #pending = new Set<Promise<unknown>>();

  get size(): number {
    return this.#pending.size;
  }

  /** Runs `work` and remembers it until it settles. */
  track<T>(work: Promise<T>): Promise<T> {
    this.#pending.add(work);
    const forget = (): void => {
      this.#pending.delete(work);
    };
    work.then(forget, forget);
    return work;
  }

  /** Resolves when everything tracked has settled, or after `timeoutMs`; returns how many were still running. */
  async drain(timeoutMs: number): Promise<number> {
    if (this.#pending.size === 0) return 0;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.allSettled([...this.#pending]), timeout]);
    clearTimeout(timer);
    return this.#pending.size;
  }
}
