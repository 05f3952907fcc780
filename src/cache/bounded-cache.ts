import { LRUCache } from 'lru-cache';

export interface BoundedCacheOptions {
  /** Most entries kept; the least recently used goes first. Every cache in the project is bounded. */
  max: number;
  /** Entries unused for this long are forgotten (omit for no expiry). */
  ttlMs?: number;
  /** Clock (tests); reading it on every access keeps a fake clock exact. */
  now?: () => number;
}

/**
 * The one cache the project uses (lru-cache): bounded by entry count, optionally expiring entries
 * that were not used for `ttlMs` (a read counts as use, as for conversation state).
 */
export function boundedCache<K extends {}, V extends {}>(options: BoundedCacheOptions): LRUCache<K, V> {
  const { max, ttlMs, now } = options;
  return new LRUCache<K, V>({
    max,
    ...(ttlMs ? { ttl: ttlMs, updateAgeOnGet: true } : {}),
    // lru-cache reads a start time of 0 as "not set", so a fake clock starting at 0 is shifted by 1 ms.
    ...(now ? { perf: { now: () => now() + 1 }, ttlResolution: 0 } : {}),
  });
}
