import type { types } from '@slack/bolt';
import type { CommandResult, QuizQuestionView, ScoreLine } from '../../../src/commands/types.js';
import { ACTION, encodeQuizValue, QUIZ_LETTERS, quizAnswerAction } from '../action-ids.js';
import { escapeMrkdwn, toMrkdwn } from '../mrkdwn.js';
import { button, contextLine, fallbackText, mrkdwnSections, sourceLabel, type Block, type SlackMessage } from './blocks.js';

type Of<K extends CommandResult['kind']> = Extract<CommandResult, { kind: K }>;

/** ":stopwatch: Closes at 10:04:20 or after 3 answers" (Slack shows the time in each reader's time zone). */
function closingLine(view: QuizQuestionView): string | undefined {
  if (view.closesAt === undefined) return undefined;
  const seconds = Math.ceil(view.closesAt / 1000);
  const after = view.closesAfter > 1 ? ` or after ${view.closesAfter} answers` : '';
  return `:stopwatch: Closes at <!date^${seconds}^{time_secs}|${new Date(seconds * 1000).toISOString().slice(11, 19)} UTC>${after}.`;
}

/**
 * A quiz question: the question, its options, and one button per option (A–D) plus "Score".
 * Buttons carry the conversation id, so anyone in the channel can answer and is scored on their own.
 */
export function renderQuizQuestion(question: QuizQuestionView, conversationId: string, intro?: string): SlackMessage {
  const value = encodeQuizValue({ conversationId, quizId: question.quizId, index: question.index });
  const letters = QUIZ_LETTERS.slice(0, question.options.length);
  const options = question.options.map((option, i) => `*${letters[i]}.* ${toMrkdwn(option)}`).join('\n');
  const buttons: types.Button[] = letters.map((letter) => button(letter, quizAnswerAction(letter), value));
  buttons.push(button('Score', ACTION.quizScore, encodeQuizValue({ conversationId })));
  const closing = closingLine(question);
  const blocks: Block[] = [
    ...(intro ? mrkdwnSections(toMrkdwn(intro)) : []),
    ...mrkdwnSections(`*Question ${question.index + 1} of ${question.total}*\n${toMrkdwn(question.question)}`),
    ...mrkdwnSections(options),
    { type: 'actions', block_id: `quiz-${question.quizId}-${question.index}`.slice(0, 255), elements: buttons },
    contextLine(`Everyone can play: your first answer counts.${closing ? ` ${closing}` : ''}`),
  ];
  const text = fallbackText(`Quiz question ${question.index + 1}/${question.total}: ${question.question} ${question.options.map((o, i) => `${letters[i]}) ${o}`).join(' ')}`);
  return { text, blocks };
}

/** For the player alone: their answer is in; whether it was right comes when the question closes. */
export function renderQuizAnswer(result: Of<'quiz-answer'>): SlackMessage {
  const closing = closingLine(result.question);
  const text = `:lock: Your answer *${result.option}* to question ${result.question.index + 1} is in. I'll post the right answer and the scores when the question closes.${closing ? ` ${closing}` : ''}`;
  return { text: fallbackText(text.replace(/<!date\^\d+\^[^|]*\|([^>]*)>/, '$1')), blocks: mrkdwnSections(text) };
}

/** A closed question for everyone: the answer, the explanation with its cited line, who got it right, and the scores. */
function roundMessage(result: Of<'quiz-round'>): SlackMessage {
  const { round } = result;
  const citation = round.citation;
  const answers = round.answers.map((a) => `${a.correct ? ':white_check_mark:' : ':x:'} <@${a.userId}> (${a.option})`).join('  ');
  const quote = citation.quote.split('\n').map((line) => `> ${toMrkdwn(line)}`).join('\n');
  const body = `*Question ${round.index + 1}: the answer is ${escapeMrkdwn(round.answer)}*\n${toMrkdwn(round.explanation)} [${citation.n}]\n${quote}`;
  const who = answers || (round.closedBy === 'time' ? 'Nobody answered in time.' : 'Nobody answered.');
  return {
    text: fallbackText(`Question ${round.index + 1}: the answer is ${round.answer}. ${round.explanation}`),
    blocks: [...mrkdwnSections(body), contextLine(sourceLabel(citation)), ...mrkdwnSections(who)],
  };
}

/** A closed question, the scores so far, then the next question or the final scoreboard. */
export function renderQuizRound(result: Of<'quiz-round'>, conversationId: string): SlackMessage[] {
  const messages = [roundMessage(result), renderScoreboard(result.scoreboard, result.finished)];
  if (result.next) messages.push(renderQuizQuestion(result.next, conversationId));
  return messages;
}
/** The scoreboard, best first. */
export function renderScoreboard(scoreboard: readonly ScoreLine[], finished: boolean): SlackMessage {
  const title = finished ? '*Quiz finished* :tada:' : '*Quiz scoreboard*';
  const sorted = [...scoreboard].sort((a, b) => b.correct - a.correct || a.answered - b.answered);
  const lines = sorted.map((s, i) => `${i + 1}. <@${s.userId}> — ${s.correct}/${s.answered} correct`);
  const body = lines.length > 0 ? lines.join('\n') : 'No answers yet.';
  const text = fallbackText(`${finished ? 'Quiz finished' : 'Quiz scoreboard'}: ${sorted.map((s) => `${s.userName ?? s.userId} ${s.correct}/${s.answered}`).join(', ') || 'no answers yet'}`);
  return { text, blocks: mrkdwnSections(`${title}\n${body}`) };
}
