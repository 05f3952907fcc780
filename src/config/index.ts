export { configSchema } from './schema.js';
export type { RawConfig } from './schema.js';
export { loadConfig } from './load-config.js';
export type { Config } from './load-config.js';
export { packageRoot, workerScript } from './package-root.js';
export { describeConfig, configMarkdownTable } from './describe-config.js';
export type { ConfigVariable } from './describe-config.js';
