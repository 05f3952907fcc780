import type { RoundScheduler } from '../../adapters/shared/round-timers.js';

/** A RoundScheduler the test drives: timers run only when the test fires them, never by waiting. */
export class ManualScheduler implements RoundScheduler {
  readonly #pending: Array<{ at: number; run: () => void }> = [];

  schedule(at: number, run: () => void): () => void {
    const timer = { at, run };
    this.#pending.push(timer);
    return () => {
      const i = this.#pending.indexOf(timer);
      if (i >= 0) this.#pending.splice(i, 1);
    };
  }

  /** Timers waiting to run. */
  get pending(): number {
    return this.#pending.length;
  }

  /** The earliest timer's time (epoch ms), if any. */
  get nextAt(): number | undefined {
    return this.#pending.reduce<number | undefined>((min, t) => (min === undefined || t.at < min ? t.at : min), undefined);
  }

  /** Runs the earliest timer now, as if its time had come; false when none is waiting. */
  fireNext(): boolean {
    const at = this.nextAt;
    if (at === undefined) return false;
    const timer = this.#pending.find((t) => t.at === at)!;
    this.#pending.splice(this.#pending.indexOf(timer), 1);
    timer.run();
    return true;
  }
}
