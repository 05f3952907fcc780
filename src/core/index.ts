export { CareerAdvisor } from './career-advisor.js';
export type { AnswerWriter, AskOptions, OpenOptions } from './career-advisor.js';
export { ConversationStore } from './conversation-store.js';
