// Local coded errors; meant to move into a shared src/errors.ts later.

/** The answer queue is full; the caller should tell the user to try again shortly. */
export class BusyError extends Error {
  readonly code = 'BUSY';
  override name = 'BusyError';
}

/** A limiter or queue was configured with impossible numbers (a startup bug). */
export class LimitConfigError extends Error {
  readonly code = 'LIMIT_CONFIG';
  override name = 'LimitConfigError';
}

/** True for a {@link BusyError}, also across duplicated module copies (checks the code). */
export function isBusyError(err: unknown): err is BusyError {
  return err instanceof BusyError || (err instanceof Error && (err as { code?: unknown }).code === 'BUSY');
}
