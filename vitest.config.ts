import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Native addons (hnswlib, better-sqlite3) and the TF.js model are happier in forks than threads.
    pool: 'forks',
    // Vitest's default (one fork fewer than the cores) runs the suite one file at a time on a
    // two-core machine such as CI's; much of it waits on servers and child processes, so two forks
    // there take the suite from about 12 to about 7 minutes (measured on this machine).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
