export { answerButtons, renderAnswer, renderQuotes, sourceLines } from './answer.js';
export { certEmbed, renderCert, renderCertCompare, renderCertList } from './cert.js';
export { fitEmbed, linesToFields, packMessages, truncate } from './embed-layout.js';
export { renderHelp } from './help.js';
export { DISCORD_LIMITS, embedLength, limitViolations } from './limits.js';
export { renderPlan, renderPlanQuestion } from './plan.js';
export {
  OPTION_LETTERS,
  questionNumber,
  quizButtons,
  quizQuestionEmbed,
  quizRoundEmbed,
  renderQuizAnswer,
  renderQuizQuestion,
  renderQuizRound,
  renderScoreboard,
  scoreboardEmbed,
} from './quiz.js';
export { renderError, renderResult } from './render-result.js';
export { splitText } from './split-text.js';
export { renderTopic, renderTopics } from './topics.js';
export type { MessagePayload, Rendered, Surface } from './types.js';
