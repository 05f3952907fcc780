import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The folder holding this package's package.json, found from this file (src/ or dist/src/). */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  cached = dir;
  return dir;
}

/**
 * A compiled script for a worker thread, `file` in the caller's folder: beside the caller when it
 * runs from dist/; the built copy in dist/ when it runs from TypeScript sources (vitest,
 * vite-node), because a worker thread cannot load .ts files. Undefined when that copy is missing.
 */
export function workerScript(callerUrl: string, file: string): string | undefined {
  const here = dirname(fileURLToPath(callerUrl));
  if (fileURLToPath(callerUrl).endsWith('.js')) return join(here, file);
  const built = join(packageRoot(), 'dist', relative(packageRoot(), here), file);
  return existsSync(built) ? built : undefined;
}
