import { ChannelType, ThreadAutoArchiveDuration } from 'discord.js';
import type { ChatInputCommandInteraction } from 'discord.js';
import { runText, type BotContext } from '../context.js';
import { errorFields } from '../logger.js';
import { renderResult, truncate } from '../render/index.js';
import { replaceReply, sendToChannel } from '../respond.js';
import { answerWithText, askerOf, interactionPlace, slashCommand } from './shared.js';

/** /plan [about:] — a guided career plan, held in its own thread (or in the DM). */
export const data = slashCommand('plan', 'A step-by-step career plan from the guide, built with you')
  .addStringOption((o) => o.setName('about').setDescription('Where you are now, e.g. "medical assistant, 2 years, no certification"').setMaxLength(1000));

/**
 * In a server text channel the plan moves to a new public thread started from the reply, so the
 * guided questions and answers stay together (the thread is the conversation). In a DM or an
 * existing thread it runs in place. If the thread can't be created (permissions), it runs in
 * the channel instead.
 */
export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const about = interaction.options.getString('about')?.trim();
  const text = about ? `plan ${about}` : 'plan';
  const place = interactionPlace(interaction);
  const channel = interaction.channel;
  const canThread = !place.isDM && !place.threadId && (channel?.type === ChannelType.GuildText || channel?.type === ChannelType.GuildAnnouncement);
  if (!canThread) return answerWithText(interaction, ctx, text);

  await interaction.deferReply();
  const asker = askerOf(interaction);
  const reply = await interaction.editReply({ content: `🧭 Let's build ${asker.name ? `${asker.name}'s` : 'your'} career plan in a thread.` });
  let thread;
  try {
    thread = await reply.startThread({ name: truncate(`Career plan · ${asker.name ?? 'you'}`, 100), autoArchiveDuration: ThreadAutoArchiveDuration.OneDay });
  } catch (error) {
    ctx.logger.warn({ ...errorFields(error), channelId: interaction.channelId }, 'could not create a plan thread; planning in the channel');
    return replaceReply(interaction, renderResult(await runText(ctx, place, text, asker), 'channel'));
  }
  const threadPlace = { ...place, channelId: thread.id, threadId: thread.id, parentId: place.channelId };
  const result = await runText(ctx, threadPlace, text, asker);
  await sendToChannel(thread, renderResult(result, 'thread'), { content: `<@${asker.id}>`, userIds: [asker.id] });
}
