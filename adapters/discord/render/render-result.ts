import type { CommandResult } from '../../../src/commands/types.js';
import { renderAnswer } from './answer.js';
import { renderCert, renderCertCompare, renderCertList } from './cert.js';
import { packMessages } from './embed-layout.js';
import { COLORS } from './style.js';
import { renderHelp } from './help.js';
import { renderPlan, renderPlanQuestion } from './plan.js';
import { renderQuizAnswer, renderQuizQuestion, renderQuizRound, renderScoreboard } from './quiz.js';
import { renderTopic, renderTopics } from './topics.js';
import type { Rendered, Surface } from './types.js';

/** Renders any command result as Discord messages; a session's waiting question follows in its own message. */
export function renderResult(result: CommandResult, surface: Surface): Rendered {
  const body = renderBody(result, surface);
  if (!result.resume) return body;
  return { ...body, messages: [...body.messages, ...packMessages([{ color: COLORS.muted, description: result.resume }])] };
}

/** Renders a result's own content; errors are ephemeral where that is possible. */
function renderBody(result: CommandResult, surface: Surface): Rendered {
  switch (result.kind) {
    case 'answer':
      return renderAnswer(result.answer);
    case 'cert':
      return renderCert(result.card);
    case 'cert-compare':
      return renderCertCompare(result.left, result.right, result.differences, result.citations);
    case 'cert-list':
      return renderCertList(result.message, result.certifications);
    case 'plan-question':
      return renderPlanQuestion(result.question, result.confirm ? undefined : { step: result.step, of: result.totalSteps }, surface);
    case 'plan':
      return renderPlan(result.summary, result.steps, result.citations);
    case 'topics':
      return renderTopics(result.outline);
    case 'topic':
      return renderTopic(result.section, result.text, result.citations);
    case 'quiz-question':
      return renderQuizQuestion(result.question, result.intro);
    case 'quiz-answer':
      return renderQuizAnswer(result);
    case 'quiz-round':
      return renderQuizRound(result, { notice: true });
    case 'quiz-score':
      return renderScoreboard(result.scoreboard, result.finished);
    case 'help':
      return renderHelp(result.text, result.examples);
    case 'error':
      return renderError(result.message);
  }
}

/** A short warning only the asker sees (on interactions). */
export function renderError(message: string): Rendered {
  return { messages: packMessages([], { content: `⚠️ ${message}` }), ephemeral: true };
}
