import { randomUUID } from 'node:crypto';
import { shownSources } from '../../../src/answer/index.js';
import type { Citation } from '../../../src/answer/index.js';
import type { CommandResult, QuizQuestionView } from '../../../src/commands/types.js';
import { mrkdwnSections, type SlackMessage } from './blocks.js';
import { toMrkdwn } from '../mrkdwn.js';
import { renderAnswer } from './render-answer.js';
import { compareCitations, renderCert, renderCertCompare, renderCertList, renderError, renderHelp, renderPlan, renderPlanQuestion, renderTopic, renderTopics, type Surface } from './render-cards.js';

export type { Surface } from './render-cards.js';
import { renderQuizAnswer, renderQuizQuestion, renderQuizRound, renderScoreboard } from './render-quiz.js';

/** What a command result becomes in Slack. */
export interface RenderedResult {
  /** Usually one message; long answers and quiz feedback with a next question are two or more. */
  messages: SlackMessage[];
  /** For the requesting user only (their quiz answer is in; the note on the answer that closed a question). */
  privateMessage?: SlackMessage;
  /** Citations the "Sources" button will show, stored by the adapter under `key`. */
  sources?: { key: string; citations: Citation[] };
  /** The quiz question now open in this conversation, so clicks on older questions can be refused. */
  openQuestion?: QuizQuestionView;
  /** The quiz ended (no further question). */
  quizFinished?: boolean;
}

/**
 * Renders any command result as Block Kit messages. `conversationId` goes into quiz buttons so a click
 * reaches the quiz it belongs to; `surface` (thread, DM, slash command) decides how to tell the user to reply.
 */
export function renderResult(result: CommandResult, conversationId: string, surface: Surface = 'thread'): RenderedResult {
  const body = renderBody(result, conversationId, surface);
  // A session's waiting question ("Back to your career plan: …") follows the reply in its own message.
  return result.resume ? { ...body, messages: [...body.messages, { text: result.resume, blocks: mrkdwnSections(toMrkdwn(result.resume)) }] } : body;
}

function renderBody(result: CommandResult, conversationId: string, surface: Surface): RenderedResult {
  const cited = (citations: Citation[], key: string = randomUUID()) => (citations.length > 0 ? { key, citations } : undefined);
  switch (result.kind) {
    case 'answer': {
      const sources = cited(shownSources(result.answer)?.citations ?? [], result.answer.id);
      return { messages: renderAnswer(result.answer, sources?.key), sources };
    }
    case 'cert': {
      const sources = cited(result.card.citations);
      return { messages: renderCert(result, sources?.key), sources };
    }
    case 'cert-compare': {
      const sources = cited(compareCitations(result).citations);
      return { messages: renderCertCompare(result, sources?.key), sources };
    }
    case 'cert-list':
      return { messages: renderCertList(result) };
    case 'plan-question':
      return { messages: renderPlanQuestion(result, surface) };
    case 'plan': {
      const sources = cited(result.citations);
      return { messages: renderPlan(result, sources?.key), sources };
    }
    case 'topics':
      return { messages: renderTopics(result) };
    case 'topic': {
      const sources = cited(result.citations);
      return { messages: renderTopic(result, sources?.key), sources };
    }
    case 'quiz-question':
      return { messages: [renderQuizQuestion(result.question, conversationId, result.intro)], openQuestion: result.question };
    case 'quiz-answer':
      return { messages: [], privateMessage: renderQuizAnswer(result) };
    case 'quiz-round':
      return {
        messages: renderQuizRound(result, conversationId),
        ...(result.notice ? { privateMessage: { text: result.notice, blocks: mrkdwnSections(result.notice) } } : {}),
        ...(result.next ? { openQuestion: result.next } : { quizFinished: true }),
      };
    case 'quiz-score':
      return { messages: [renderScoreboard(result.scoreboard, result.finished)], ...(result.finished ? { quizFinished: true } : {}) };
    case 'help':
      return { messages: renderHelp(result) };
    case 'error':
      return { messages: renderError(result) };
  }
}
