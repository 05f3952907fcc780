export { boundedCache } from './bounded-cache.js';
export type { BoundedCacheOptions } from './bounded-cache.js';
