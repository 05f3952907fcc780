import type { Client, Message, TextBasedChannel } from 'discord.js';
import type { PendingQuestion } from '../../src/inbox/index.js';
import { completeQuestion, recordQuestion, type InboxLog } from '../shared/pending-questions.js';
import { claimEvent, runText, type BotContext } from './context.js';
import { isAllowed, placeOf, stripMention, surfaceOf } from './conversation.js';
import { errorFields, type DiscordLogger } from './logger.js';
import { renderResult } from './render/index.js';
import { discordPreview, sendToMessage } from './respond.js';
import { isUserError, userMessageFor } from './user-message.js';

/** Discord shows "typing…" for 10 s; refresh it a little sooner while an answer is being written. */
const TYPING_REFRESH_MS = 8000;

/**
 * Answers a mention (`@bot how much do coders make?`) or a DM as a reply. Ignores bots (itself
 * included), system and webhook messages, guild messages that don't mention the bot, and channels
 * outside DISCORD_CHANNEL_IDS. Works without the Message Content intent: Discord still sends the
 * content of mentions and DMs. Never throws: failures are logged and the user gets an apology.
 * While a language model writes an answer, the reply is sent at the first token and edited as more
 * arrive (at most once a second); the rendered result then replaces it.
 */
export async function handleMessage(ctx: BotContext, client: Client, message: Message, options: { recovered?: boolean } = {}): Promise<void> {
  const me = client.user;
  if (!me || message.author.bot || message.system || message.webhookId) return;
  const inGuild = message.inGuild();
  const botRoleId = inGuild ? message.guild.members.me?.roles.botRole?.id : undefined;
  const mentioned = message.mentions.users.has(me.id) || (botRoleId !== undefined && message.mentions.roles.has(botRoleId));
  if (inGuild && !mentioned) return;
  const place = placeOf(message.channel, message.channelId, message.author.id, inGuild, message.guildId);
  if (!isAllowed(place, ctx.config.DISCORD_CHANNEL_IDS)) {
    ctx.logger.debug({ channelId: message.channelId }, 'mention outside DISCORD_CHANNEL_IDS ignored');
    return;
  }
  // A recovered message was claimed before the restart (that claim may still be in Redis) and is
  // leased to this process by the inbox, so it skips both checks.
  if (!options.recovered) {
    // Claimed only once we know we would answer, so chatter in busy servers costs no Redis writes.
    if (!(await claimEvent(ctx, message.id))) return;
    // Recorded before "typing…" shows, so a crash from here on cannot lose the question.
    if (!(await recordQuestion(ctx.inbox, pendingMessage(message), inboxLog(ctx)))) return;
  }
  const id = discordQuestionId(message.id);
  try {
    await answerMessage(ctx, me.id, botRoleId, place, message);
  } finally {
    await completeQuestion(ctx.inbox, id, inboxLog(ctx));
  }
}

/** The inbox id of a Discord message. */
export function discordQuestionId(messageId: string): string {
  return `discord:${messageId}`;
}

/** What is stored to answer a message after a restart: where to fetch it again. */
export interface DiscordPendingMessage {
  kind: 'message';
  channelId: string;
  messageId: string;
}

function pendingMessage(message: Message): PendingQuestion {
  const payload: DiscordPendingMessage = { kind: 'message', channelId: message.channelId, messageId: message.id };
  return { id: discordQuestionId(message.id), platform: 'discord', payload, receivedAt: Date.now() };
}

export function inboxLog(ctx: BotContext): InboxLog {
  return { info: (m) => ctx.logger.info({}, m), warn: (m) => ctx.logger.warn({}, m) };
}

async function answerMessage(ctx: BotContext, botId: string, botRoleId: string | undefined, place: ReturnType<typeof placeOf>, message: Message): Promise<void> {
  let text = stripMention(message.content, botId);
  if (botRoleId) text = text.replace(`<@&${botRoleId}>`, ' ').trim();
  const stopTyping = startTyping(message.channel, ctx.logger);
  let preview: Message | undefined;
  const stream = discordPreview(
    ctx.logger,
    async (content) => {
      if (preview) await preview.edit({ content });
      else {
        preview = await message.reply({ content });
        stopTyping();
      }
    },
    { channelId: message.channelId, messageId: message.id },
  );
  try {
    const result = await runText(ctx, place, text || 'help', { id: message.author.id, name: message.member?.displayName ?? message.author.displayName }, stream.push);
    stopTyping();
    if (result.kind === 'error' && result.code === 'RATE_LIMITED') {
      await limitedPrivately(ctx, message, result.message, preview);
      return;
    }
    const rendered = renderResult(result, surfaceOf(place));
    if (stream.started) await stream.finish(() => sendToMessage(message, rendered, preview));
    else await sendToMessage(message, rendered);
    if (result.reminder) await tellPrivately(ctx, message, `🔒 ${result.reminder}`);
  } catch (error) {
    stopTyping();
    await stream.close();
    // pino methods need their `this`, hence the indexed call.
    ctx.logger[isUserError(error) ? 'info' : 'error']({ ...errorFields(error), channelId: message.channelId, messageId: message.id }, 'failed to answer a message');
    const apology = `⚠️ ${userMessageFor(error)}`;
    // A half-written preview becomes the apology rather than staying behind.
    const sent = preview ? preview.edit({ content: apology, embeds: [], components: [] }) : message.reply(apology);
    await sent.catch((replyError: unknown) => {
      ctx.logger.warn({ ...errorFields(replyError), channelId: message.channelId }, 'could not send the error reply');
    });
  }
}

/**
 * A rate-limit notice is never posted in the channel: the message gets a ⏳ reaction and its author
 * the notice by DM (a message has no ephemeral replies). A streamed preview cannot exist here
 * (refused before retrieval), but would be removed rather than left behind.
 */
async function limitedPrivately(ctx: BotContext, message: Message, notice: string, preview: Message | undefined): Promise<void> {
  await preview?.delete().catch(() => undefined);
  await message.react('⏳').catch((error: unknown) => ctx.logger.info({ ...errorFields(error), channelId: message.channelId }, 'could not react to a rate-limited message'));
  await tellPrivately(ctx, message, `⏳ ${notice}`);
}

/**
 * A message has no ephemeral replies, so private notes (the privacy reminder, a rate-limit notice)
 * go to the author's DMs (in a DM with the bot they are simply the next message there). Closed DMs
 * are logged, never an error.
 */
async function tellPrivately(ctx: BotContext, message: Message, content: string): Promise<void> {
  const sent = message.inGuild() ? message.author.send(content) : message.channel.isSendable() ? message.channel.send(content) : Promise.resolve();
  await Promise.resolve(sent).catch((error: unknown) => ctx.logger.info({ ...errorFields(error), channelId: message.channelId }, 'could not send a private note by DM'));
}

/** Shows "typing…" until the returned function is called; failures (no permission) are only logged. */
function startTyping(channel: TextBasedChannel, logger: DiscordLogger): () => void {
  if (!('sendTyping' in channel)) return () => undefined;
  const send = () => {
    channel.sendTyping().catch((error: unknown) => logger.debug(errorFields(error), 'typing indicator failed'));
  };
  send();
  const timer = setInterval(send, TYPING_REFRESH_MS);
  timer.unref();
  return () => clearInterval(timer);
}
