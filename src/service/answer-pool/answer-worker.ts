import { parentPort, workerData } from 'node:worker_threads';
import { createCommandHandler } from '../../commands/index.js';
import type { Config } from '../../config/index.js';
import { CareerAdvisor } from '../../core/index.js';
import { analyzeQuery } from '../../retrieval/index.js';
import { openSharedState } from '../../state/index.js';
import { createLogger } from '../logger.js';
import { installProcessGuard } from '../process-guard.js';
import { toFailure, type FromWorker, type ToWorker } from './messages.js';
import { GateRequests } from './gate-requests.js';

/**
 * One answer worker thread: its own CareerAdvisor (index, embedder, retrieval, composition, LLM
 * writer) and command layer. The main thread keeps the I/O (HTTP acks, gateways, health) and sends
 * requests here; a conversation always goes to the same worker, so its follow-up context, plan and
 * quiz live in one place (in Redis, shared with every process, when REDIS_URL is set). Started by worker-pool.ts with the parsed Config as workerData.
 */
const port = parentPort!;
const send = (message: FromWorker) => port.postMessage(message);
const config = workerData as Config;
const logger = createLogger(config).child({ thread: 'answer-worker' });
installProcessGuard(logger);

try {
  // Conversation turns, plans and quizzes: with REDIS_URL the same Redis every thread and process
  // shares; without it this thread's memory, which holds because a conversation always comes here.
  // A Redis outage is warned about once, by the main thread's connection; a worker's is a debug line.
  const state = await openSharedState(config, { warn: (obj, msg) => logger.debug(obj, msg), info: (obj, msg) => logger.debug(obj, msg) });
  // The main thread built or checked the index already; a worker only loads it.
  const advisor = await CareerAdvisor.open({ ...config, INDEX_AUTO_REBUILD: false }, { llmLogger: logger, state });
  // Loads the embedding model now rather than on the first question.
  await advisor.retriever.retrieve(analyzeQuery('certification exam'));
  const commands = createCommandHandler(advisor, { state });
  const gates = new GateRequests(send);
  port.on('message', (message: ToWorker) => {
    if (message.type === 'gate-result') return gates.settle(message.id, message.refusal);
    const onToken = message.streams ? (token: string) => send({ type: 'token', id: message.id, token }) : undefined;
    const beforeRetrieval = message.gated ? () => gates.ask(message.id) : undefined;
    commands.handle({ ...message.request, ...(onToken ? { onToken } : {}), ...(beforeRetrieval ? { beforeRetrieval } : {}) }).then(
      (result) => send({ type: 'result', id: message.id, result }),
      (error: unknown) => send({ type: 'error', id: message.id, error: toFailure(error) }),
    );
  });
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'failed', error: toFailure(error) });
}
