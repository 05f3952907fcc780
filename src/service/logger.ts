import pino, { type Logger } from 'pino';
import type { Config } from '../config/index.js';

/** Keys whose values never reach a log line, wherever they appear. */
const REDACT = ['*.token', '*.botToken', '*.appToken', '*.signingSecret', '*.apiKey', '*.authorization', '*.question', '*.text', 'token', 'apiKey'];

/**
 * Structured JSON logs (pino) to stderr. Tokens, secrets and message text are redacted by key;
 * callers log ids, counts and codes, never what users wrote.
 */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>, destination: pino.DestinationStream = pino.destination(2)): Logger {
  return pino({ level: config.LOG_LEVEL, base: { service: 'career-advisor' }, redact: { paths: REDACT, censor: '[redacted]' } }, destination);
}
