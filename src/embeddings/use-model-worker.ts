import { parentPort } from 'node:worker_threads';
import { loadUseModel } from './use-model.js';
import type { ModelReply, ModelRequest } from './use-model-thread.js';

// The model starts loading as soon as the thread starts, before anything asks for a vector.
const model = loadUseModel();
// A failed load is reported to each request below.
model.catch(() => undefined);

parentPort!.on('message', async ({ id, texts }: ModelRequest) => {
  let reply: ModelReply;
  try {
    reply = { id, vectors: await (await model).embed(texts) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
