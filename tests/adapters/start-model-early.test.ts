import { beforeEach, describe, expect, it, vi } from 'vitest';

const startUseModel = vi.fn();
vi.mock('../../src/embeddings/use-model-thread.js', () => ({ startUseModel }));
const { startModelEarly } = await import('../../adapters/cli/start-model-early.js');

// `ask` and `chat` start the local model before their own modules load; only for the local provider.
describe('startModelEarly', () => {
  beforeEach(() => startUseModel.mockClear());

  it('starts the model thread for the default and the local provider', () => {
    startModelEarly({});
    startModelEarly({ EMBEDDINGS_PROVIDER: 'local' });
    expect(startUseModel).toHaveBeenCalledTimes(2);
  });

  it('leaves it alone when another provider is configured', () => {
    startModelEarly({ EMBEDDINGS_PROVIDER: 'openai' });
    expect(startUseModel).not.toHaveBeenCalled();
  });

  it('never throws: a missing build is for the command to report', () => {
    startUseModel.mockImplementationOnce(() => {
      throw new Error('use-model-worker.js is missing');
    });
    expect(() => startModelEarly({})).not.toThrow();
  });
});
