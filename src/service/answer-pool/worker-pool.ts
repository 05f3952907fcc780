import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { CommandHandler, CommandRequest, CommandResult } from '../../commands/types.js';
import { workerScript, type Config } from '../../config/index.js';
import { CareerAdvisorError, type ErrorCode } from '../../errors.js';
import { toFailure, type FromWorker, type ToWorker, type WorkerFailure } from './messages.js';

interface Task {
  workerIndex: number;
  resolve(result: CommandResult): void;
  reject(error: Error): void;
  onToken?: (token: string) => void;
  beforeRetrieval?: () => Promise<void>;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  /** Set when the worker exited and was not replaced: requests for it fail at once. */
  gone?: boolean;
}

/** A worker that dies is replaced, but not in a tight loop: at most this many restarts per slot. */
const MAX_RESTARTS = 20;

/**
 * The command layer on `config.WORKER_THREADS` worker threads (node:worker_threads), so embedding,
 * retrieval and composition never hold up the main thread's event loop (HTTP acks, Discord
 * heartbeats, /healthz). A small pool of our own rather than piscina because a conversation must
 * always reach the same worker: without REDIS_URL its follow-up context, plan and quiz state live
 * there (with it they live in Redis, which every worker opens).
 *
 * A worker that dies fails only the requests it was working on (the caller answers those with an
 * apology) and is replaced.
 */
export class AnswerWorkerPool implements CommandHandler {
  private readonly slots: Slot[] = [];
  private readonly tasks = new Map<number, Task>();
  private readonly restarts: number[] = [];
  private nextId = 1;
  private closing = false;

  private constructor(
    private readonly config: Config,
    private readonly logger: Logger,
  ) {}

  /** Starts the workers and resolves once each has loaded the index and the embedder. */
  static async start(config: Config, logger: Logger): Promise<AnswerWorkerPool> {
    const pool = new AnswerWorkerPool(config, logger);
    for (let i = 0; i < config.WORKER_THREADS; i++) {
      pool.restarts.push(0);
      pool.slots.push(pool.spawn(i));
    }
    try {
      await Promise.all(pool.slots.map((s) => s.ready));
    } catch (error) {
      await pool.close();
      throw error;
    }
    logger.info({ workers: config.WORKER_THREADS }, 'answer workers ready');
    return pool;
  }

  get size(): number {
    return this.slots.length;
  }

  handle(request: CommandRequest): Promise<CommandResult> {
    const { onToken, beforeRetrieval, ...plain } = request;
    const workerIndex = affinity(request.conversationId, this.slots.length);
    const id = this.nextId++;
    const slot = this.slots[workerIndex]!;
    if (slot.gone) return Promise.reject(new Error(`answer worker ${workerIndex} is not running`));
    return new Promise<CommandResult>((resolve, reject) => {
      this.tasks.set(id, { workerIndex, resolve, reject, ...(onToken ? { onToken } : {}), ...(beforeRetrieval ? { beforeRetrieval } : {}) });
      const message: ToWorker = { type: 'handle', id, request: plain, streams: onToken !== undefined, gated: beforeRetrieval !== undefined };
      slot.worker.postMessage(message);
    });
  }

  /** Stops every worker; requests still running fail. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.failTasks(() => true, new Error('the answer workers were stopped'));
  }

  private spawn(index: number): Slot {
    const worker = new Worker(workerEntry(), { workerData: this.config, stdout: false, stderr: false });
    const ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') resolve();
        else if (message.type === 'failed') reject(fromFailure(message.error));
        else this.onMessage(message);
      });
      worker.once('exit', (code) => {
        reject(new Error(`answer worker ${index} exited with code ${code} while starting`));
        this.onExit(index, worker, code);
      });
    });
    // Handled where it matters (start-up awaits it; later deaths are logged in onExit).
    ready.catch(() => undefined);
    worker.on('error', (error) => this.logger.error({ err: { name: error.name, message: error.message }, worker: index }, 'answer worker crashed'));
    return { worker, ready };
  }

  private onMessage(message: Exclude<FromWorker, { type: 'ready' } | { type: 'failed' }>): void {
    const task = this.tasks.get(message.id);
    if (!task) return;
    if (message.type === 'token') {
      task.onToken?.(message.token);
      return;
    }
    if (message.type === 'gate') {
      void this.passGate(message.id, task);
      return;
    }
    this.tasks.delete(message.id);
    if (message.type === 'result') task.resolve(message.result);
    else task.reject(fromFailure(message.error));
  }

  /** Runs the request's rate-limit gate here (the limiter lives on this thread) and tells the worker the outcome. */
  private async passGate(id: number, task: Task): Promise<void> {
    const refusal = await task.beforeRetrieval?.().then(
      () => undefined,
      (error: unknown) => toFailure(error),
    );
    const reply: ToWorker = { type: 'gate-result', id, ...(refusal ? { refusal } : {}) };
    this.slots[task.workerIndex]?.worker.postMessage(reply);
  }

  private onExit(index: number, worker: Worker, code: number): void {
    if (this.slots[index]?.worker !== worker) return;
    this.failTasks((task) => task.workerIndex === index, new Error(`answer worker ${index} stopped (exit code ${code})`));
    if (this.closing) return;
    if (this.restarts[index]! >= MAX_RESTARTS) {
      this.slots[index]!.gone = true;
      this.logger.error({ worker: index, code }, 'answer worker keeps dying; not restarting it');
      return;
    }
    this.restarts[index]!++;
    this.logger.error({ worker: index, code }, 'answer worker stopped; starting a new one');
    this.slots[index] = this.spawn(index);
  }

  private failTasks(which: (task: Task) => boolean, error: Error): void {
    for (const [id, task] of this.tasks) {
      if (!which(task)) continue;
      this.tasks.delete(id);
      task.reject(error);
    }
  }
}

/** The same conversation always maps to the same worker (FNV-1a of its id). */
export function affinity(conversationId: string, workers: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < conversationId.length; i++) {
    hash ^= conversationId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % workers;
}

const ERROR_CODES: ReadonlySet<string> = new Set<ErrorCode>(['CONFIG_INVALID', 'INPUT_INVALID', 'INDEX_MISSING', 'INDEX_CORRUPT', 'INDEX_STALE', 'KNOWLEDGE_EMPTY', 'EMBEDDER_FAILED', 'LLM_UNAVAILABLE', 'BUSY', 'NOT_FOUND', 'RATE_LIMITED']);

/** A worker's failure as an error of the right kind here (coded errors keep their code). */
function fromFailure(failure: WorkerFailure): Error {
  if (failure.code && ERROR_CODES.has(failure.code)) return new CareerAdvisorError(failure.code as ErrorCode, failure.message);
  return Object.assign(new Error(failure.message), { name: failure.name });
}

/** The compiled worker script (see workerScript: the built copy in dist/ even under vitest). */
function workerEntry(): string {
  const built = workerScript(import.meta.url, 'answer-worker.js');
  if (!built) throw new CareerAdvisorError('CONFIG_INVALID', 'The answer worker script answer-worker.js is missing from dist/.', 'Run `npm run build`, or set WORKER_THREADS=0 to answer on the main thread.');
  return built;
}
