import { InteractionResponseType, MessageFlags, type APIUser } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { route, type RecordedRequest } from '../../fakes/discord/index.js';
import { bodyOf, callbackOf, customIds, responseMessage, startHarness, visibleText, webhookCalls, type Harness } from './harness.js';

/** These run on the real command layer (createCommandHandler from src/commands, seeded quizzes). */
describe('Discord bot: /cert, /topics, quiz buttons and /plan threads', () => {
  let h: Harness;
  let bob: APIUser;
  beforeAll(async () => {
    h = await startHarness();
    bob = await h.fake.addUser('bob');
  });
  afterAll(async () => {
    await h?.stop();
  });

  function editOf(token: string): Promise<RecordedRequest> {
    return h.fake.waitForRequest(route('PATCH', '/webhooks/:app/:token/messages/@original', (r) => r.path.includes(token)));
  }

  /** Clicks a button as `user` and returns the private (ephemeral) reply it got. */
  async function click(customId: string, user: APIUser, messageId: string, channelId?: string) {
    const interaction = h.fake.buttonInteraction({ customId, user, message: messageId, ...(channelId ? { channelId } : {}) });
    await h.fake.dispatch('INTERACTION_CREATE', interaction);
    const callback = await callbackOf(h.fake, interaction);
    if ((callback.body as { type: number }).type === InteractionResponseType.ChannelMessageWithSource) {
      return { interaction, callback, privateText: visibleText(bodyOf({ ...callback, body: (callback.body as { data: unknown }).data })).trim() };
    }
    const edit = await editOf(interaction.token);
    return { interaction, callback, privateText: visibleText(bodyOf(edit)).trim() };
  }

  const isPublicPost = (token: string) => (r: RecordedRequest) =>
    r.method === 'POST' && r.path === `/webhooks/${h.fake.applicationId}/${token}` && ((bodyOf(r).flags ?? 0) & MessageFlags.Ephemeral) === 0;

  /** Public follow-ups a click produced so far (next question, scoreboard). */
  function publicPosts(token: string): RecordedRequest[] {
    return h.fake.findRequests(isPublicPost(token));
  }

  /** Waits for the public follow-up a click posts after its private verdict. */
  function publicPost(token: string): Promise<RecordedRequest> {
    return h.fake.waitForRequest(isPublicPost(token));
  }

  it('/cert code:CPC renders the certification card as embed fields', async () => {
    const interaction = h.fake.chatInputInteraction({ name: 'cert', options: { code: 'CPC' } });
    await h.fake.dispatch('INTERACTION_CREATE', interaction);
    const edit = await editOf(interaction.token);
    expect(h.handler.requests.at(-1)?.text).toBe('cert CPC');
    const [embed] = bodyOf(edit).embeds!;
    expect(embed?.title).toBe('CPC — Certified Professional Coder');
    expect(embed?.description).toMatch(/AAPC.*\[\d+\]$/);
    const fields = Object.fromEntries((embed?.fields ?? []).map((f) => [f.name, f]));
    expect(fields.Organization).toMatchObject({ value: 'AAPC (American Academy of Professional Coders)', inline: true });
    expect(fields.Focus?.value).toContain('outpatient');
    expect(fields['Good to know']?.value).toMatch(/^• .+ \[\d+\]/);
    expect(fields.Sources?.value).toMatch(/^\*\*\[1\]\*\* /);
  });

  it('/cert code: compare: shows the differences and both cards', async () => {
    const interaction = h.fake.chatInputInteraction({ name: 'cert', options: { code: 'CPC', compare: 'CCS' } });
    await h.fake.dispatch('INTERACTION_CREATE', interaction);
    const body = bodyOf(await editOf(interaction.token));
    expect(h.handler.requests.at(-1)?.text).toBe('cert compare CPC CCS');
    expect(body.embeds?.map((e) => e.title)).toEqual(['CPC vs CCS', 'CPC — Certified Professional Coder', 'CCS — Certified Coding Specialist', undefined]);
    expect(body.embeds?.[0]?.fields?.[0]?.value).toMatch(/^• /);
    // One numbering across both cards: the cards list no sources of their own; the last embed lists each once.
    expect(body.embeds?.slice(1, 3).flatMap((e) => e.fields ?? []).some((f) => f.name === 'Sources')).toBe(false);
    const listed = [...(body.embeds?.[3]?.fields?.[0]?.value ?? '').matchAll(/\*\*\[(\d+)\]\*\* (.+)/g)];
    expect(new Set(listed.map((m) => m[2])).size).toBe(listed.length);
    const cited = new Set(JSON.stringify(body.embeds?.slice(1, 3)).match(/\[(\d+)\]/g));
    expect(listed.map((m) => `[${m[1]}]`).sort()).toEqual([...cited].sort());
  });

  it('/cert with an unknown code lists the certifications the guide knows', async () => {
    const interaction = h.fake.chatInputInteraction({ name: 'cert', options: { code: 'XYZ' } });
    await h.fake.dispatch('INTERACTION_CREATE', interaction);
    const [embed] = bodyOf(await editOf(interaction.token)).embeds!;
    expect(embed).toMatchObject({ title: 'Certifications', description: expect.stringContaining('XYZ') });
    expect(embed?.fields?.[0]?.value).toContain('**CCS-P** — Certified Coding Specialist-Physician');
  });

  it('/topics lists the outline; /topics query: shows a section with sources', async () => {
    const outline = h.fake.chatInputInteraction({ name: 'topics' });
    await h.fake.dispatch('INTERACTION_CREATE', outline);
    expect(bodyOf(await editOf(outline.token)).embeds?.[0]).toMatchObject({ title: 'Guide topics', description: expect.stringContaining('• Quick Facts About Clinical Coding Specialists') });
    const section = h.fake.chatInputInteraction({ name: 'topics', options: { query: 'salary' } });
    await h.fake.dispatch('INTERACTION_CREATE', section);
    const body = bodyOf(await editOf(section.token));
    expect(body.embeds?.[0]?.title).toBe('Salary and Compensation');
    expect(visibleText(body)).toMatch(/\$28,000-\$35,000[\s\S]*Sources/);
  });

  it('two people play a quiz with buttons: private verdicts, public next question, closed old buttons, per-person scoreboard', async () => {
    const { fake } = h;
    const alice = fake.defaultUser;
    // A fixed channel id makes the seeded quiz (seeded per conversation) the same on every run.
    const channel = fake.store.addTextChannel('quiz-night', '1300000000000000001');
    await fake.dispatch('CHANNEL_CREATE', channel);
    const start = fake.chatInputInteraction({ name: 'quiz', channelId: channel.id, options: [{ type: 1, name: 'start', options: [{ type: 4, name: 'questions', value: 2 }] }] });
    await fake.dispatch('INTERACTION_CREATE', start);
    const question1 = await editOf(start.token);
    expect(h.handler.requests.at(-1)).toMatchObject({ text: 'quiz 2', conversationId: channel.id });
    const q1 = bodyOf(question1);
    expect(q1.content).toMatch(/^Quiz: 2 questions/);
    expect(q1.embeds?.[0]?.title).toBe('Quiz · question 1 of 2');
    const q1Ids = customIds(q1);
    const [, quizId] = /^quiz:(.+):0:A$/.exec(q1Ids[0]!)!;
    // One button per option (the guide gives some questions only three).
    const buttonsFor = (index: number, count: number) => ['A', 'B', 'C', 'D'].slice(0, count).map((o) => `quiz:${quizId}:${index}:${o}`);
    expect(q1Ids.length).toBeGreaterThanOrEqual(3);
    expect(q1Ids).toEqual(buttonsFor(0, q1Ids.length));

    // Alice (who started, so the only player yet) answers: her verdict is private, with the
    // explanation and the cited guide line, and question 2 is posted for everyone.
    const a1 = await click(`quiz:${quizId}:0:A`, alice, responseMessage(question1).id, channel.id);
    expect(a1.callback.body).toMatchObject({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
    expect(a1.privateText).toMatch(/^(✅ Correct:|❌ Not quite\. The answer is) [A-D]\. .+\n[\s\S]+ \[1\]\nSource\n\*\*\[1\]\*\* .+\n> /);
    expect(h.handler.requests.at(-1)).toMatchObject({ text: 'quiz answer A', userId: alice.id, conversationId: channel.id });
    const question2 = await publicPost(a1.interaction.token);
    expect(bodyOf(question2).embeds?.[0]?.title).toBe('Quiz · question 2 of 2');
    const q2Ids = customIds(bodyOf(question2));
    expect(q2Ids.length).toBeGreaterThanOrEqual(3);
    expect(q2Ids).toEqual(buttonsFor(1, q2Ids.length));

    // Bob clicks on question 1 late: refused privately, without asking the command layer.
    const asked = h.handler.requests.length;
    const late = await click(`quiz:${quizId}:0:B`, bob, responseMessage(question1).id, channel.id);
    expect(late.privateText).toContain('That question is closed; answer question 2 instead.');
    expect(h.handler.requests.length).toBe(asked);

    // Bob answers question 2. A right answer closes it; a wrong one waits for Alice.
    const q2Message = responseMessage(question2).id;
    const b2 = await click(`quiz:${quizId}:1:B`, bob, q2Message, channel.id);
    let finalClick = b2;
    if (b2.privateText.startsWith('❌')) {
      const again = await click(`quiz:${quizId}:1:C`, bob, q2Message, channel.id);
      expect(again.privateText).toMatch(/⚠️ You already answered question 2/);
      finalClick = await click(`quiz:${quizId}:1:C`, alice, q2Message, channel.id);
    } else {
      expect(b2.privateText).toMatch(/^✅ Correct: B\./);
    }
    const scoreboard = await publicPost(finalClick.interaction.token);
    const board = visibleText(bodyOf(scoreboard));
    expect(board).toContain('🏁 Quiz finished · final scores');
    expect(board).toMatch(new RegExp(`<@${alice.id}> — [0-2]/${finalClick === b2 ? 1 : 2} correct`));
    expect(board).toMatch(new RegExp(`<@${bob.id}> — [01]/1 correct`));

    // /quiz score shows the same board.
    const score = fake.chatInputInteraction({ name: 'quiz', channelId: channel.id, options: [{ type: 1, name: 'score' }] });
    await fake.dispatch('INTERACTION_CREATE', score);
    expect(visibleText(bodyOf(await editOf(score.token)))).toContain(`<@${bob.id}>`);

    // The old quiz's buttons stay closed, even once a new quiz runs in the channel
    // ("quiz answer A" would otherwise answer the new quiz's question).
    const restart = fake.chatInputInteraction({ name: 'quiz', channelId: channel.id, options: [{ type: 1, name: 'start' }] });
    await fake.dispatch('INTERACTION_CREATE', restart);
    expect(customIds(bodyOf(await editOf(restart.token)))[0]).not.toContain(quizId);
    const before = h.handler.requests.length;
    const stale = await click(`quiz:${quizId}:1:A`, alice, q2Message, channel.id);
    expect(stale.privateText).toBe('That quiz has ended. Start a new one with /quiz start.');
    expect(h.handler.requests.length).toBe(before);
    // A wrong answer by Bob posted nothing publicly (the question stayed open for Alice).
    if (finalClick !== b2) expect(publicPosts(b2.interaction.token)).toEqual([]);
  });

  it('/plan opens a thread, asks there, and the answer in the thread continues the plan', async () => {
    const { fake } = h;
    const interaction = fake.chatInputInteraction({ name: 'plan', options: { about: 'medical assistant' } });
    await fake.dispatch('INTERACTION_CREATE', interaction);
    const threadCreate = await fake.waitForRequest(route('POST', '/channels/:id/messages/:mid/threads'));
    const threadId = (threadCreate.response as { id: string }).id;
    expect(threadCreate.path).toBe(`/channels/${fake.textChannel.id}/messages/${threadId}/threads`);
    const firstQuestion = await fake.waitForRequest(route('POST', '/channels/:id/messages', (r) => r.path === `/channels/${threadId}/messages`));
    expect(h.handler.requests.at(-1)).toMatchObject({ text: 'plan medical assistant', conversationId: threadId });
    expect(bodyOf(firstQuestion).content).toBe(`<@${fake.defaultUser.id}>`);
    expect(visibleText(bodyOf(firstQuestion))).toMatch(/Career plan · question 1 of 2[\s\S]*What education do you have[\s\S]*mention me or reply/);

    const answer = fake.messageCreate({ content: `<@${fake.bot.id}> I have a high school diploma`, channelId: threadId });
    await fake.dispatch('MESSAGE_CREATE', answer);
    const next = await fake.waitForRequest(route('POST', '/channels/:id/messages', (r) => (r.body as { message_reference?: { message_id: string } }).message_reference?.message_id === answer.id));
    expect(h.handler.requests.at(-1)).toMatchObject({ text: 'I have a high school diploma', conversationId: threadId });
    expect(visibleText(bodyOf(next))).toMatch(/question 2 of 2[\s\S]*What are you aiming for\?/);

    const goal = fake.messageCreate({ content: `<@${fake.bot.id}> remote outpatient coding`, channelId: threadId });
    await fake.dispatch('MESSAGE_CREATE', goal);
    const plan = await fake.waitForRequest(route('POST', '/channels/:id/messages', (r) => (r.body as { message_reference?: { message_id: string } }).message_reference?.message_id === goal.id));
    expect(bodyOf(plan).embeds?.[0]?.title).toBe('Your career plan');
    expect(bodyOf(plan).embeds?.[0]?.fields?.[0]?.name).toMatch(/^1\. /);
  });

  it('/plan without permission to create threads plans in the channel instead', async () => {
    const { fake } = h;
    fake.failNext({ method: 'POST', path: '/channels/:id/messages/:mid/threads', status: 403, body: { code: 50013, message: 'Missing Permissions' } });
    const interaction = fake.chatInputInteraction({ name: 'plan', user: bob });
    await fake.dispatch('INTERACTION_CREATE', interaction);
    const edits = () => webhookCalls(fake, interaction.token).filter((r) => r.method === 'PATCH');
    await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(interaction.token) && edits().length === 2);
    const final = bodyOf(edits()[1]!);
    expect(final.content).toBe('');
    expect(visibleText(final)).toMatch(/What education do you have[\s\S]*mentioning me in this channel/);
    expect(h.handler.requests.at(-1)?.conversationId).toBe(`${fake.textChannel.id}:${bob.id}`);
    expect(h.logger.entries.some((e) => e.level === 'warn' && e.msg.startsWith('could not create a plan thread'))).toBe(true);
  });

  it('/plan in a DM runs in place', async () => {
    const interaction = h.fake.chatInputInteraction({ name: 'plan', guildId: null, user: bob });
    await h.fake.dispatch('INTERACTION_CREATE', interaction);
    const edit = await editOf(interaction.token);
    expect(visibleText(bodyOf(edit))).toMatch(/What education do you have[\s\S]*Just reply here/);
    expect(h.handler.requests.at(-1)?.conversationId).toBe(`${interaction.channel.id}:${bob.id}`);
  });
});
