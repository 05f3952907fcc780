import { citationLabel } from '../../../src/answer/index.js';
import { ButtonStyle, ComponentType } from 'discord.js';
import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js';
import type { Citation } from '../../../src/answer/index.js';
import type { QuizQuestionView, ScoreLine } from '../../../src/commands/types.js';
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

/** A quiz question as an embed with one button per option. */
export function quizQuestionEmbed(view: QuizQuestionView): APIEmbed {
  const options = view.options.map((o, i) => `**${OPTION_LETTERS[i]}.** ${o}`).join('\n');
  return {
    color: COLORS.answer,
    title: `Quiz · question ${questionNumber(view)} of ${view.total}`,
    description: `${view.question}\n\n${options}`,
    footer: { text: `${BOT_NAME} · everyone can answer; scores are per person` },
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

/** The verdict on one person's answer, with the explanation and the cited guide line. */
export function quizFeedbackEmbed(feedback: { correct: boolean; answer: string; explanation: string; citation: Citation }): APIEmbed {
  const { correct, answer, explanation, citation } = feedback;
  return {
    color: correct ? COLORS.correct : COLORS.wrong,
    title: correct ? `✅ Correct: ${answer}` : `❌ Not quite. The answer is ${answer}`,
    description: `${explanation} [${citation.n}]`,
    fields: linesToFields('Source', [`**[${citation.n}]** ${citationLabel(citation)}`, ...citation.quote.split('\n').map((l) => `> ${l}`)]),
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

/** Feedback, then the next question (with buttons) or the final scoreboard, in one public reply. */
export function renderQuizFeedback(feedback: Parameters<typeof quizFeedbackEmbed>[0] & { next?: QuizQuestionView; scoreboard?: ScoreLine[] }): Rendered {
  const embeds = [quizFeedbackEmbed(feedback)];
  if (feedback.next) embeds.push(quizQuestionEmbed(feedback.next));
  else if (feedback.scoreboard) embeds.push(scoreboardEmbed(feedback.scoreboard, true));
  return { messages: packMessages(embeds, { components: feedback.next ? quizButtons(feedback.next) : [] }), ephemeral: false };
}

/** Just the private verdict, for the person who clicked. */
export function renderQuizVerdict(feedback: Parameters<typeof quizFeedbackEmbed>[0]): Rendered {
  return { messages: packMessages([quizFeedbackEmbed(feedback)]), ephemeral: true };
}
