import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { route } from '../../fakes/discord/index.js';
import { bodyOf, callbackOf, customIds, replyTo, responseMessage, startHarness, type Harness } from './harness.js';

describe('Discord bot as a member of a group chat (real discord.js against the fake)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  async function mention(text: string, user = h.fake.defaultUser) {
    const incoming = h.fake.messageCreate({ content: `<@${h.fake.bot.id}> ${text}`, author: user });
    await h.fake.dispatch('MESSAGE_CREATE', incoming);
    return replyTo(h.fake, incoming.id);
  }

  it('plain language reaches the comparison card, with each source listed once', async () => {
    const reply = await mention("what's the difference between CPC and CCS?");
    const embeds = bodyOf(reply).embeds ?? [];
    expect(embeds.map((e) => e.title).slice(0, 3)).toEqual(['CPC vs CCS', 'CPC — Certified Professional Coder', 'CCS — Certified Coding Specialist']);
    const listed = [...(embeds.at(-1)?.fields?.find((f) => f.name === 'Sources')?.value ?? '').matchAll(/\*\*\[(\d+)\]\*\* (.+)/g)];
    expect(listed.length).toBeGreaterThan(0);
    expect(new Set(listed.map((m) => m[2])).size).toBe(listed.length);
    // Both defining lines come from one section, so both cards cite the same number.
    expect(embeds[1]!.description!.match(/\[(\d+)\]$/)?.[1]).toBe(embeds[2]!.description!.match(/\[(\d+)\]$/)?.[1]);
  });

  // The test index uses the hashing embedder, which drops function words; USE-lite (the default)
  // also routes "yo what's up" (tests/commands/intents/paraphrase-accuracy.test.ts).
  it('a greeting in a common form gets what the bot can do, not a refusal', async () => {
    const reply = await mention('hello bot, how is it going?');
    expect(bodyOf(reply).embeds?.[0]?.description).toMatch(/^Hi! I answer questions from the career guides.*Clinical Coding Specialist/);
  });

  it('a question asked while a plan waits is answered, then the plan question is asked again', async () => {
    const bob = await h.fake.addUser('bob-plans');
    const first = await mention('plan', bob);
    expect(bodyOf(first).embeds?.[0]?.title).toBe('Career plan · question 1 of 3');

    const interrupted = await mention('what does a CPC exam cost?', bob);
    expect(bodyOf(interrupted).embeds?.[0]?.title).toBeUndefined();
    expect(bodyOf(interrupted).embeds?.[0]?.description).toMatch(/\[1\]/);
    const resumed = await h.fake.waitForRequest(route('POST', '/channels/:id/messages', (r) => r.index > interrupted.index && JSON.stringify(r.body).includes('Back to your career plan')));
    expect(bodyOf(resumed).embeds?.[0]?.description).toMatch(/^Back to your career plan: What education do you have/);

    const answered = await mention('I finished high school', bob);
    expect(bodyOf(answered).embeds?.[0]?.title).toBe('Career plan · question 2 of 3');
  });

  it('a one-line plan is checked before it is built: a correction updates it, a question is answered, "yes" builds', async () => {
    const carol = await h.fake.addUser('carol-plans');
    const check = bodyOf(await mention('plan I have a high school diploma, no experience and no certification, 10 hours a week, want remote work', carol)).embeds?.[0];
    expect(check?.title).toBe('Career plan · check before I build it');
    expect(check?.description).toMatch(/Here is what I understood: education: high school diploma or GED; .*certification: none yet; time: 10 hours a week; goal: remote work\./);
    expect(check?.description).toMatch(/Reply \*\*yes\*\* to build the plan, or correct any part/);

    const corrected = bodyOf(await mention('goal: management', carol)).embeds?.[0];
    expect(corrected?.title).toBe('Career plan · check before I build it');
    expect(corrected?.description).toMatch(/^Updated\. Here is what I understood: .*goal: management\./);

    const interrupted = await mention('what does a CPC exam cost?', carol);
    expect(bodyOf(interrupted).embeds?.[0]?.description).toMatch(/\[1\]/);
    const resumed = await h.fake.waitForRequest(route('POST', '/channels/:id/messages', (r) => r.index > interrupted.index && JSON.stringify(r.body).includes('Back to your career plan')));
    expect(bodyOf(resumed).embeds?.[0]?.description).toMatch(/^Back to your career plan: Here is what I understood: .*goal: management\./);

    const plan = bodyOf(await mention('yes', carol)).embeds?.[0];
    expect(plan?.title).toBe('Your career plan');
    expect(plan?.description).toContain('10 hours a week');
    expect(plan?.fields?.map((f) => f.name).join(' | ')).toMatch(/Lead a [a-z ]*department/);
  });

  it('a refusal offers suggested questions as buttons; a click asks one in the clicker’s name', async () => {
    const reply = await mention("what's the weather in Paris tomorrow?");
    const body = bodyOf(reply);
    const suggestions = (body.components ?? []).flatMap((row) => row.components).filter((c) => c.custom_id?.startsWith('sug:'));
    expect(suggestions.length).toBeGreaterThanOrEqual(2);
    expect(suggestions.length).toBeLessThanOrEqual(3);
    expect(customIds(body)).toContainEqual(expect.stringMatching(/^fb:up:/));

    const carol = await h.fake.addUser('carol-clicks');
    const click = h.fake.buttonInteraction({ customId: suggestions[0]!.custom_id!, user: carol, message: responseMessage(reply).id });
    await h.fake.dispatch('INTERACTION_CREATE', click);
    await callbackOf(h.fake, click);
    const edit = await h.fake.waitForRequest(route('PATCH', '/webhooks/:app/:token/messages/@original', (r) => r.path.includes(click.token)));
    expect(h.handler.requests.at(-1)).toMatchObject({ text: suggestions[0]!.label, userId: carol.id });
    expect(bodyOf(edit).embeds?.[0]?.description ?? bodyOf(edit).embeds?.[0]?.title).toBeTruthy();
  });
});
