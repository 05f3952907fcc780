import type { ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import { answerWithText, slashCommand } from './shared.js';

/** /quiz start [topic:] [questions:] | next | score | stop — a quiz for everyone in the channel, answered with buttons. */
export const data = slashCommand('quiz', 'A multiple-choice quiz on the guide for the whole channel')
  .addSubcommand((s) =>
    s
      .setName('start')
      .setDescription('Start a quiz (everyone answers with the buttons)')
      .addStringOption((o) => o.setName('topic').setDescription('Limit the questions to a topic, e.g. certifications or salary').setMaxLength(60))
      .addIntegerOption((o) => o.setName('questions').setDescription('How many questions (default 5)').setMinValue(1).setMaxValue(20)),
  )
  .addSubcommand((s) => s.setName('next').setDescription('Close the current question and show the next one'))
  .addSubcommand((s) => s.setName('score').setDescription("This channel's quiz scoreboard"))
  .addSubcommand((s) => s.setName('stop').setDescription('End the quiz and show the final scores'));

/** The command text for a subcommand. */
export function quizText(subcommand: string, topic: string | null, questions: number | null = null): string {
  if (subcommand === 'score' || subcommand === 'stop' || subcommand === 'next') return `quiz ${subcommand}`;
  return ['quiz', topic?.trim(), questions ?? undefined].filter(Boolean).join(' ');
}

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await answerWithText(interaction, ctx, quizText(interaction.options.getSubcommand(), interaction.options.getString('topic'), interaction.options.getInteger('questions')));
}
