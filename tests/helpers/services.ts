import { Redis } from 'ioredis';
import pg from 'pg';
import { beforeAll, describe, it } from 'vitest';

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
    describe(title, () => {
      // A URL whose server is down fails here, loudly, instead of passing on a fallback.
      beforeAll(() => (name === 'Redis' ? pingRedis(url) : pingPostgres(url)));
      body(url);
    });
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

async function pingRedis(url: string): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 3000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new Error(`Redis at ${url} is not answering (${error instanceof Error ? error.message : String(error)}): run scripts/services/start-services.sh`);
  } finally {
    client.disconnect();
  }
}

async function pingPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(`PostgreSQL at ${url.replace(/:[^:@/]*@/, ':***@')} is not answering (${error instanceof Error ? error.message : String(error)}): run scripts/services/start-services.sh`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
