import { describe, it } from 'vitest';

/**
 * The Redis and PostgreSQL servers scripts/services/start-services.sh starts (.ci/run exports
 * their URLs). Without a URL a suite is skipped locally but FAILS in CI (CI=true), so a missing
 * server can never pass for green.
 */
export const services = {
  redisUrl: process.env.TEST_REDIS_URL,
  databaseUrl: process.env.TEST_DATABASE_URL,
};

/** `describe` when `url` is set; otherwise skipped, or one failing test in CI. */
export function describeWithService(name: 'Redis' | 'PostgreSQL', url: string | undefined, title: string, body: (url: string) => void): void {
  if (url) {
    describe(title, () => body(url));
    return;
  }
  const variable = name === 'Redis' ? 'TEST_REDIS_URL' : 'TEST_DATABASE_URL';
  if (process.env.CI === 'true') {
    describe(title, () => {
      it(`needs ${name}`, () => {
        throw new Error(`${variable} is not set: run scripts/services/start-services.sh (.ci/run does) so ${name} is available`);
      });
    });
  } else {
    describe.skip(`${title} (set ${variable}; see scripts/services/start-services.sh)`, () => body(''));
  }
}

let counter = 0;
/** A key prefix no other test (or test run) uses. */
export function uniquePrefix(tag: string): string {
  counter += 1;
  return `test:${tag}:${process.pid}:${Date.now()}:${counter}:`;
}
