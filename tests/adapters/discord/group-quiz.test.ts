import { InteractionResponseType, MessageFlags, type APIUser } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { allQuizQuestions, createCommandHandler, type CommandResult, type QuizQuestionView } from '../../../src/commands/index.js';
import { AdvisorService } from '../../../src/service/index.js';
import { route, type RecordedRequest } from '../../fakes/discord/index.js';
import { ManualScheduler } from '../../helpers/manual-scheduler.js';
import { testConfig } from '../../helpers/test-advisor.js';
import { bodyOf, callbackOf, customIds, replyTo, responseMessage, startHarness, visibleText, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const LETTERS = ['A', 'B', 'C', 'D'];

function editOf(harness: Harness, token: string): Promise<RecordedRequest> {
  return harness.fake.waitForRequest(route('PATCH', '/webhooks/:app/:token/messages/@original', (r) => r.path.includes(token)));
}

/** Clicks a button as `user`; returns what only that user saw (the ephemeral reply). */
async function click(harness: Harness, customId: string, user: APIUser, messageId: string, channelId: string): Promise<string> {
  const interaction = harness.fake.buttonInteraction({ customId, user, message: messageId, channelId });
  await harness.fake.dispatch('INTERACTION_CREATE', interaction);
  const callback = await callbackOf(harness.fake, interaction);
  const data = (callback.body as { type: number; data?: { flags?: number } }).data;
  // Every answer to a click is private: an immediate ephemeral reply, or an ephemeral deferral then its edit.
  expect(((data?.flags ?? 0) & MessageFlags.Ephemeral) !== 0).toBe(true);
  if ((callback.body as { type: number }).type === InteractionResponseType.ChannelMessageWithSource) return visibleText(bodyOf({ ...callback, body: data })).trim();
  return visibleText(bodyOf(await editOf(harness, interaction.token))).trim();
}

/** The right letter of a question the bot showed, found in the guide's question bank (not hard-coded). */
function rightLetter(harness: Harness, view: QuizQuestionView): string {
  const q = allQuizQuestions(harness.advisor.index).find((x) => x.question === view.question && view.options.includes(x.answerText))!;
  return LETTERS[view.options.indexOf(q.answerText)]!;
}

const wrong = (right: string) => (right === 'A' ? 'B' : 'A');

describe('Discord: a quiz for the whole channel, three players, buttons only', () => {
  it('keeps each question open for everyone, counts first answers (also two at once) and posts answer, cited line and scores to the channel', async () => {
    const scheduler = new ManualScheduler();
    h = await startHarness({ env: { QUIZ_ROUND_PLAYERS: '3', QUIZ_ROUND_SECONDS: '20' }, scheduler });
    const { fake } = h;
    const [alice, bob, carol] = [fake.defaultUser, await fake.addUser('bob'), await fake.addUser('carol')];
    const channel = fake.store.addTextChannel('quiz-night', '1300000000000000007');
    await fake.dispatch('CHANNEL_CREATE', channel);
    const channelPosts = () => fake.findRequests(route('POST', '/channels/:id/messages', (r) => r.path === `/channels/${channel.id}/messages`));

    const start = fake.chatInputInteraction({ name: 'quiz', channelId: channel.id, options: [{ type: 1, name: 'start', options: [{ type: 4, name: 'questions', value: 2 }] }] });
    await fake.dispatch('INTERACTION_CREATE', start);
    const first = await editOf(h, start.token);
    const q1 = bodyOf(first);
    expect(q1.content).toMatch(/Everyone here can play; your first answer to each question counts\. Each question stays open for 20 s or until 3 players have answered/);
    expect(q1.content).toContain('Click a button below, or mention me with the letter');
    expect(q1.embeds?.[0]?.description).toMatch(/⏱ Closes <t:\d+:R> or after 3 answers\./);
    const [, quizId] = /^quiz:(.+):0:A$/.exec(customIds(q1)[0]!)!;
    const view1 = (h.handler.results.find((r) => r.kind === 'quiz-question') as Extract<CommandResult, { kind: 'quiz-question' }>).question;
    const right1 = rightLetter(h, view1);
    const q1Message = responseMessage(first).id;
    const option = (index: number, letter: string) => `quiz:${quizId}:${index}:${letter}`;

    // Bob answers: only he hears it is in; the channel hears nothing yet.
    expect(await click(h, option(0, wrong(right1)), bob, q1Message, channel.id)).toContain(`Your answer **${wrong(right1)}** to question 1 is in`);
    expect(await click(h, option(0, right1), bob, q1Message, channel.id)).toMatch(/already answered question 1 \(/);
    expect(channelPosts()).toHaveLength(0);

    // Alice and Carol click at the same instant: both count, the question closes once, one post for everyone.
    const [aliceSaw, carolSaw] = await Promise.all([click(h, option(0, right1), alice, q1Message, channel.id), click(h, option(0, right1), carol, q1Message, channel.id)]);
    expect([aliceSaw, carolSaw].filter((t) => t.includes('last one this question needed'))).toHaveLength(1);
    expect([aliceSaw, carolSaw].filter((t) => t.includes('to question 1 is in'))).toHaveLength(1);
    const roundPost = await fake.waitForRequest(route('POST', '/channels/:id/messages', (r) => r.path === `/channels/${channel.id}/messages`));
    const round1 = visibleText(bodyOf(roundPost));
    expect(round1).toContain(`Question 1: the answer is ${right1}. `);
    expect(round1).toMatch(/Source\n\*\*\[1\]\*\* .+\n> /);
    expect(round1).toContain(`✅ <@${alice.id}> (${right1})`);
    expect(round1).toContain(`❌ <@${bob.id}> (${wrong(right1)})`);
    expect(round1).toContain(`✅ <@${carol.id}> (${right1})`);
    expect(round1).toMatch(/Quiz scoreboard[\s\S]*— 1\/1 correct[\s\S]*<@\d+> — 0\/1 correct/);
    expect(round1).toContain('Quiz · question 2 of 2');
    expect(customIds(bodyOf(roundPost))[0]).toBe(option(1, 'A'));
    expect(channelPosts()).toHaveLength(1);

    // A click on question 1 now is refused privately.
    expect(await click(h, option(0, right1), bob, q1Message, channel.id)).toBe('That question has closed; question 2 is open now.');

    // Question 2: only Alice answers; its time runs out (the test fires the round timer).
    const view2 = (h.handler.results.findLast((r) => r.kind === 'quiz-round') as Extract<CommandResult, { kind: 'quiz-round' }>).next!;
    const q2Message = responseMessage(roundPost).id;
    await click(h, option(1, rightLetter(h, view2)), alice, q2Message, channel.id);
    expect(scheduler.pending).toBe(1);
    scheduler.fireNext();
    const finalPost = await fake.waitForRequest(route('POST', '/channels/:id/messages', (r) => r.path === `/channels/${channel.id}/messages` && visibleText(bodyOf(r)).includes('Question 2')));
    const final = visibleText(bodyOf(finalPost));
    expect(final).toContain(`Question 2: the answer is ${rightLetter(h, view2)}. `);
    expect(final).toMatch(/🏁 Quiz finished · final scores\n🥇 <@\d+> — 2\/2 correct/);
    expect(customIds(bodyOf(finalPost))).toEqual([]);
    expect(scheduler.pending).toBe(0);
    expect(await click(h, option(1, 'A'), carol, q2Message, channel.id)).toBe('That quiz has ended. Start a new one with /quiz start.');
  });

  it('a question nobody closes is closed by its timer, with the answer for everyone even when nobody answered', async () => {
    const scheduler = new ManualScheduler();
    h = await startHarness({ scheduler });
    const { fake } = h;
    const start = fake.messageCreate({ content: `<@${fake.bot.id}> quiz 1` });
    await fake.dispatch('MESSAGE_CREATE', start);
    const question = bodyOf(await replyTo(fake, start.id));
    expect(question.content).toContain('a letter without a mention does not reach me');
    // A mention with a letter answers too, and tells the player it is in.
    const answer = fake.messageCreate({ content: `<@${fake.bot.id}> B` });
    await fake.dispatch('MESSAGE_CREATE', answer);
    expect(visibleText(bodyOf(await replyTo(fake, answer.id)))).toContain('Your answer **B** to question 1 is in');
    scheduler.fireNext();
    const closed = await fake.waitForRequest(route('POST', '/channels/:id/messages', (r) => visibleText(bodyOf(r)).includes('Question 1: the answer is')));
    expect(visibleText(bodyOf(closed))).toMatch(/🏁 Quiz finished/);
  });
});

describe('Discord: rate limits count only what costs, and say so privately', () => {
  it('greetings and quiz clicks never count; a limited mention gets ⏳ and a DM, a limited /ask an ephemeral follow-up', async () => {
    h = await startHarness({
      env: { RATE_LIMIT_USER_PER_MINUTE: '2' },
      handler: (advisor) => new AdvisorService({ config: testConfig({ RATE_LIMIT_USER_PER_MINUTE: '2' }), advisor, commands: createCommandHandler(advisor, { quizSeed: 'limits' }) }),
    });
    const { fake } = h;
    const say = async (text: string) => {
      const message = fake.messageCreate({ content: `<@${fake.bot.id}> ${text}` });
      await fake.dispatch('MESSAGE_CREATE', message);
      return message;
    };
    for (const text of ['hi!', 'thanks', 'hello']) await replyTo(fake, (await say(text)).id);
    const start = await say('quiz 1');
    const question = await replyTo(fake, start.id);
    await click(h, customIds(bodyOf(question))[0]!, fake.defaultUser, responseMessage(question).id, fake.textChannel.id);
    await replyTo(fake, (await say('How long does CPC certification take?')).id);
    await replyTo(fake, (await say('What do coders earn?')).id);

    const limited = await say('Where do coders work?');
    await fake.waitForRequest(route('PUT', '/channels/:id/messages/:mid/reactions/:emoji/@me', (r) => r.path.includes(limited.id)));
    const dm = await fake.waitForRequest(route('POST', '/channels/:id/messages', (r) => (bodyOf(r).content ?? '').startsWith('⏳ ')));
    expect(bodyOf(dm).content).toMatch(/You're asking faster than I can keep up; please try again in \d+ s\./);
    expect(dm.path).not.toBe(`/channels/${fake.textChannel.id}/messages`);
    // Nothing about the limit was posted in the channel.
    const inChannel = fake.findRequests(route('POST', '/channels/:id/messages', (r) => r.path === `/channels/${fake.textChannel.id}/messages`));
    expect(inChannel.some((r) => visibleText(bodyOf(r)).includes('faster'))).toBe(false);

    const ask = fake.chatInputInteraction({ name: 'ask', options: { question: 'What is the CCS?' } });
    await fake.dispatch('INTERACTION_CREATE', ask);
    const notice = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/webhooks/${fake.applicationId}/${ask.token}`);
    expect(bodyOf(notice).flags! & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(bodyOf(notice).content).toContain("You're asking faster");
    await fake.waitForRequest(route('DELETE', '/webhooks/:app/:token/messages/@original', (r) => r.path.includes(ask.token)));

    // A greeting still gets its reply.
    expect(visibleText(bodyOf(await replyTo(fake, (await say('hey')).id)))).not.toContain('faster');
  });
});
