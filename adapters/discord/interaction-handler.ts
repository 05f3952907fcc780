import { MessageFlags } from 'discord.js';
import type { ChatInputCommandInteraction, Interaction, RepliableInteraction } from 'discord.js';
import { handleButton } from './buttons/index.js';
import { findSlashCommand, interactionPlace } from './commands/index.js';
import type { BotContext } from './context.js';
import { isAllowed } from './conversation.js';
import { errorFields } from './logger.js';
import { replyWithError } from './respond.js';
import { isUserError, userMessageFor } from './user-message.js';

/**
 * Routes slash commands and button clicks. Never throws: a failure is logged and the user
 * always gets an (ephemeral) answer, whatever state the interaction was left in.
 */
export async function handleInteraction(ctx: BotContext, interaction: Interaction): Promise<void> {
  if (interaction.isChatInputCommand()) await guarded(ctx, interaction, () => runSlashCommand(ctx, interaction));
  else if (interaction.isButton()) await guarded(ctx, interaction, () => handleButton(interaction, ctx));
}

async function runSlashCommand(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const command = findSlashCommand(interaction.commandName);
  if (!command) {
    await interaction.reply({ content: `I don't know /${interaction.commandName} (yet). Try /help.`, flags: MessageFlags.Ephemeral });
    return;
  }
  const allowList = ctx.config.DISCORD_CHANNEL_IDS;
  if (!isAllowed(interactionPlace(interaction), allowList)) {
    const where = allowList.map((id) => `<#${id}>`).join(', ');
    await interaction.reply({ content: `I only answer in ${where} (or in a DM).`, flags: MessageFlags.Ephemeral });
    return;
  }
  await command.execute(interaction, ctx);
}

async function guarded(ctx: BotContext, interaction: RepliableInteraction, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const what = interaction.isChatInputCommand() ? `/${interaction.commandName}` : interaction.isButton() ? `button ${interaction.customId}` : 'interaction';
    // pino methods need their `this`, hence the indexed call.
    ctx.logger[isUserError(error) ? 'info' : 'error']({ ...errorFields(error), interaction: what, channelId: interaction.channelId }, 'failed to handle an interaction');
    await replyWithError(interaction, userMessageFor(error)).catch((replyError: unknown) => {
      // Expired (>15 min) or already-deleted interactions can't be answered any more.
      ctx.logger.warn({ ...errorFields(replyError), interaction: what }, 'could not send the error reply');
    });
  }
}
