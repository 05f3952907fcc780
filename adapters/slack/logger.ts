import { LogLevel, type Logger } from '@slack/bolt';
import { pino } from 'pino';
import type { Config } from '../../src/config/index.js';

type ConfigLevel = Config['LOG_LEVEL'];

/** Bolt has four levels; LOG_LEVEL has pino's seven. */
export function boltLogLevel(level: ConfigLevel): LogLevel {
  if (level === 'debug' || level === 'trace') return LogLevel.DEBUG;
  if (level === 'info') return LogLevel.INFO;
  if (level === 'warn') return LogLevel.WARN;
  return LogLevel.ERROR;
}

const PINO_LEVEL: Record<LogLevel, string> = { [LogLevel.DEBUG]: 'debug', [LogLevel.INFO]: 'info', [LogLevel.WARN]: 'warn', [LogLevel.ERROR]: 'error' };

function format(parts: unknown[]): string {
  return parts
    .map((part) => {
      if (part instanceof Error) return part.message;
      if (typeof part === 'string') return part;
      try {
        return JSON.stringify(part);
      } catch {
        return String(part);
      }
    })
    .join(' ');
}

/** JSON lines on stdout through pino (like the Discord adapter), at LOG_LEVEL; "silent" stays silent whatever Bolt asks. */
export function createSlackLogger(level: ConfigLevel): Logger {
  const base = pino({ level, base: { adapter: 'slack' } });
  let current = boltLogLevel(level);
  return {
    debug: (...msg) => base.debug(format(msg)),
    info: (...msg) => base.info(format(msg)),
    warn: (...msg) => base.warn(format(msg)),
    error: (...msg) => base.error(format(msg)),
    setLevel: (next) => {
      current = next;
      if (level !== 'silent') base.level = PINO_LEVEL[next];
    },
    getLevel: () => current,
    setName: () => undefined,
  };
}

// Token shapes Slack issues (bot, user, app-level, config, refresh) and the legacy verification token field.
const TOKEN_PATTERN = /\b(?:xox[a-z]|xapp)-[A-Za-z0-9-]+/g;
const TOKEN_FIELD = /("token"\s*:\s*")[^"]*(")/g;

/**
 * Wraps a logger so no line can carry a secret: the configured token and signing-secret values and anything
 * shaped like a Slack token are replaced with "[redacted]". Bolt's debug output includes request bodies,
 * so this is a guard rather than a convention.
 */
export function redactingLogger(inner: Logger, secrets: ReadonlyArray<string | undefined>): Logger {
  const known = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 6);
  const clean = (msg: unknown[]): [string] => {
    let text = format(msg);
    for (const secret of known) text = text.split(secret).join('[redacted]');
    return [text.replace(TOKEN_PATTERN, '[redacted]').replace(TOKEN_FIELD, '$1[redacted]$2')];
  };
  return {
    debug: (...msg) => inner.debug(...clean(msg)),
    info: (...msg) => inner.info(...clean(msg)),
    warn: (...msg) => inner.warn(...clean(msg)),
    error: (...msg) => inner.error(...clean(msg)),
    setLevel: (level) => inner.setLevel(level),
    getLevel: () => inner.getLevel(),
    setName: (name) => inner.setName(name),
  };
}
