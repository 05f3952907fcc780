export { handleButton } from './handle-button.js';
export { handleFeedbackButton } from './feedback.js';
export { handleQuizButton } from './quiz.js';
export { handleSourcesButton } from './sources.js';
