/**
 * When quiz questions close by themselves: a way to run something at a time, injected so tests fire
 * rounds when they choose instead of waiting (production: an unref'd setTimeout). Deadlines come
 * from the command layer's clock (CommandSettings.now).
 */
export interface RoundScheduler {
  /** Runs `run` at epoch ms `at` (at once if that has passed); the returned function cancels it. */
  schedule(at: number, run: () => void): () => void;
}

/** The real clock: timers never keep the process alive on their own. */
export const realScheduler: RoundScheduler = {
  schedule(at, run) {
    const timer = setTimeout(run, Math.max(0, at - Date.now()));
    timer.unref();
    return () => clearTimeout(timer);
  },
};

/**
 * One pending round timer per quiz conversation: showing a new question replaces the previous
 * question's timer, the end of a quiz cancels it, and stopping the bot cancels them all. A timer
 * lost to a restart is harmless: the quiz state knows the deadline, and the next answer after it
 * closes the question instead.
 */
export class RoundTimers {
  readonly #pending = new Map<string, () => void>();

  constructor(readonly scheduler: RoundScheduler = realScheduler) {}

  /** Runs `close` at `at` for `conversation`, replacing any timer it had. */
  set(conversation: string, at: number, close: () => Promise<void>): void {
    this.cancel(conversation);
    const cancel = this.scheduler.schedule(at, () => {
      this.#pending.delete(conversation);
      void close();
    });
    this.#pending.set(conversation, cancel);
  }

  cancel(conversation: string): void {
    this.#pending.get(conversation)?.();
    this.#pending.delete(conversation);
  }

  cancelAll(): void {
    for (const cancel of this.#pending.values()) cancel();
    this.#pending.clear();
  }

  /** Conversations with a round still timed (tests, health). */
  get size(): number {
    return this.#pending.size;
  }
}
