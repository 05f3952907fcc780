import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Native addons (hnswlib, better-sqlite3) and the TF.js model are happier in forks than threads.
    pool: 'forks',
  },
});
