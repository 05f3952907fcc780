import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';

/** Where a setting's value came from: the environment, the `.env` file, or the schema's default. */
export type SettingOrigin = 'env' | '.env' | 'default';

/** The names the last `loadDotEnv` took from the file (the environment did not already set them). */
const fromFile = new Set<string>();
let fileRead: string | undefined;

/**
 * Reads settings from `.env` in the working directory (or the file ENV_FILE names) with Node's own
 * `process.loadEnvFile`. A variable already set in the environment wins over the file, so a
 * deployment can override one setting without editing it. Returns the file read, if any.
 */
export function loadDotEnv(file = process.env.ENV_FILE || '.env'): string | undefined {
  const path = resolve(file);
  if (!existsSync(path)) return undefined;
  // Noted before loading: afterwards the file's names are in process.env too.
  const named = Object.keys(parseEnv(readFileSync(path, 'utf8')));
  for (const name of named) if (process.env[name] === undefined) fromFile.add(name);
  process.loadEnvFile(path);
  fileRead = path;
  return path;
}

/** Where a setting came from, after `loadDotEnv` ran. */
export function settingOrigin(name: string): SettingOrigin {
  if (fromFile.has(name)) return '.env';
  return process.env[name] !== undefined ? 'env' : 'default';
}

/** The `.env` file `loadDotEnv` read, if it read one. */
export function dotEnvFile(): string | undefined {
  return fileRead;
}
