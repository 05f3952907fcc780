export type { IdentifiedEmbeddings } from './types.js';
export { LocalUseEmbeddings } from './local-use.js';
export { HashingEmbeddings } from './hashing.js';
export { OpenAICompatibleEmbeddings } from './openai.js';
export type { OpenAIEmbeddingsSettings } from './openai.js';
export { EmbeddingCache } from './embedding-cache.js';
export type { CacheStats } from './embedding-cache.js';
export { createEmbeddings } from './create-embeddings.js';
export { cosine } from './cosine.js';
