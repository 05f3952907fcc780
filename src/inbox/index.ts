export type { PendingQuestion, QuestionInbox } from './types.js';
export { RedisInbox } from './redis-inbox.js';
