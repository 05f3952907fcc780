import { type Logger, LogLevel } from '@slack/bolt';

/** One log line captured by {@link createRecordingLogger}. */
export interface LogEntry {
  readonly level: LogLevel;
  readonly message: string;
}

/** A Bolt/WebClient logger that stores lines instead of printing them. */
export interface RecordingLogger extends Logger {
  readonly entries: readonly LogEntry[];
  /** True when some entry at `level` contains `fragment`. */
  has(level: LogLevel, fragment: string): boolean;
}

const SEVERITY: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

/**
 * Creates a quiet logger for `new App({ logger })`. Bolt shares it with its WebClient and socket-mode client.
 * Note the App calls `setLevel(logLevel ?? INFO)` on it, so pass `logLevel` to the App to record debug lines.
 */
export function createRecordingLogger(echo = false): RecordingLogger {
  const entries: LogEntry[] = [];
  let threshold = LogLevel.DEBUG;
  const log =
    (level: LogLevel) =>
    (...msg: unknown[]): void => {
      if (SEVERITY[level] < SEVERITY[threshold]) return;
      const message = msg.map((part) => (part instanceof Error ? part.message : String(part))).join(' ');
      entries.push({ level, message });
      if (echo) console.log(`[${level}] ${message}`);
    };
  return {
    entries,
    has: (level, fragment) => entries.some((e) => e.level === level && e.message.includes(fragment)),
    debug: log(LogLevel.DEBUG),
    info: log(LogLevel.INFO),
    warn: log(LogLevel.WARN),
    error: log(LogLevel.ERROR),
    setLevel: (level) => {
      threshold = level;
    },
    getLevel: () => threshold,
    setName: () => undefined,
  };
}
