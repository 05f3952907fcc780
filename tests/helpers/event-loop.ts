import { beforeEach } from 'vitest';

/**
 * For a file of tests that each run seconds of synchronous work (the detectors over a whole corpus):
 * held for a minute without a turn of the event loop, Vitest's worker calls time out after 60 s
 * ("Timeout calling onTaskUpdate"). Letting the loop turn before each test answers those calls.
 */
export function letEventLoopTurnBetweenTests(): void {
  beforeEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
}
