// Local coded errors; meant to move into a shared src/errors.ts later.

/** `openStore` was called with invalid options (a programming error, thrown at startup). */
export class StoreConfigError extends Error {
  readonly code = 'STORE_CONFIG';
  override name = 'StoreConfigError';
}

/** The database file cannot be used (missing, replaced, newer schema). Never reaches callers of the store. */
export class StoreUnavailableError extends Error {
  readonly code = 'STORE_UNAVAILABLE';
  override name = 'StoreUnavailableError';
}
