/**
 * Process-level fault handling, owned in one place. Every entry point (the CLI and so `start`,
 * `slack`, `discord`; the ops bot; each answer worker thread) installs the same handlers: an
 * uncaught exception or unhandled rejection is logged as one line and the process keeps serving,
 * because one bad request must never end it for everyone. Libraries that add their own
 * "rethrow and die" handlers (the Emscripten glue in @energetic-ai/core does) are neutralised by
 * {@link withoutAddedProcessListeners}.
 */

/** The events a library can hijack to end the process. */
const FATAL_EVENTS = ['uncaughtException', 'unhandledRejection'] as const;
type FatalEvent = (typeof FATAL_EVENTS)[number];

/** Where the guard reports a stray error (a pino logger fits). */
export interface GuardLogger {
  error(fields: Record<string, unknown>, message: string): void;
}

/** One JSON line on stderr, shaped like pino's, for entry points without a logger yet. */
export const stderrGuardLogger: GuardLogger = {
  error(fields, message) {
    process.stderr.write(`${JSON.stringify({ level: 50, time: Date.now(), service: 'career-advisor', ...fields, msg: message })}\n`);
  },
};

const installed = new WeakMap<NodeJS.Process, GuardLogger>();
let current: GuardLogger = stderrGuardLogger;

/**
 * Installs the log-and-continue handlers once per process (later calls only switch the logger,
 * so the runtime's pino logger takes over from the CLI's stderr line once it exists).
 */
export function installProcessGuard(logger: GuardLogger = stderrGuardLogger): void {
  current = logger;
  if (installed.has(process)) return;
  installed.set(process, logger);
  process.on('uncaughtException', (error: unknown, origin: string) => report('uncaught exception (kept running)', error, origin));
  process.on('unhandledRejection', (reason: unknown) => report('unhandled rejection (kept running)', reason));
}

/** True once {@link installProcessGuard} ran in this process (or worker thread). */
export function processGuardInstalled(): boolean {
  return installed.has(process);
}

function report(message: string, error: unknown, origin?: string): void {
  try {
    current.error({ err: describeError(error), ...(origin ? { origin } : {}) }, message);
  } catch {
    // Logging must never be what ends the process.
  }
}

function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { name: error.name, message: error.message.split('\n')[0], stack: error.stack?.split('\n').slice(0, 6).join('\n') };
  return { value: String(error) };
}

/**
 * Runs `work` and then removes every `uncaughtException` / `unhandledRejection` listener that was
 * added while it ran (compared with `process.listeners` before), so a library cannot turn a stray
 * rejection anywhere in the process into an exit. Removal happens whether `work` succeeds or not.
 */
export async function withoutAddedProcessListeners<T>(work: () => Promise<T>): Promise<T> {
  const before = new Map(FATAL_EVENTS.map((event) => [event, new Set(listenersOf(event))]));
  try {
    return await work();
  } finally {
    for (const event of FATAL_EVENTS) {
      for (const listener of listenersOf(event)) if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
}

type AnyListener = (...args: unknown[]) => void;

// process.listeners() is typed per event; the guard treats both events alike.
function listenersOf(event: FatalEvent): AnyListener[] {
  return (process as unknown as { listeners(name: string): AnyListener[] }).listeners(event);
}
