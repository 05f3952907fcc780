import type { APIUser } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { route, type RecordedRequest } from '../../fakes/discord/index.js';
import { bodyOf, startHarness, visibleText, webhookCalls, type Harness } from './harness.js';

/** These run on the real command layer (createCommandHandler from src/commands, seeded quizzes). */
describe('Discord bot: /cert, /topics and /plan threads (group quizzes: group-quiz.test.ts)', () => {
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

  it('/plan opens a thread, asks there, and the answers in the thread continue the plan to its check and the plan', async () => {
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
    const check = await fake.waitForRequest(route('POST', '/channels/:id/messages', (r) => (r.body as { message_reference?: { message_id: string } }).message_reference?.message_id === goal.id));
    expect(bodyOf(check).embeds?.[0]?.title).toBe('Career plan · check before I build it');
    expect(bodyOf(check).embeds?.[0]?.description).toMatch(/^Here is what I understood: .*goal: [^.]*remote work[^.]*\. Reply \*\*yes\*\* to build the plan/);

    const yes = fake.messageCreate({ content: `<@${fake.bot.id}> yes`, channelId: threadId });
    await fake.dispatch('MESSAGE_CREATE', yes);
    const plan = await fake.waitForRequest(route('POST', '/channels/:id/messages', (r) => (r.body as { message_reference?: { message_id: string } }).message_reference?.message_id === yes.id));
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
