import type { OpenAIEmbeddings } from '@langchain/openai';
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
  private clientLoaded: Promise<OpenAIEmbeddings> | undefined;
  private knownDimension: number | undefined;

  constructor(private readonly settings: OpenAIEmbeddingsSettings) {
    this.id = `openai:${settings.model}${settings.dimensions ? `:${settings.dimensions}` : ''}@${settings.baseURL ?? 'api.openai.com'}`;
    this.knownDimension = settings.dimensions;
  }

  /** The LangChain client, imported on first use: `@langchain/openai` is a large import that a cold start need not pay for up front. */
  private client(): Promise<OpenAIEmbeddings> {
    const { model, apiKey, dimensions, timeoutMs, baseURL } = this.settings;
    this.clientLoaded ??= import('@langchain/openai').then(
      ({ OpenAIEmbeddings }) =>
        new OpenAIEmbeddings({ model, apiKey, dimensions, timeout: timeoutMs, maxRetries: 2, configuration: baseURL ? { baseURL } : undefined }),
    );
    return this.clientLoaded;
  }

  async dimension(): Promise<number> {
    this.knownDimension ??= (await this.embedQuery('dimension probe')).length;
    return this.knownDimension;
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    return (await this.client()).embedDocuments(documents);
  }

  async embedQuery(document: string): Promise<number[]> {
    return (await this.client()).embedQuery(document);
  }
}
