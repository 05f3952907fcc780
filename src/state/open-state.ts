import type { Config } from '../config/index.js';
import { MemoryState } from './memory-state.js';
import type { StateLogger } from './redis-state.js';
import type { SharedState } from './types.js';

/**
 * The shared state a running bot uses: Redis when REDIS_URL is set (ioredis is only loaded
 * then), this process's memory otherwise.
 */
export async function openSharedState(config: Pick<Config, 'REDIS_URL' | 'REDIS_PREFIX'>, logger?: StateLogger): Promise<SharedState> {
  if (!config.REDIS_URL) return new MemoryState();
  const { connectRedisState } = await import('./redis-state.js');
  return connectRedisState(config.REDIS_URL, { keyPrefix: config.REDIS_PREFIX, ...(logger ? { logger } : {}) });
}
