import type { types } from '@slack/bolt';
import type { CommandResult, QuizQuestionView, ScoreLine } from '../../../src/commands/types.js';
import { ACTION, encodeQuizValue, QUIZ_LETTERS, quizAnswerAction } from '../action-ids.js';
import { escapeMrkdwn, toMrkdwn } from '../mrkdwn.js';
import { button, contextLine, fallbackText, mrkdwnSections, sourceLabel, type Block, type SlackMessage } from './blocks.js';

type Of<K extends CommandResult['kind']> = Extract<CommandResult, { kind: K }>;

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
  const blocks: Block[] = [
    ...(intro ? mrkdwnSections(toMrkdwn(intro)) : []),
    ...mrkdwnSections(`*Question ${question.index + 1} of ${question.total}*\n${toMrkdwn(question.question)}`),
    ...mrkdwnSections(options),
    { type: 'actions', block_id: `quiz-${question.quizId}-${question.index}`.slice(0, 255), elements: buttons },
    contextLine('Everyone can play: pick an answer, you are scored on your own.'),
  ];
  const text = fallbackText(`Quiz question ${question.index + 1}/${question.total}: ${question.question} ${question.options.map((o, i) => `${letters[i]}) ${o}`).join(' ')}`);
  return { text, blocks };
}

/** Quiz feedback split by audience: what the thread sees, and what only the player sees. */
export interface QuizFeedbackMessages {
  public: SlackMessage[];
  private?: SlackMessage;
}

/**
 * Who answered, right or wrong, with the explanation and its citation; then the next question or the
 * scoreboard. While the question is still open for others (a wrong answer, no next question), the
 * thread only learns that the player missed; the answer and explanation go to the player alone, so
 * nobody can copy it.
 */
export function renderQuizFeedback(result: Of<'quiz-feedback'>, conversationId: string): QuizFeedbackMessages {
  const closed = result.correct || result.next !== undefined || result.scoreboard !== undefined;
  const verdict = result.correct ? ':white_check_mark: *Correct!*' : `:x: *Not quite.* The answer is *${escapeMrkdwn(result.answer)}*.`;
  const citation = result.citation;
  const explanation = `${toMrkdwn(result.explanation)}${citation && !/\[\d+\]\s*$/.test(result.explanation) ? ` [${citation.n}]` : ''}`;
  const full: SlackMessage = {
    text: fallbackText(`${result.correct ? 'Correct!' : `Not quite. The answer is ${result.answer}.`} ${result.explanation}`),
    blocks: [...mrkdwnSections(`<@${result.userId}> ${verdict}\n${explanation}`), ...(citation ? [contextLine(sourceLabel(citation))] : [])],
  };
  if (!closed) {
    const missed = `<@${result.userId}> :x: not this time. The question stays open for the others.`;
    return { public: [{ text: fallbackText('Not this time. The question stays open for the others.'), blocks: mrkdwnSections(missed) }], private: full };
  }
  const messages = [full];
  if (result.next) messages.push(renderQuizQuestion(result.next, conversationId));
  else if (result.scoreboard) messages.push(renderScoreboard(result.scoreboard, true));
  return { public: messages };
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
