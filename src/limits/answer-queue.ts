import { BusyError, LimitConfigError } from '../errors.js';

/** Options for {@link createAnswerQueue}. */
export interface AnswerQueueOptions {
  /** Tasks running at once (>= 1). */
  concurrency: number;
  /** Tasks allowed to wait for a free slot (>= 0); beyond that `run` rejects with BusyError. */
  maxPending: number;
}

/** A bounded queue for answer generation. */
export interface AnswerQueue {
  /**
   * Runs `task` when a slot is free and settles like it. Rejects at once with
   * {@link BusyError} when all slots are taken and the waiting line is full:
   * work is refused loudly, never dropped silently.
   */
  run<T>(task: () => Promise<T> | T): Promise<T>;
  /** Tasks currently running. */
  readonly active: number;
  /** Tasks waiting for a slot. */
  readonly pending: number;
  /** Resolves once nothing is running or waiting (e.g. for graceful shutdown). */
  onIdle(): Promise<void>;
}

/** Creates a bounded, FIFO answer queue. */
export function createAnswerQueue(options: AnswerQueueOptions): AnswerQueue {
  assertValidOptions(options);
  return new BoundedAnswerQueue(options.concurrency, options.maxPending);
}

function assertValidOptions({ concurrency, maxPending }: AnswerQueueOptions): void {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new LimitConfigError(`concurrency must be an integer >= 1, got ${concurrency}`);
  }
  if (!Number.isInteger(maxPending) || maxPending < 0) {
    throw new LimitConfigError(`maxPending must be an integer >= 0, got ${maxPending}`);
  }
}

class BoundedAnswerQueue implements AnswerQueue {
  private readonly waiting: Array<() => void> = [];
  private idleWaiters: Array<() => void> = [];
  private running = 0;

  constructor(
    private readonly concurrency: number,
    private readonly maxPending: number,
  ) {}

  get active(): number {
    return this.running;
  }

  get pending(): number {
    return this.waiting.length;
  }

  run<T>(task: () => Promise<T> | T): Promise<T> {
    if (this.running < this.concurrency) return this.start(task);
    if (this.waiting.length >= this.maxPending) {
      return Promise.reject(new BusyError(`answer queue is full (${this.running} running, ${this.waiting.length} waiting)`));
    }
    return new Promise((resolve, reject) => {
      this.waiting.push(() => void this.start(task).then(resolve, reject));
    });
  }

  onIdle(): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  // The slot is taken synchronously, before any await, so back-to-back
  // run() calls can never oversubscribe.
  private async start<T>(task: () => Promise<T> | T): Promise<T> {
    this.running += 1;
    try {
      return await task();
    } finally {
      this.running -= 1;
      this.startNext();
    }
  }

  // A finished task hands its slot to the next waiting one; with none left, idle waiters are told.
  private startNext(): void {
    const next = this.waiting.shift();
    if (next) return next();
    if (this.running === 0) {
      const resolvers = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of resolvers) resolve();
    }
  }
}
