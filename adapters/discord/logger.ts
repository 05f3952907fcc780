/** The logging the bot needs; pino loggers fit as-is. */
export interface DiscordLogger {
  debug(obj: Record<string, unknown>, msg: string): void;
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
}

/** Default logger: warnings and errors to stderr, the rest dropped. */
export const stderrLogger: DiscordLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: (obj, msg) => process.stderr.write(`discord warn: ${msg} ${JSON.stringify(obj)}\n`),
  error: (obj, msg) => process.stderr.write(`discord error: ${msg} ${JSON.stringify(obj)}\n`),
};

/** A loggable summary of an unknown error. */
export function errorFields(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { err: { name: error.name, message: error.message, stack: error.stack, ...('code' in error ? { code: error.code } : {}) } };
  return { err: String(error) };
}
