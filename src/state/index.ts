export type { SharedState, StateBackend } from './types.js';
export { MemoryState, type MemoryStateOptions } from './memory-state.js';
export { RedisState, connectRedisState, type RedisStateOptions, type StateLogger } from './redis-state.js';
export { updateJson, getJson, type JsonChange } from './update-json.js';
export { JsonStore } from './json-store.js';
export { openSharedState } from './open-state.js';
