import { citationLabel } from '../../../src/answer/index.js';
import { ButtonStyle, ComponentType } from 'discord.js';
import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';
import type { CommandResult, QuizQuestionView, QuizRoundView, ScoreLine } from '../../../src/commands/types.js';
import { encodeCustomId } from '../custom-id.js';
import { linesToFields, packMessages } from './embed-layout.js';
import { BOT_NAME, COLORS } from './style.js';
import type { Rendered } from './types.js';

/** Option letters, in order. */
export const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E'] as const;

/** The 1-based number of a question (views count from 0). */
export function questionNumber(view: QuizQuestionView): number {
  return view.index + 1;
}

/** "⏱ Closes in 20 seconds or after 3 answers" (Discord shows <t:…:R> as a live relative time). */
function closingLine(view: QuizQuestionView): string | undefined {
  if (view.closesAt === undefined) return undefined;
  const after = view.closesAfter > 1 ? ` or after ${view.closesAfter} answers` : '';
  return `⏱ Closes <t:${Math.ceil(view.closesAt / 1000)}:R>${after}.`;
}

/** A quiz question as an embed with one button per option. */
export function quizQuestionEmbed(view: QuizQuestionView): APIEmbed {
  const options = view.options.map((o, i) => `**${OPTION_LETTERS[i]}.** ${o}`).join('\n');
  const closing = closingLine(view);
  return {
    color: COLORS.answer,
    title: `Quiz · question ${questionNumber(view)} of ${view.total}`,
    description: [view.question, options, closing].filter(Boolean).join('\n\n'),
    footer: { text: `${BOT_NAME} · everyone can answer; your first answer counts` },
  };
}

export function quizButtons(view: QuizQuestionView): Array<APIActionRowComponent<APIButtonComponent>> {
  const buttons: APIButtonComponent[] = view.options.slice(0, OPTION_LETTERS.length).map((_, i) => ({
    type: ComponentType.Button,
    style: ButtonStyle.Primary,
    label: OPTION_LETTERS[i]!,
    custom_id: encodeCustomId({ type: 'quiz', quizId: view.quizId, index: view.index, option: OPTION_LETTERS[i]! }),
  }));
  return [{ type: ComponentType.ActionRow, components: buttons }];
}

export function renderQuizQuestion(view: QuizQuestionView, intro?: string): Rendered {
  return { messages: packMessages([quizQuestionEmbed(view)], { content: intro, components: quizButtons(view) }), ephemeral: false };
}

/** Private: the player's answer is in; whether it was right comes when the question closes. */
export function renderQuizAnswer(result: Extract<CommandResult, { kind: 'quiz-answer' }>): Rendered {
  const closing = closingLine(result.question);
  const content = `🔒 Your answer **${result.option}** to question ${questionNumber(result.question)} is in. I'll post the right answer and the scores when the question closes.${closing ? ` ${closing}` : ''}`;
  return { messages: packMessages([], { content }), ephemeral: true };
}

/** A closed question for everyone: the answer, the explanation, the cited guide line and who got it right. */
export function quizRoundEmbed(round: QuizRoundView): APIEmbed {
  const { citation } = round;
  const answers = round.answers.map((a) => `${a.correct ? '✅' : '❌'} <@${a.userId}> (${a.option})`);
  return {
    color: COLORS.correct,
    title: `Question ${round.index + 1}: the answer is ${round.answer}`,
    description: `${round.explanation} [${citation.n}]`,
    fields: [
      ...linesToFields('Source', [`**[${citation.n}]** ${citationLabel(citation)}`, ...citation.quote.split('\n').map((l) => `> ${l}`)]),
      ...linesToFields('Answers', answers.length > 0 ? answers : [round.closedBy === 'time' ? 'Nobody answered in time.' : 'Nobody answered.']),
    ],
  };
}
export function scoreboardEmbed(scoreboard: readonly ScoreLine[], finished: boolean): APIEmbed {
  const ranked = [...scoreboard].sort((a, b) => b.correct - a.correct || a.answered - b.answered);
  const medal = (i: number) => ['🥇', '🥈', '🥉'][i] ?? `${i + 1}.`;
  // Mentions inside embeds render as names but never ping anyone.
  const lines = ranked.map((s, i) => `${medal(i)} <@${s.userId}> — ${s.correct}/${s.answered} correct`);
  return {
    color: COLORS.answer,
    title: finished ? '🏁 Quiz finished · final scores' : 'Quiz scoreboard',
    description: lines.join('\n') || 'No answers yet.',
  };
}

export function renderScoreboard(scoreboard: readonly ScoreLine[], finished: boolean): Rendered {
  return { messages: packMessages([scoreboardEmbed(scoreboard, finished)]), ephemeral: false };
}

/**
 * A closed question, then the scores so far and the next question (with its buttons), or the final
 * scoreboard. `notice` (for whoever closed it) is shown only when given.
 */
export function renderQuizRound(result: Extract<CommandResult, { kind: 'quiz-round' }>, options: { notice?: boolean } = {}): Rendered {
  const embeds = [quizRoundEmbed(result.round), scoreboardEmbed(result.scoreboard, result.finished)];
  if (result.next) embeds.push(quizQuestionEmbed(result.next));
  const content = options.notice ? result.notice : undefined;
  return { messages: packMessages(embeds, { ...(content ? { content } : {}), components: result.next ? quizButtons(result.next) : [] }), ephemeral: false };
}
