import { loadConfig } from '../../src/config/index.js';
import { startUseModel } from '../../src/embeddings/use-model-thread.js';

/**
 * For commands that answer a question at once (`ask`, `chat`): starts loading the local model on
 * its thread before the command's own modules load, which takes about as long as the model.
 */
export function startModelEarly(): void {
  try {
    if (loadConfig().EMBEDDINGS_PROVIDER === 'local') startUseModel();
  } catch {
    // A bad configuration or a missing build is reported by the command itself.
  }
}
