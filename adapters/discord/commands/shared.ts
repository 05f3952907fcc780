import { ApplicationIntegrationType, InteractionContextType, MessageFlags, SlashCommandBuilder } from 'discord.js';
import type { ChatInputCommandInteraction, RepliableInteraction } from 'discord.js';
import { runText, type Asker, type BotContext } from '../context.js';
import { placeOf, surfaceOf, type Place } from '../conversation.js';
import { renderResult } from '../render/index.js';
import { discordPreview, sendToInteraction } from '../respond.js';
import { completeQuestion, recordQuestion } from '../../shared/pending-questions.js';
import { inboxLog } from '../message-handler.js';
import { pendingInteraction } from '../pending-interaction.js';

/** A slash command usable in servers and in DMs with the bot. */
export function slashCommand(name: string, description: string): SlashCommandBuilder {
  return new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
}

export function interactionPlace(interaction: RepliableInteraction): Place {
  return placeOf(interaction.channel, interaction.channelId ?? interaction.user.id, interaction.user.id, interaction.inGuild(), interaction.guildId);
}

export function askerOf(interaction: RepliableInteraction): Asker {
  const member = interaction.member;
  const name = member && 'displayName' in member ? member.displayName : interaction.user.displayName;
  return { id: interaction.user.id, name };
}

/**
 * The common slash-command flow: acknowledge at once (deferReply, so the 3 s deadline can't
 * pass while the answer is written), run the command text, render, edit the reply. While a
 * language model writes an answer, the reply shows it (edited at most once a second); the
 * rendered result then replaces that preview. Without tokens nothing changes.
 */
export async function answerWithText(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
  text: string,
  options: { ephemeral?: boolean } = {},
): Promise<void> {
  const place = interactionPlace(interaction);
  const asker = askerOf(interaction);
  // Recorded before the deferral, so a crash once Discord shows "thinking…" cannot lose the question.
  const pending = pendingInteraction(interaction, text, place, asker);
  if (!(await recordQuestion(ctx.inbox, pending, inboxLog(ctx)))) return;
  try {
    await answerDeferred(interaction, ctx, text, place, asker, options.ephemeral ?? false);
  } finally {
    await completeQuestion(ctx.inbox, pending.id, inboxLog(ctx));
  }
}

async function answerDeferred(interaction: ChatInputCommandInteraction, ctx: BotContext, text: string, place: Place, asker: Asker, ephemeral: boolean): Promise<void> {
  await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  const stream = discordPreview(ctx.logger, async (content) => void (await interaction.editReply({ content })), { interaction: `/${interaction.commandName}`, channelId: interaction.channelId });
  let result;
  try {
    result = await runText(ctx, place, text, asker, stream.push);
  } catch (error) {
    await stream.close();
    // The error reply follows up privately; a half-written public preview must not stay behind.
    if (stream.started && interaction.replied) await interaction.deleteReply().catch(() => undefined);
    throw error;
  }
  const rendered = renderResult(result, surfaceOf(place));
  if (stream.started) await stream.finish(() => sendToInteraction(interaction, rendered, { previewShown: true }));
  else await sendToInteraction(interaction, rendered);
  if (result.reminder) await interaction.followUp({ content: `🔒 ${result.reminder}`, flags: MessageFlags.Ephemeral });
}
