import { MessageFlags } from 'discord.js';
import type { ButtonInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import { decodeCustomId } from '../custom-id.js';
import { handleFeedbackButton } from './feedback.js';
import { handleQuizButton } from './quiz.js';
import { handleSourcesButton } from './sources.js';
import { handleSuggestionButton } from './suggestion.js';

/** Routes a button click by its custom id; unknown ids (old versions, other bots) get a polite note. */
export async function handleButton(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const action = decodeCustomId(interaction.customId);
  switch (action?.type) {
    case 'feedback':
      return handleFeedbackButton(interaction, ctx, action.vote, action.answerId);
    case 'sources':
      return handleSourcesButton(interaction, ctx, action.answerId);
    case 'suggestion':
      return handleSuggestionButton(interaction, ctx, action.answerId, action.index);
    case 'quiz':
      return handleQuizButton(interaction, ctx, action.quizId, action.index, action.option);
    default:
      await interaction.reply({ content: 'This button has expired.', flags: MessageFlags.Ephemeral });
  }
}
