import { Redis, type RedisOptions } from 'ioredis';
import { MemoryState } from './memory-state.js';
import type { SharedState } from './types.js';

/** Where the Redis state reports trouble; pino loggers fit. */
export interface StateLogger {
  warn(obj: Record<string, unknown>, msg: string): void;
  info(obj: Record<string, unknown>, msg: string): void;
}

export interface RedisStateOptions {
  /** Prepended to every key, so several deployments (or tests) can share one Redis. */
  keyPrefix?: string;
  /** A command taking longer counts as Redis being unreachable (default 2000 ms). */
  commandTimeoutMs?: number;
  /** How long `connectRedisState` waits for the first connection before starting degraded (default 3000 ms). */
  connectTimeoutMs?: number;
  logger?: StateLogger;
  /** Extra ioredis options (tests). */
  redisOptions?: RedisOptions;
}

// Compare-and-set in one round trip: Redis runs a script atomically, so no other client can
// write between the GET and the SET/DEL.
const COMPARE_AND_SET = `
local current = redis.call('GET', KEYS[1])
if ARGV[1] == '0' then
  if current then return 0 end
elseif current ~= ARGV[2] then
  return 0
end
if ARGV[3] == '0' then redis.call('DEL', KEYS[1]) else redis.call('SET', KEYS[1], ARGV[4], 'PX', ARGV[5]) end
return 1`;

const OUTAGE_WARNING = 'Redis is unreachable: answering from this process\'s memory until it returns (follow-up context, quiz and plan state, duplicate-delivery checks and rate limits are per process meanwhile)';

/**
 * SharedState on Redis (ioredis). A Redis outage never fails a request: each operation that
 * cannot reach Redis runs against a local MemoryState instead, one warning is logged per outage,
 * `status()` says 'degraded', and once ioredis reconnects (it retries forever, backing off to 2 s)
 * operations go back to Redis by themselves.
 */
export class RedisState implements SharedState {
  readonly #fallback = new MemoryState({ maxEntries: 20_000 });
  readonly #prefix: string;
  readonly #logger?: StateLogger;
  #degraded = false;

  constructor(
    readonly client: Redis,
    options: Pick<RedisStateOptions, 'keyPrefix' | 'logger'> = {},
  ) {
    this.#prefix = options.keyPrefix ?? 'career-advisor:';
    this.#logger = options.logger;
    // ioredis emits 'error' on every failed reconnect; the outage is reported once, by #failed.
    client.on('error', () => {});
    client.on('ready', () => this.#recovered());
  }

  get(key: string): Promise<string | undefined> {
    return this.#run(
      async (k) => (await this.client.get(k)) ?? undefined,
      () => this.#fallback.get(key),
      key,
    );
  }

  set(key: string, value: string, ttlMs: number): Promise<void> {
    return this.#run(
      async (k) => void (await this.client.set(k, value, 'PX', wholeMs(ttlMs))),
      () => this.#fallback.set(key, value, ttlMs),
      key,
    );
  }

  delete(key: string): Promise<void> {
    return this.#run(
      async (k) => void (await this.client.del(k)),
      () => this.#fallback.delete(key),
      key,
    );
  }

  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    return this.#run(
      // A key claimed locally during an outage stays claimed after recovery: no second reply.
      async (k) => (await this.#fallback.get(key)) === undefined && (await this.client.set(k, value, 'PX', wholeMs(ttlMs), 'NX')) === 'OK',
      () => this.#fallback.setIfAbsent(key, value, ttlMs),
      key,
    );
  }

  compareAndSet(key: string, expected: string | undefined, next: string | undefined, ttlMs: number): Promise<boolean> {
    const args = [expected === undefined ? '0' : '1', expected ?? '', next === undefined ? '0' : '1', next ?? '', String(wholeMs(ttlMs))];
    return this.#run(
      async (k) => (await this.client.eval(COMPARE_AND_SET, 1, k, ...args)) === 1,
      () => this.#fallback.compareAndSet(key, expected, next, ttlMs),
      key,
    );
  }

  increment(key: string, by: number, ttlMs: number): Promise<number> {
    return this.#run(
      async (k) => {
        const results = await this.client.multi().incrby(k, by).pexpire(k, wholeMs(ttlMs)).exec();
        const [error, value] = results?.[0] ?? [new Error('transaction aborted'), undefined];
        if (error) throw error;
        return Number(value);
      },
      () => this.#fallback.increment(key, by, ttlMs),
      key,
    );
  }

  status(): 'ok' | 'degraded' {
    return this.#degraded || this.client.status !== 'ready' ? 'degraded' : 'ok';
  }

  async close(): Promise<void> {
    this.client.disconnect();
    await this.#fallback.close();
  }

  async #run<T>(remote: (prefixedKey: string) => Promise<T>, local: () => Promise<T>, key: string): Promise<T> {
    if (this.client.status === 'ready') {
      try {
        const result = await remote(this.#prefix + key);
        this.#recovered(); // e.g. after a command timed out on a connection that never dropped
        return result;
      } catch (error) {
        this.#failed(error);
      }
    } else {
      this.#failed(new Error(`connection ${this.client.status}`));
    }
    return local();
  }

  #recovered(): void {
    if (!this.#degraded) return;
    this.#degraded = false;
    this.#logger?.info({ state: 'redis' }, 'Redis is reachable again: shared state restored');
  }

  #failed(error: unknown): void {
    if (this.#degraded) return;
    this.#degraded = true;
    this.#logger?.warn({ state: 'redis', err: error instanceof Error ? error.message : String(error) }, OUTAGE_WARNING);
  }
}

/**
 * Connects to Redis at `url` and returns its SharedState. Waits up to `connectTimeoutMs` for the
 * first connection; if Redis is not there yet the state starts degraded (one warning) and
 * switches over when it appears, so a bot never refuses to start because Redis is late.
 */
export async function connectRedisState(url: string, options: RedisStateOptions = {}): Promise<RedisState> {
  const client = new Redis(url, {
    // Fail fast instead of queueing: a request must never wait on a Redis that is gone.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 2000,
    connectTimeout: options.connectTimeoutMs ?? 3000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
    ...options.redisOptions,
  });
  const state = new RedisState(client, options);
  await waitForReady(client, options.connectTimeoutMs ?? 3000);
  return state;
}

function waitForReady(client: Redis, timeoutMs: number): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, timeoutMs);
    client.once('ready', done);
    function done() {
      clearTimeout(timer);
      client.off('ready', done);
      resolve();
    }
  });
}

// PX needs a positive integer.
function wholeMs(ms: number): number {
  return Math.max(1, Math.ceil(ms));
}
