import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limitViolations } from '../../../adapters/discord/index.js';
import { route } from '../../fakes/discord/index.js';
import { bodyOf, customIds, longAnswer, messageReference, replyTo, startHarness, visibleText, type Harness } from './harness.js';

describe('Discord bot: mentions, DMs and threads (real discord.js against the fake)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('answers a mention as a reply with the answer, numbered sources and buttons', async () => {
    const { fake } = h;
    const incoming = fake.messageCreate({ content: `<@${fake.bot.id}> how much do coders make?` });
    await fake.dispatch('MESSAGE_CREATE', incoming);
    const reply = await replyTo(fake, incoming.id);
    const body = bodyOf(reply);
    const [embed] = body.embeds ?? [];
    expect(embed?.description).toMatch(/\$35,000.*\[1\]/);
    expect(embed?.fields?.find((f) => f.name === 'Sources')?.value).toMatch(/^\*\*\[1\]\*\* \S/);
    expect(embed?.footer?.text).toContain('Career Advisor');
    expect(customIds(body)).toEqual([expect.stringMatching(/^fb:up:/), expect.stringMatching(/^fb:down:/), expect.stringMatching(/^src:/)]);
    // The mention is stripped; outside threads the conversation is channel + user.
    expect(h.handler.requests.at(-1)).toMatchObject({
      text: 'how much do coders make?',
      conversationId: `${fake.textChannel.id}:${fake.defaultUser.id}`,
      userId: fake.defaultUser.id,
      platform: 'discord',
    });
    // "typing…" was shown before the reply.
    const typing = fake.findRequests(route('POST', '/channels/:id/typing')).find((r) => r.path === `/channels/${fake.textChannel.id}/typing`);
    expect(typing!.index).toBeLessThan(reply.index);
  });

  it('keeps a thread as one conversation, so a follow-up is understood in context', async () => {
    const { fake } = h;
    const thread = await fake.addThread({ parentId: fake.textChannel.id, name: 'certifications', ownerId: fake.defaultUser.id });
    const first = fake.messageCreate({ content: `<@${fake.bot.id}> Which AHIMA credential is for inpatient coding?`, channelId: thread.id });
    await fake.dispatch('MESSAGE_CREATE', first);
    expect(visibleText(bodyOf(await replyTo(fake, first.id)))).toMatch(/Certified Coding Specialist \(CCS\)/);

    const followUp = fake.messageCreate({ content: `<@${fake.bot.id}> And the one for physician offices?`, channelId: thread.id });
    await fake.dispatch('MESSAGE_CREATE', followUp);
    const reply = await replyTo(fake, followUp.id);
    expect(reply.path).toBe(`/channels/${thread.id}/messages`);
    expect(bodyOf(reply).embeds?.[0]?.description).toContain('CCS-P');
    expect(h.handler.requests.slice(-2).map((r) => r.conversationId)).toEqual([thread.id, thread.id]);
  });

  it('answers a DM without a mention', async () => {
    const { fake } = h;
    const dm = fake.messageCreate({ content: 'What does the CPC exam cost?', dm: true });
    await fake.dispatch('MESSAGE_CREATE', dm);
    const reply = await replyTo(fake, dm.id);
    expect(reply.path).toBe(`/channels/${dm.channel_id}/messages`);
    expect(bodyOf(reply).embeds?.[0]?.description).toBeTruthy();
  });

  it('ignores messages that do not mention it, and messages from bots', async () => {
    const { fake } = h;
    const otherBot = await fake.addUser('other-bot', { bot: true });
    const since = h.handler.requests.length;
    const unmentioned = fake.messageCreate({ content: 'how much do coders make?' });
    const fromBot = fake.messageCreate({ content: `<@${fake.bot.id}> how much do coders make?`, author: otherBot });
    const marker = fake.messageCreate({ content: `<@${fake.bot.id}> what is a CPC?` });
    for (const message of [unmentioned, fromBot, marker]) await fake.dispatch('MESSAGE_CREATE', message);
    await replyTo(fake, marker.id);
    // Events are handled in order, so by the marker's reply the others were seen and dropped.
    expect(h.handler.requests.slice(since).map((r) => r.text)).toEqual(['what is a CPC?']);
    const repliedTo = fake.findRequests(route('POST', '/channels/:id/messages')).map(messageReference);
    expect(repliedTo).not.toContain(unmentioned.id);
    expect(repliedTo).not.toContain(fromBot.id);
  });

  it('plays a quiz by mentions too: "quiz" starts it for the channel, a bare letter answers it', async () => {
    const { fake } = h;
    const start = fake.messageCreate({ content: `<@${fake.bot.id}> quiz 1` });
    await fake.dispatch('MESSAGE_CREATE', start);
    const question = bodyOf(await replyTo(fake, start.id));
    expect(question.embeds?.[0]?.title).toBe('Quiz · question 1 of 1');
    expect(customIds(question)[0]).toMatch(/^quiz:.+:0:A$/);
    const answer = fake.messageCreate({ content: `<@${fake.bot.id}> B` });
    await fake.dispatch('MESSAGE_CREATE', answer);
    // In a channel the answer waits for the round to close (group-quiz.test.ts closes rounds); the player hears it is in.
    const taken = visibleText(bodyOf(await replyTo(fake, answer.id)));
    expect(taken).toContain('Your answer **B** to question 1 is in');
    expect(h.handler.requests.slice(-2).map((r) => r.conversationId)).toEqual([fake.textChannel.id, fake.textChannel.id]);
  });

  it('answers "help" when the message is only a mention', async () => {
    const { fake } = h;
    const incoming = fake.messageCreate({ content: `<@${fake.bot.id}>` });
    await fake.dispatch('MESSAGE_CREATE', incoming);
    await replyTo(fake, incoming.id);
    expect(h.handler.requests.at(-1)?.text).toBe('help');
  });

  it('still replies when the command handler throws, and keeps serving the next message', async () => {
    const { fake } = h;
    h.handler.once(async () => {
      throw new Error('index exploded');
    });
    const failing = fake.messageCreate({ content: `<@${fake.bot.id}> how long does training take?` });
    await fake.dispatch('MESSAGE_CREATE', failing);
    const apology = bodyOf(await replyTo(fake, failing.id));
    expect(apology.content).toMatch(/^⚠️ Sorry, something went wrong/);
    expect(apology.content).not.toContain('index exploded');
    expect(h.logger.errors()).toContain('failed to answer a message');

    const next = fake.messageCreate({ content: `<@${fake.bot.id}> how long does training take?` });
    await fake.dispatch('MESSAGE_CREATE', next);
    expect(bodyOf(await replyTo(fake, next.id)).embeds?.[0]?.description).toBeTruthy();
  });

  it('tells the user what to fix for invalid input (question too long)', async () => {
    const { fake } = h;
    const tooLong = fake.messageCreate({ content: `<@${fake.bot.id}> ${'why '.repeat(400)}` });
    await fake.dispatch('MESSAGE_CREATE', tooLong);
    expect(bodyOf(await replyTo(fake, tooLong.id)).content).toMatch(/^⚠️ The question is \d+ characters long; the limit is 1000/);
  });

  it('splits an answer longer than Discord allows over several messages, every one within limits', async () => {
    const { fake } = h;
    const answer = longAnswer(150); // ~13,000 characters: more than one message can hold
    expect(answer.answer.length).toBeGreaterThan(6000);
    h.handler.once(async () => ({ kind: 'answer', answer }));
    const since = fake.nextRequestIndex;
    const incoming = fake.messageCreate({ content: `<@${fake.bot.id}> tell me everything` });
    await fake.dispatch('MESSAGE_CREATE', incoming);
    // The last message carries the buttons; wait for it.
    const last = await fake.waitForRequest(route('POST', '/channels/:id/messages', (r) => customIds(bodyOf(r)).includes(`src:${answer.id}`)), 5000, { since });
    const sent = fake.requests.slice(since, last.index + 1).filter(route('POST', '/channels/:id/messages'));
    expect(sent.length).toBeGreaterThan(1);
    expect(messageReference(sent[0]!)).toBe(incoming.id);
    for (const request of sent) {
      const body = bodyOf(request);
      expect(limitViolations({ content: body.content, embeds: body.embeds ?? [], components: [] })).toEqual([]);
      expect(request.status).toBe(200);
    }
    const text = sent.flatMap((r) => (bodyOf(r).embeds ?? []).map((e) => e.description ?? '')).join('\n');
    // Every line arrives whole and in order, each with its citation marker.
    expect(text.split('\n')).toEqual(answer.answer.split('\n'));
  });

  it('ephemeral flags never leak into channel messages', () => {
    const posted = h.fake.findRequests(route('POST', '/channels/:id/messages'));
    expect(posted.every((r) => ((bodyOf(r).flags ?? 0) & MessageFlags.Ephemeral) === 0)).toBe(true);
  });
});
