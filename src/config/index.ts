export { configSchema } from './schema.js';
export type { RawConfig } from './schema.js';
export { loadConfig } from './load-config.js';
export type { Config } from './load-config.js';
export { packageRoot } from './package-root.js';
