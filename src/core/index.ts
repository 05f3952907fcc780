export { CareerAdvisor, MemoryFeedbackSink } from './career-advisor.js';
export type { AskOptions, FeedbackSink, OpenOptions } from './career-advisor.js';
export type { AnswerWriter } from '../answer/index.js';
export { ConversationStore } from './conversation-store.js';
