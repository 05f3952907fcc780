import { InteractionResponseType, MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { route } from '../../fakes/discord/index.js';
import { bodyOf, callbackOf, customIds, responseMessage, startHarness, visibleText, webhookCalls, type Harness } from './harness.js';

describe('Discord bot: slash commands and buttons (real discord.js against the fake)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  /** Runs /ask and returns the edited reply (PATCH @original). */
  async function ask(question: string, extra: { channelId?: string; guildId?: null } = {}) {
    const interaction = h.fake.chatInputInteraction({ name: 'ask', options: { question }, ...extra });
    await h.fake.dispatch('INTERACTION_CREATE', interaction);
    const edit = await h.fake.waitForRequest(route('PATCH', '/webhooks/:app/:token/messages/@original', (r) => r.path.includes(interaction.token)));
    return { interaction, edit };
  }

  it('/ask defers at once, then edits the reply with the cited answer', async () => {
    const { interaction, edit } = await ask('How much do coders make?');
    const callback = await callbackOf(h.fake, interaction);
    expect(callback.body).toMatchObject({ type: InteractionResponseType.DeferredChannelMessageWithSource });
    expect(callback.index).toBeLessThan(edit.index);
    const body = bodyOf(edit);
    expect(body.embeds?.[0]).toMatchObject({ description: expect.stringMatching(/\[1\]/) });
    // The public reply repeats no user text: the question may hold patient data the guard missed.
    expect(JSON.stringify(body)).not.toContain('How much do coders make');
    expect(visibleText(body)).toMatch(/Sources\n\*\*\[1\]\*\*/);
    expect(edit.response).toMatchObject({ flags: 0 });
    expect(h.handler.requests.at(-1)).toMatchObject({ text: 'How much do coders make?', conversationId: `${h.fake.textChannel.id}:${h.fake.defaultUser.id}` });
  });

  it('records 👍/👎 through the advisor and thanks the voter privately', async () => {
    const { edit } = await ask('How do I become a CPC?');
    const [up, down] = customIds(bodyOf(edit));
    const answerId = up!.slice('fb:up:'.length);
    const bob = await h.fake.addUser('bob');
    for (const [customId, user] of [[up!, h.fake.defaultUser], [down!, bob]] as const) {
      const click = h.fake.buttonInteraction({ customId, user, message: responseMessage(edit).id });
      await h.fake.dispatch('INTERACTION_CREATE', click);
      const callback = await callbackOf(h.fake, click);
      expect(callback.body).toMatchObject({
        type: InteractionResponseType.ChannelMessageWithSource,
        data: { content: expect.stringContaining('Thanks'), flags: MessageFlags.Ephemeral },
      });
    }
    expect(h.feedback.votes.slice(-2)).toEqual([
      expect.objectContaining({ answerId, userId: h.fake.defaultUser.id, vote: 'up', platform: 'discord', question: 'How do I become a CPC?' }),
      expect.objectContaining({ answerId, userId: bob.id, vote: 'down', platform: 'discord' }),
    ]);
  });

  it('"Sources" shows the quoted guide lines, only to the clicker', async () => {
    const { edit } = await ask('What does a clinical coder do?');
    const sourcesId = customIds(bodyOf(edit)).find((id) => id.startsWith('src:'))!;
    const click = h.fake.buttonInteraction({ customId: sourcesId, message: responseMessage(edit).id });
    await h.fake.dispatch('INTERACTION_CREATE', click);
    const callback = await callbackOf(h.fake, click);
    const data = (callback.body as { data: { flags: number; embeds: Array<{ title: string; description: string }> } }).data;
    expect(data.flags).toBe(MessageFlags.Ephemeral);
    expect(data.embeds[0]!.title).toBe('Sources');
    expect(data.embeds[0]!.description).toMatch(/^\*\*\[1\] .+\*\*\n> \S/);
  });

  it('an unknown or expired button gets a private note', async () => {
    const click = h.fake.buttonInteraction({ customId: 'from-an-old-version' });
    await h.fake.dispatch('INTERACTION_CREATE', click);
    expect((await callbackOf(h.fake, click)).body).toMatchObject({ data: { content: 'This button has expired.', flags: MessageFlags.Ephemeral } });
  });

  it('/ask in a thread uses the thread as the conversation; in a DM the DM channel + user', async () => {
    const thread = await h.fake.addThread({ parentId: h.fake.textChannel.id, name: 'questions' });
    await ask('What is the CCS?', { channelId: thread.id });
    expect(h.handler.requests.at(-1)?.conversationId).toBe(thread.id);
    const { interaction } = await ask('What is the CPC?', { guildId: null });
    expect(h.handler.requests.at(-1)?.conversationId).toBe(`${interaction.channel.id}:${h.fake.defaultUser.id}`);
  });

  it('a failing handler after deferReply still answers privately and removes the "thinking…" placeholder', async () => {
    h.handler.once(async () => {
      throw new Error('boom');
    });
    const interaction = h.fake.chatInputInteraction({ name: 'ask', options: { question: 'Will this fail?' } });
    await h.fake.dispatch('INTERACTION_CREATE', interaction);
    const removed = await h.fake.waitForRequest(route('DELETE', '/webhooks/:app/:token/messages/@original', (r) => r.path.includes(interaction.token)));
    const calls = webhookCalls(h.fake, interaction.token);
    expect(calls.map((c) => c.method)).toEqual(['POST', 'DELETE']);
    expect(bodyOf(calls[0]!)).toMatchObject({ content: expect.stringMatching(/^⚠️ Sorry/), flags: MessageFlags.Ephemeral });
    expect(removed.status).toBe(204);
    // …and the bot keeps serving.
    const { edit } = await ask('How much do coders make?');
    expect(bodyOf(edit).embeds?.[0]?.description).toBeTruthy();
  });

  it('invalid input (too long) becomes a private message saying what to fix', async () => {
    const interaction = h.fake.chatInputInteraction({ name: 'ask', options: { question: 'why '.repeat(300) } });
    await h.fake.dispatch('INTERACTION_CREATE', interaction);
    await h.fake.waitForRequest(route('DELETE', '/webhooks/:app/:token/messages/@original', (r) => r.path.includes(interaction.token)));
    expect(bodyOf(webhookCalls(h.fake, interaction.token)[0]!).content).toMatch(/limit is 1000/);
  });

  it('/help answers privately (ephemeral defer + edit)', async () => {
    const interaction = h.fake.chatInputInteraction({ name: 'help' });
    await h.fake.dispatch('INTERACTION_CREATE', interaction);
    const callback = await callbackOf(h.fake, interaction);
    expect(callback.body).toMatchObject({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
    await h.fake.waitForRequest(route('PATCH', '/webhooks/:app/:token/messages/@original', (r) => r.path.includes(interaction.token)));
    expect(h.handler.requests.at(-1)?.text).toBe('help');
  });

  it('an unknown slash command gets a private note', async () => {
    const interaction = h.fake.chatInputInteraction({ name: 'nope' });
    await h.fake.dispatch('INTERACTION_CREATE', interaction);
    expect((await callbackOf(h.fake, interaction)).body).toMatchObject({ data: { content: expect.stringContaining('/help'), flags: MessageFlags.Ephemeral } });
  });

  it('logged the real failure as an error, and the user mistake only quietly', async () => {
    await vi.waitFor(() => expect(h.logger.errors()).toEqual(['failed to handle an interaction']));
  });
});
