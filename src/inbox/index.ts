export type { PendingQuestion, QuestionInbox } from './types.js';
export { MemoryInbox, MemoryInboxStorage } from './memory-inbox.js';
export { SqliteInbox } from './sqlite-inbox.js';
export { RedisInbox } from './redis-inbox.js';
export { recoveryOptions, workerId } from './recovery.js';
