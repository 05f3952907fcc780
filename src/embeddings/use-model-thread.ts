import { Worker } from 'node:worker_threads';
import { workerScript } from '../config/package-root.js';
import { CareerAdvisorError } from '../errors.js';

export interface ModelRequest {
  id: number;
  texts: string[];
}

export type ModelReply = { id: number; vectors: number[][] } | { id: number; error: string };

/**
 * USE-lite on its own thread. Loading the model (its TensorFlow.js WebAssembly backend and
 * 28 MB of weights) is most of a cold start; on a thread it loads while the main thread imports
 * the rest and opens the index, instead of after. One thread per process (per answer worker),
 * made on first use or early by `startUseModel`. It never keeps the process alive on its own:
 * only while a request waits for vectors.
 */
export class UseModelThread {
  private readonly pending = new Map<number, { resolve(vectors: number[][]): void; reject(error: Error): void }>();
  private nextId = 0;
  private failure: Error | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: ModelReply) => this.settle(reply));
    worker.on('error', (error) => this.fail(error.message));
    worker.on('exit', (code) => this.fail(`the model thread stopped (exit code ${code})`));
    // After the listeners: adding a 'message' listener refs the worker again.
    worker.unref();
  }

  static start(): UseModelThread {
    const script = workerScript(import.meta.url, 'use-model-worker.js');
    if (!script) throw new CareerAdvisorError('EMBEDDER_FAILED', 'The model thread script use-model-worker.js is missing from dist/.', 'Run `npm run build`.');
    // The thread runs a file: a parent started with `node --input-type=module -e …` must not pass that flag on.
    const execArgv = process.execArgv.filter((arg) => !arg.startsWith('--input-type'));
    return new UseModelThread(new Worker(script, { execArgv, stdout: false, stderr: false }));
  }

  /** Vectors for the texts, in order. */
  embed(texts: string[]): Promise<number[][]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    if (this.pending.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, texts } satisfies ModelRequest);
    });
  }

  private settle(reply: ModelReply): void {
    const request = this.pending.get(reply.id);
    if (!request) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if ('vectors' in reply) request.resolve(reply.vectors);
    else request.reject(new CareerAdvisorError('EMBEDDER_FAILED', reply.error));
  }

  /** A thread that died fails what waits on it; the next `startUseModel` starts a new one. */
  private fail(message: string): void {
    this.failure ??= new CareerAdvisorError('EMBEDDER_FAILED', `The local embedding model failed: ${message}`);
    for (const request of this.pending.values()) request.reject(this.failure);
    this.pending.clear();
    if (shared === this) shared = undefined;
  }
}

let shared: UseModelThread | undefined;

/** This process's model thread, started now if it is not running: call it early to load the model in parallel. */
export function startUseModel(): UseModelThread {
  shared ??= UseModelThread.start();
  return shared;
}
