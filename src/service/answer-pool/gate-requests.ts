import { CareerAdvisorError, type ErrorCode } from '../../errors.js';
import type { FromWorker, WorkerFailure } from './messages.js';

/**
 * The worker's side of the rate-limit gate: the limiter lives on the main thread (shared by every
 * worker), so before retrieval a request asks it there and waits for the answer.
 */
export class GateRequests {
  readonly #waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();

  constructor(private readonly send: (message: FromWorker) => void) {}

  /** Resolves when the main thread lets request `id` retrieve; rejects with its coded refusal. */
  ask(id: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.send({ type: 'gate', id });
    });
  }

  /** The main thread's answer for request `id`. */
  settle(id: number, refusal: WorkerFailure | undefined): void {
    const waiting = this.#waiting.get(id);
    this.#waiting.delete(id);
    if (!waiting) return;
    if (!refusal) waiting.resolve();
    else waiting.reject(new CareerAdvisorError((refusal.code ?? 'INTERNAL') as ErrorCode, refusal.message));
  }
}
