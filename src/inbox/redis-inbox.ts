import { Redis } from 'ioredis';
import type { PendingQuestion, QuestionInbox } from './types.js';

/** Completed ids are kept this long so late redeliveries are still recognised. */
const KEEP_COMPLETED_MS = 24 * 60 * 60_000;
/** A pending question nobody completes or claims disappears after this, whatever happens. */
const KEEP_PENDING_MS = 7 * 24 * 60 * 60_000;

// Each script runs atomically in Redis, so two workers can never both record, complete or claim
// the same question. Keys are built from the prefix passed in ARGV (one Redis, not a cluster).
const RECORD = `
local key = ARGV[1] .. 'q:' .. ARGV[2]
if redis.call('EXISTS', key) == 1 then return 0 end
redis.call('HSET', key, 'platform', ARGV[3], 'payload', ARGV[4], 'receivedAt', ARGV[5], 'state', 'pending')
redis.call('PEXPIRE', key, ARGV[6])
redis.call('ZADD', ARGV[1] .. 'pending', ARGV[5], ARGV[2])
return 1`;

const COMPLETE = `
local key = ARGV[1] .. 'q:' .. ARGV[2]
if redis.call('HGET', key, 'state') ~= 'pending' then return 0 end
redis.call('HSET', key, 'state', 'done')
redis.call('HDEL', key, 'payload')
redis.call('PEXPIRE', key, ARGV[3])
redis.call('ZREM', ARGV[1] .. 'pending', ARGV[2])
redis.call('DEL', ARGV[1] .. 'lease:' .. ARGV[2])
return 1`;

// ARGV: prefix, oldest, workerId, leaseMs, keepCompletedMs
const CLAIM = `
local prefix, oldest = ARGV[1], tonumber(ARGV[2])
local pending = prefix .. 'pending'
for _, id in ipairs(redis.call('ZRANGEBYSCORE', pending, '-inf', '(' .. oldest)) do
  local key = prefix .. 'q:' .. id
  if redis.call('EXISTS', key) == 1 then
    redis.call('HSET', key, 'state', 'done')
    redis.call('HDEL', key, 'payload')
    redis.call('PEXPIRE', key, ARGV[5])
  end
  redis.call('ZREM', pending, id)
end
local claimed = {}
for _, id in ipairs(redis.call('ZRANGEBYSCORE', pending, oldest, '+inf')) do
  local key = prefix .. 'q:' .. id
  local fields = redis.call('HMGET', key, 'platform', 'payload', 'receivedAt', 'state')
  if fields[4] ~= 'pending' then
    redis.call('ZREM', pending, id)
  elseif redis.call('SET', prefix .. 'lease:' .. id, ARGV[3], 'PX', ARGV[4], 'NX') then
    table.insert(claimed, id)
    table.insert(claimed, fields[1])
    table.insert(claimed, fields[2])
    table.insert(claimed, fields[3])
  end
end
return claimed`;

/**
 * The durable question inbox in Redis, for several workers sharing one REDIS_URL: each question
 * is a hash, pending ids sit in a sorted set by arrival time, and a claim is a `SET NX PX` lease,
 * so every pending question goes to exactly one worker. Durability is Redis's (enable AOF or RDB
 * snapshots in production; see docs/deploy.md).
 */
export class RedisInbox implements QuestionInbox {
  private constructor(
    private readonly client: Redis,
    private readonly prefix: string,
    private readonly ownsClient: boolean,
  ) {}

  /** Opens its own connection to `url`. */
  static open(url: string, options: { keyPrefix?: string } = {}): RedisInbox {
    const client = new Redis(url, { maxRetriesPerRequest: 1, retryStrategy: (attempt) => Math.min(attempt * 100, 2000) });
    client.on('error', () => {}); // failures surface as rejected calls; ioredis keeps reconnecting
    return new RedisInbox(client, `${options.keyPrefix ?? 'career-advisor:'}inbox:`, true);
  }

  /** Uses an existing connection (e.g. the shared state's); `close()` leaves it open. */
  static over(client: Redis, options: { keyPrefix?: string } = {}): RedisInbox {
    return new RedisInbox(client, `${options.keyPrefix ?? 'career-advisor:'}inbox:`, false);
  }

  async record(q: PendingQuestion): Promise<boolean> {
    const created = await this.client.eval(RECORD, 0, this.prefix, q.id, q.platform, JSON.stringify(q.payload ?? null), String(q.receivedAt), String(KEEP_PENDING_MS));
    return created === 1;
  }

  async complete(id: string): Promise<void> {
    await this.client.eval(COMPLETE, 0, this.prefix, id, String(KEEP_COMPLETED_MS));
  }

  async claimPending({ maxAgeMs, workerId, leaseMs }: { maxAgeMs: number; workerId: string; leaseMs: number }): Promise<PendingQuestion[]> {
    const oldest = Date.now() - maxAgeMs;
    const flat = (await this.client.eval(CLAIM, 0, this.prefix, String(oldest), workerId, String(Math.max(1, Math.ceil(leaseMs))), String(KEEP_COMPLETED_MS))) as string[];
    const claimed: PendingQuestion[] = [];
    for (let i = 0; i < flat.length; i += 4) {
      claimed.push({ id: flat[i]!, platform: flat[i + 1] as PendingQuestion['platform'], payload: JSON.parse(flat[i + 2]!) as unknown, receivedAt: Number(flat[i + 3]) });
    }
    return claimed.sort((a, b) => a.receivedAt - b.receivedAt || a.id.localeCompare(b.id));
  }

  async close(): Promise<void> {
    if (this.ownsClient) this.client.disconnect();
  }
}
