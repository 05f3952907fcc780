export { answerSchema, citationSchema } from './schema.js';
export type { Answer, Citation } from './schema.js';
export { composeExtractiveAnswer, leadLine, SUPPORT_THRESHOLD } from './extractive-composer.js';
export type { ComposedAnswer } from './extractive-composer.js';
export { isFollowUp, followUpContext } from './follow-up.js';
export type { ConversationTurn } from './follow-up.js';
export { smallTalkReply } from './small-talk.js';
