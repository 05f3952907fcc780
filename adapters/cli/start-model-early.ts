import { startUseModel } from '../../src/embeddings/use-model-thread.js';

/**
 * For commands that answer a question at once (`ask`, `chat`): starts loading the local model on
 * its thread before the command's own modules load, which takes about as long as the model. It
 * reads the one variable it needs as written rather than through the config schema, whose
 * validator alone takes a tenth of a second to import; the command validates the whole config
 * itself, so a wrong guess here only costs an idle thread.
 */
export function startModelEarly(env: NodeJS.ProcessEnv = process.env): void {
  if ((env.EMBEDDINGS_PROVIDER ?? 'local').trim().toLowerCase() !== 'local') return;
  try {
    startUseModel();
  } catch {
    // A missing build is reported by the command itself.
  }
}
