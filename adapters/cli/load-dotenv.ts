import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Reads settings from `.env` in the working directory (or the file ENV_FILE names) with Node's own
 * `process.loadEnvFile`. A variable already set in the environment wins over the file, so a
 * deployment can override one setting without editing it. Returns the file read, if any.
 */
export function loadDotEnv(file = process.env.ENV_FILE || '.env'): string | undefined {
  const path = resolve(file);
  if (!existsSync(path)) return undefined;
  process.loadEnvFile(path);
  return path;
}
