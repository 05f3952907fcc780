export type ShutdownSignal = 'SIGTERM' | 'SIGINT';

/** Something that emits SIGTERM/SIGINT (the process, or a test double). */
export interface SignalSource {
  once(event: ShutdownSignal, listener: () => void): unknown;
  off(event: ShutdownSignal, listener: () => void): unknown;
}

/**
 * The one shutdown waiter of every entry point: resolves with the first SIGTERM or SIGINT and
 * removes both listeners, so a second signal ends the process the usual way.
 */
export function waitForShutdownSignal(signals: SignalSource = process): Promise<ShutdownSignal> {
  return new Promise((resolve) => {
    const onTerm = () => finish('SIGTERM');
    const onInt = () => finish('SIGINT');
    const finish = (signal: ShutdownSignal) => {
      signals.off('SIGTERM', onTerm);
      signals.off('SIGINT', onInt);
      resolve(signal);
    };
    signals.once('SIGTERM', onTerm);
    signals.once('SIGINT', onInt);
  });
}
