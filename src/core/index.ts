export { CareerAdvisor, MemoryFeedbackSink } from './career-advisor.js';
export type { AnswerWriter, AskOptions, FeedbackSink, OpenOptions } from './career-advisor.js';
export { ConversationStore } from './conversation-store.js';
