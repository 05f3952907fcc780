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
export function createAnswerQueue({ concurrency, maxPending }: AnswerQueueOptions): AnswerQueue {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new LimitConfigError(`concurrency must be an integer >= 1, got ${concurrency}`);
  }
  if (!Number.isInteger(maxPending) || maxPending < 0) {
    throw new LimitConfigError(`maxPending must be an integer >= 0, got ${maxPending}`);
  }
  const waiting: Array<() => void> = [];
  let idleWaiters: Array<() => void> = [];
  let active = 0;

  const startNext = () => {
    const next = waiting.shift();
    if (next) return next();
    if (active === 0) {
      const resolvers = idleWaiters;
      idleWaiters = [];
      for (const resolve of resolvers) resolve();
    }
  };

  // The slot is taken synchronously, before any await, so back-to-back
  // run() calls can never oversubscribe.
  const start = async <T>(task: () => Promise<T> | T): Promise<T> => {
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      startNext();
    }
  };

  return {
    run(task) {
      if (active < concurrency) return start(task);
      if (waiting.length >= maxPending) {
        return Promise.reject(new BusyError(`answer queue is full (${active} running, ${waiting.length} waiting)`));
      }
      return new Promise((resolve, reject) => {
        waiting.push(() => void start(task).then(resolve, reject));
      });
    },
    get active() {
      return active;
    },
    get pending() {
      return waiting.length;
    },
    onIdle() {
      if (active === 0 && waiting.length === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
