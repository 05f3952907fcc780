/**
 * The project's one errors module (bolt-js style): every error carries a stable, typed `code`;
 * errors a user can cause or fix also carry a message that says what to do next.
 */
export const ErrorCode = {
  ConfigInvalid: 'CONFIG_INVALID',
  InputInvalid: 'INPUT_INVALID',
  IndexMissing: 'INDEX_MISSING',
  IndexCorrupt: 'INDEX_CORRUPT',
  IndexStale: 'INDEX_STALE',
  KnowledgeEmpty: 'KNOWLEDGE_EMPTY',
  EmbedderFailed: 'EMBEDDER_FAILED',
  LlmUnavailable: 'LLM_UNAVAILABLE',
  Busy: 'BUSY',
  /** The user or channel sent too much too fast. */
  RateLimited: 'RATE_LIMITED',
  /** Anything unexpected: the user gets a plain apology, the log gets the detail. */
  Internal: 'INTERNAL',
  NotFound: 'NOT_FOUND',
  /** Commands: no quiz or plan in the conversation, an option that does not exist, a second answer. */
  QuizNotRunning: 'QUIZ_NOT_RUNNING',
  QuizBadOption: 'QUIZ_BAD_OPTION',
  QuizAlreadyAnswered: 'QUIZ_ALREADY_ANSWERED',
  /** A round timer fired for a question that had already closed (answers or a skip closed it first). */
  QuizRoundClosed: 'QUIZ_ROUND_CLOSED',
  PlanNotRunning: 'PLAN_NOT_RUNNING',
  /** Startup bugs: impossible limiter or store settings. */
  LimitConfig: 'LIMIT_CONFIG',
  StoreConfig: 'STORE_CONFIG',
  /** The database file cannot be used (missing, replaced, newer schema); never reaches the store's callers. */
  StoreUnavailable: 'STORE_UNAVAILABLE',
  /** A line of the PHI test corpus is malformed. */
  PhiCorpusInvalid: 'PHI_CORPUS_INVALID',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

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

/** The answer queue is full; the caller should tell the user to try again shortly. */
export class BusyError extends CareerAdvisorError {
  constructor(message = 'busy') {
    super('BUSY', message);
    this.name = 'BusyError';
  }
}

/** True for a {@link BusyError}, also across duplicated module copies (checks the code). */
export function isBusyError(err: unknown): err is BusyError {
  return err instanceof BusyError || (err instanceof Error && (err as { code?: unknown }).code === 'BUSY');
}

/** A user or channel asked more questions than the rate limit allows; the message says when to retry. */
export class RateLimitedError extends CareerAdvisorError {
  constructor(message: string) {
    super('RATE_LIMITED', message);
    this.name = 'RateLimitedError';
  }
}

/** A limiter or queue was configured with impossible numbers (a startup bug). */
export class LimitConfigError extends CareerAdvisorError {
  constructor(message: string) {
    super('LIMIT_CONFIG', message);
    this.name = 'LimitConfigError';
  }
}

/** `openStore` was called with invalid options (a programming error, thrown at startup). */
export class StoreConfigError extends CareerAdvisorError {
  constructor(message: string) {
    super('STORE_CONFIG', message);
    this.name = 'StoreConfigError';
  }
}

/** The database file cannot be used (missing, replaced, newer schema). Never reaches callers of the store. */
export class StoreUnavailableError extends CareerAdvisorError {
  constructor(message: string) {
    super('STORE_UNAVAILABLE', message);
    this.name = 'StoreUnavailableError';
  }
}

/** A PHI test corpus line is malformed (bad JSON, unknown kind, value not in text). */
export class PhiCorpusError extends CareerAdvisorError {
  constructor(message: string) {
    super('PHI_CORPUS_INVALID', message);
    this.name = 'PhiCorpusError';
  }
}
