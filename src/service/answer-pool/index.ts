export { AnswerWorkerPool, affinity } from './worker-pool.js';
