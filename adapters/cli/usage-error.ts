/** A command line the CLI cannot run (unknown option, missing argument): exit 2 with the usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** True for usage errors, including node:util parseArgs' own (unknown option, missing value). */
export function isUsageError(error: unknown): boolean {
  if (error instanceof UsageError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
