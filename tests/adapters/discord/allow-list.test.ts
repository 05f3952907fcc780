import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APITextChannel } from 'discord.js';
import { route } from '../../fakes/discord/index.js';
import { callbackOf, messageReference, replyTo, startHarness, type Harness } from './harness.js';

describe('DISCORD_CHANNEL_IDS allow-list', () => {
  let h: Harness;
  let other: APITextChannel;
  beforeAll(async () => {
    // Only the fake's default "general" channel is allowed.
    h = await startHarness({ env: (fake) => ({ DISCORD_CHANNEL_IDS: fake.textChannel.id }) });
    other = await h.fake.addTextChannel('off-topic');
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('answers in an allowed channel and in threads under it, ignores mentions elsewhere', async () => {
    const { fake } = h;
    const thread = await fake.addThread({ parentId: fake.textChannel.id, name: 'allowed-thread' });
    const elsewhere = fake.messageCreate({ content: `<@${fake.bot.id}> how much do coders make?`, channelId: other.id });
    const inThread = fake.messageCreate({ content: `<@${fake.bot.id}> how much do coders make?`, channelId: thread.id });
    const allowed = fake.messageCreate({ content: `<@${fake.bot.id}> how much do coders make?` });
    for (const message of [elsewhere, inThread, allowed]) await fake.dispatch('MESSAGE_CREATE', message);
    await replyTo(fake, inThread.id);
    await replyTo(fake, allowed.id);
    expect(fake.findRequests(route('POST', '/channels/:id/messages')).map(messageReference)).not.toContain(elsewhere.id);
    expect(fake.findRequests((r) => r.path === `/channels/${other.id}/typing`)).toEqual([]);
  });

  it('still answers DMs', async () => {
    const dm = h.fake.messageCreate({ content: 'how much do coders make?', dm: true });
    await h.fake.dispatch('MESSAGE_CREATE', dm);
    await replyTo(h.fake, dm.id);
  });

  it('refuses slash commands outside the list privately, naming where it answers', async () => {
    const interaction = h.fake.chatInputInteraction({ name: 'ask', options: { question: 'hi?' }, channelId: other.id });
    await h.fake.dispatch('INTERACTION_CREATE', interaction);
    expect((await callbackOf(h.fake, interaction)).body).toMatchObject({
      data: { content: `I only answer in <#${h.fake.textChannel.id}> (or in a DM).`, flags: MessageFlags.Ephemeral },
    });
  });
});
