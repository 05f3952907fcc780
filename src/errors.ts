/**
 * Coded errors shared by the core and the adapters. Every error a user can cause or fix
 * carries a stable `code` and a message that says what to do next.
 */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'INPUT_INVALID'
  | 'INDEX_MISSING'
  | 'INDEX_CORRUPT'
  | 'INDEX_STALE'
  | 'KNOWLEDGE_EMPTY'
  | 'EMBEDDER_FAILED'
  | 'LLM_UNAVAILABLE'
  | 'BUSY'
  | 'NOT_FOUND';

/** Base class: an error with a stable code and, optionally, the command that fixes it. */
export class CareerAdvisorError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(hint ? `${message}\n  → ${hint}` : message, options);
    this.name = 'CareerAdvisorError';
  }
}

/**
 * Thrown when configuration fails validation. The message is one line naming every bad
 * variable, so start-up ends with exactly that line (no stack trace, no second line).
 */
export class ConfigError extends CareerAdvisorError {
  constructor(message: string) {
    super('CONFIG_INVALID', `Invalid configuration: ${message.replace(/\s*\n\s*/g, ' ')} (see .env.example)`);
    this.name = 'ConfigError';
  }
}

/** Thrown for a question or command the user must change (empty, too long, malformed). */
export class InputError extends CareerAdvisorError {
  constructor(message: string) {
    super('INPUT_INVALID', message);
    this.name = 'InputError';
  }
}

/** Thrown when the on-disk index is missing, unreadable, stale or built by another embedder. */
export class IndexError extends CareerAdvisorError {
  constructor(code: 'INDEX_MISSING' | 'INDEX_CORRUPT' | 'INDEX_STALE', message: string, options?: { cause?: unknown }) {
    super(code, message, 'Run `career-advisor ingest` to rebuild the index.', options);
    this.name = 'IndexError';
  }
}

/** True when `error` is a CareerAdvisorError with the given code. */
export function hasCode(error: unknown, code: ErrorCode): error is CareerAdvisorError {
  return error instanceof CareerAdvisorError && error.code === code;
}
