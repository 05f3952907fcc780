export { LIMITS, type Block, type SlackMessage } from './blocks.js';
export { renderAnswer, renderSources } from './render-answer.js';
export { renderResult, type RenderedResult, type Surface } from './render-result.js';
export { renderQuizQuestion, renderQuizAnswer, renderQuizRound, renderScoreboard } from './render-quiz.js';
