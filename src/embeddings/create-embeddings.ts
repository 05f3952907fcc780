import type { Config } from '../config/index.js';
import { LocalUseEmbeddings } from './local-use.js';
import { OpenAICompatibleEmbeddings } from './openai.js';
import type { IdentifiedEmbeddings } from './types.js';

/** The embedder the configuration asks for. */
export function createEmbeddings(config: Config): IdentifiedEmbeddings {
  if (config.EMBEDDINGS_PROVIDER === 'openai') {
    return new OpenAICompatibleEmbeddings({
      model: config.EMBEDDINGS_MODEL,
      apiKey: config.OPENAI_API_KEY ?? 'not-needed',
      baseURL: config.OPENAI_BASE_URL,
      dimensions: config.EMBEDDINGS_DIMENSIONS,
      timeoutMs: config.LLM_TIMEOUT_MS,
    });
  }
  return new LocalUseEmbeddings();
}
