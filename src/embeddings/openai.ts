import { OpenAIEmbeddings } from '@langchain/openai';
import type { IdentifiedEmbeddings } from './types.js';

export interface OpenAIEmbeddingsSettings {
  model: string;
  apiKey: string;
  baseURL?: string;
  dimensions?: number;
  timeoutMs: number;
}

/**
 * Embeddings from any OpenAI-compatible endpoint through `@langchain/openai`.
 * The id includes the base URL, so switching servers triggers a rebuild of the index.
 */
export class OpenAICompatibleEmbeddings implements IdentifiedEmbeddings {
  readonly id: string;
  private readonly client: OpenAIEmbeddings;
  private knownDimension: number | undefined;

  constructor(settings: OpenAIEmbeddingsSettings) {
    this.id = `openai:${settings.model}${settings.dimensions ? `:${settings.dimensions}` : ''}@${settings.baseURL ?? 'api.openai.com'}`;
    this.knownDimension = settings.dimensions;
    this.client = new OpenAIEmbeddings({
      model: settings.model,
      apiKey: settings.apiKey,
      dimensions: settings.dimensions,
      timeout: settings.timeoutMs,
      maxRetries: 2,
      configuration: settings.baseURL ? { baseURL: settings.baseURL } : undefined,
    });
  }

  async dimension(): Promise<number> {
    this.knownDimension ??= (await this.client.embedQuery('dimension probe')).length;
    return this.knownDimension;
  }

  embedDocuments(documents: string[]): Promise<number[][]> {
    return this.client.embedDocuments(documents);
  }

  embedQuery(document: string): Promise<number[]> {
    return this.client.embedQuery(document);
  }
}
