import type { CommandRequest, CommandResult } from '../../commands/types.js';

/** A request as it crosses to a worker: everything but the callbacks (tokens, the rate-limit gate), which stay here. */
export type WorkerRequest = Omit<CommandRequest, 'onToken' | 'beforeRetrieval'>;

/** Main thread → worker. `gated`: ask the main thread before retrieval (its rate limit); `gate-result` answers, with the refusal if any. */
export type ToWorker =
  | { type: 'handle'; id: number; request: WorkerRequest; streams: boolean; gated: boolean }
  | { type: 'gate-result'; id: number; refusal?: WorkerFailure };

/** A failure inside a worker, as plain data (Error objects lose their class across threads). */
export interface WorkerFailure {
  name: string;
  message: string;
  code?: string;
}

/** Worker → main thread. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; error: WorkerFailure }
  | { type: 'token'; id: number; token: string }
  | { type: 'gate'; id: number }
  | { type: 'result'; id: number; result: CommandResult }
  | { type: 'error'; id: number; error: WorkerFailure };

export function toFailure(error: unknown): WorkerFailure {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: 'Error', message: String(error) };
}
