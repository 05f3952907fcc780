import type { FeedbackSink } from '../core/index.js';
import type { QuestionRecorder } from '../store/index.js';

/** Sends the core's 👍/👎 votes to the question store (keyed by answer id = question id). */
export function storeFeedbackSink(store: Pick<QuestionRecorder, 'recordFeedback'>): FeedbackSink {
  return {
    record(feedback) {
      store.recordFeedback({ questionId: feedback.answerId, userId: feedback.userId, vote: feedback.vote, ts: feedback.at });
    },
  };
}
