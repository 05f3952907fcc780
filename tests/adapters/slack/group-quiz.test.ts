import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { allQuizQuestions, createCommandHandler, type CommandResult, type QuizQuestionView } from '../../../src/commands/index.js';
import type { CareerAdvisor } from '../../../src/core/index.js';
import { AdvisorService } from '../../../src/service/index.js';
import { ManualScheduler } from '../../helpers/manual-scheduler.js';
import { openTestAdvisor, testConfig } from '../../helpers/test-advisor.js';
import { appMentionEvent, blockAction, eventCallback, FAKE_IDS, imMessageEvent, jsonBody, postSignedToApp, slashCommand } from '../../fakes/slack/index.js';
import { blockText, buttons, realCommands, SIGNING_SECRET, startHttpHarness, type SlackHarness } from './harness.js';

let advisor: CareerAdvisor;
let h: SlackHarness | undefined;
beforeAll(async () => {
  advisor = await openTestAdvisor();
});
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const [ALICE, BOB, CAROL] = ['U0ALICE', 'U0BOB', 'U0CAROL'];
const LETTERS = ['A', 'B', 'C', 'D'];
const wrong = (right: string) => (right === 'A' ? 'B' : 'A');

/** The right letter of a question the app showed, found in the guide's question bank (not hard-coded). */
function rightLetter(view: QuizQuestionView): string {
  const q = allQuizQuestions(advisor.index).find((x) => x.question === view.question && view.options.includes(x.answerText))!;
  return LETTERS[view.options.indexOf(q.answerText)]!;
}

function shownQuestions(harness: SlackHarness): QuizQuestionView[] {
  return harness.commands.results.flatMap((r: CommandResult) => (r.kind === 'quiz-question' ? [r.question] : r.kind === 'quiz-round' && r.next ? [r.next] : []));
}

async function slash(harness: SlackHarness, text: string, user: string): Promise<string> {
  const id = `cmd-${Math.random().toString(36).slice(2)}`;
  const response = await postSignedToApp(harness.port, slashCommand({ text, user_id: user, response_url: harness.api.responseUrl(id) }), SIGNING_SECRET);
  expect(response.status).toBe(200);
  return id;
}

/** Clicks a button as `user`; returns the text only that user was shown (the ephemeral response). */
async function click(harness: SlackHarness, action: { action_id: string; value: string }, user: string, messageTs: string, threadTs?: string): Promise<string> {
  const id = `click-${Math.random().toString(36).slice(2)}`;
  const body = blockAction({ ...action, user, message_ts: messageTs, ...(threadTs ? { thread_ts: threadTs } : {}), response_url: harness.api.responseUrl(id) });
  expect((await postSignedToApp(harness.port, body, SIGNING_SECRET)).status).toBe(200);
  const response = await harness.api.waitForResponse(id);
  expect(response.body).toMatchObject({ response_type: 'ephemeral' });
  return `${String(response.body.text ?? '')}\n${blockText(response)}`;
}

async function mention(harness: SlackHarness, text: string, user: string, threadTs?: string): Promise<void> {
  const event = appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> ${text}`, user, ...(threadTs ? { thread_ts: threadTs } : {}) });
  await postSignedToApp(harness.port, jsonBody(eventCallback(event)), SIGNING_SECRET);
}

describe('Slack: a quiz for the whole channel, three players, buttons only', () => {
  it('keeps each question open for everyone, counts first answers (also two at once) and posts answer, cited line and scores in the quiz thread', async () => {
    const scheduler = new ManualScheduler();
    // The command layer reads the round settings from the advisor's configuration (one config in production).
    const rounds = Object.create(advisor, { config: { value: testConfig({ QUIZ_ROUND_PLAYERS: '3', QUIZ_ROUND_SECONDS: '20' }) } }) as CareerAdvisor;
    h = await startHttpHarness({ advisor, commands: realCommands(rounds), scheduler });
    const { api } = h;
    await slash(h, 'quiz 2', ALICE);

    // The quiz is posted in the channel (not through the private response URL) and played in its thread.
    const q1 = await api.waitForCall('chat.postMessage', (c) => blockText(c).includes('Question 1 of 2'));
    expect(q1.body.thread_ts).toBeUndefined();
    expect(blockText(q1)).toContain('Each question stays open for 20 s or until 3 players have answered');
    expect(blockText(q1)).toContain('mention me with the letter in this thread');
    expect(blockText(q1)).toMatch(/Closes at <!date\^\d+\^\{time_secs\}\|[\d:]+ UTC> or after 3 answers/);
    const q1Ts = api.messages.all.find((m) => String(m.text).startsWith('Quiz question 1/2'))!.ts;
    const [view1] = shownQuestions(h);
    const right1 = rightLetter(view1!);
    const option = (letter: string, post = q1) => buttons(post).find((b) => b.text === letter)!;
    const roundPosts = () => api.callsTo('chat.postMessage').filter((c) => blockText(c).includes('the answer is'));

    expect(await click(h, option(wrong(right1)), BOB, q1Ts)).toContain(`Your answer *${wrong(right1)}* to question 1 is in`);
    expect(await click(h, option(right1), BOB, q1Ts)).toMatch(/already answered question 1/);
    expect(roundPosts()).toHaveLength(0);

    // Alice and Carol click at the same instant: both count, one round post for everyone.
    const [aliceSaw, carolSaw] = await Promise.all([click(h, option(right1), ALICE, q1Ts), click(h, option(right1), CAROL, q1Ts)]);
    expect([aliceSaw, carolSaw].filter((t) => t.includes('last one this question needed'))).toHaveLength(1);
    expect([aliceSaw, carolSaw].filter((t) => t.includes('to question 1 is in'))).toHaveLength(1);
    const round1 = await api.waitForCall('chat.postMessage', (c) => blockText(c).includes('Question 1: the answer is'));
    expect(round1.body.thread_ts).toBe(q1Ts);
    const text1 = blockText(round1);
    expect(text1).toContain(`*Question 1: the answer is ${right1}. `);
    expect(text1).toMatch(/\[1\]\n> /);
    expect(text1).toContain(`:white_check_mark: <@${ALICE}> (${right1})`);
    expect(text1).toContain(`:x: <@${BOB}> (${wrong(right1)})`);
    expect(text1).toContain(`:white_check_mark: <@${CAROL}> (${right1})`);
    const board = await api.waitForCall('chat.postMessage', (c) => blockText(c).includes('*Quiz scoreboard*'));
    expect(blockText(board)).toMatch(/1\. <@U0(ALICE|CAROL)> — 1\/1 correct[\s\S]*3\. <@U0BOB> — 0\/1 correct/);
    const q2 = await api.waitForCall('chat.postMessage', (c) => blockText(c).includes('Question 2 of 2'));
    expect(q2.body.thread_ts).toBe(q1Ts);
    expect(roundPosts()).toHaveLength(1);

    expect(await click(h, option(right1), BOB, q1Ts)).toContain('That question has closed; question 2 is open now.');

    // Nobody answers question 2: its timer closes it and the quiz ends in the thread.
    expect(scheduler.pending).toBe(1);
    scheduler.fireNext();
    const round2 = await api.waitForCall('chat.postMessage', (c) => blockText(c).includes('Question 2: the answer is'));
    expect(round2.body.thread_ts).toBe(q1Ts);
    expect(blockText(round2)).toContain('Nobody answered in time.');
    const final = await api.waitForCall('chat.postMessage', (c) => blockText(c).includes('*Quiz finished*'));
    expect(final.body.thread_ts).toBe(q1Ts);
    expect(scheduler.pending).toBe(0);
  });

  it('in a thread a mention with the letter answers privately; in a DM a bare letter answers and the question closes at once', async () => {
    const scheduler = new ManualScheduler();
    h = await startHttpHarness({ advisor, commands: realCommands(advisor), scheduler });
    const { api } = h;
    const start = appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> quiz 1`, user: ALICE });
    await postSignedToApp(h.port, jsonBody(eventCallback(start)), SIGNING_SECRET);
    await mention(h, 'B', BOB, String(start.ts));
    const [taken] = api.callsTo('chat.postEphemeral');
    expect(taken?.body).toMatchObject({ channel: FAKE_IDS.channelId, user: BOB, thread_ts: start.ts });
    expect(blockText(taken!)).toContain('Your answer *B* to question 1 is in');
    expect(api.callsTo('chat.postMessage').filter((c) => blockText(c).includes('the answer is'))).toHaveLength(0);
    scheduler.fireNext();
    const closed = await api.waitForCall('chat.postMessage', (c) => blockText(c).includes('Question 1: the answer is'));
    expect(closed.body.thread_ts).toBe(start.ts);
    expect(blockText(closed)).toMatch(new RegExp(`(:white_check_mark:|:x:) <@${BOB}> \\(B\\)`));

    // A DM: the intro says a letter works, and a bare letter closes the question straight away.
    await postSignedToApp(h.port, jsonBody(eventCallback(imMessageEvent({ text: 'quiz 1', user: CAROL }))), SIGNING_SECRET);
    const dmQuestion = await api.waitForCall('chat.postMessage', (c) => c.body.channel === FAKE_IDS.dmChannelId && blockText(c).includes('Question 1 of 1'));
    expect(blockText(dmQuestion)).toContain('Click a button or type the letter.');
    await postSignedToApp(h.port, jsonBody(eventCallback(imMessageEvent({ text: 'C', user: CAROL }))), SIGNING_SECRET);
    const dmRound = await api.waitForCall('chat.postMessage', (c) => c.body.channel === FAKE_IDS.dmChannelId && blockText(c).includes('the answer is'));
    expect(blockText(dmRound)).toContain(`<@${CAROL}> (C)`);
  });
});

describe('Slack: rate limits count only what costs, and say so privately', () => {
  it('greetings and quiz clicks never count; a limited mention gets chat.postEphemeral, a limited /career an ephemeral response', async () => {
    const limited = (a: CareerAdvisor) => new AdvisorService({ config: testConfig({ RATE_LIMIT_USER_PER_MINUTE: '2' }), advisor: a, commands: createCommandHandler(a, { quizSeed: 'limits' }) });
    h = await startHttpHarness({ advisor, commands: limited(advisor) });
    const { api } = h;
    for (const text of ['hi!', 'thanks', 'hello']) await mention(h, text, ALICE);
    await mention(h, 'quiz 1', ALICE);
    const question = await api.waitForCall('chat.postMessage', (c) => blockText(c).includes('Question 1 of 1'));
    await click(h, buttons(question)[0]!, ALICE, String(question.body.thread_ts));
    await mention(h, 'How long does CPC certification take?', ALICE);
    await mention(h, 'What do coders earn?', ALICE);
    const posted = api.callsTo('chat.postMessage').length;

    await mention(h, 'Where do coders work?', ALICE);
    const notice = await api.waitForCall('chat.postEphemeral', (c) => String(c.body.text).includes('faster'));
    expect(notice.body).toMatchObject({ channel: FAKE_IDS.channelId, user: ALICE });
    expect(String(notice.body.text)).toMatch(/^:hourglass: You're asking faster than I can keep up; please try again in \d+ s\.$/);
    expect(api.callsTo('chat.postMessage')).toHaveLength(posted);

    const refused = await h.api.waitForResponse(await slash(h, 'What is the CCS?', ALICE));
    expect(refused.body).toMatchObject({ response_type: 'ephemeral' });
    expect(`${String(refused.body.text)}${blockText(refused)}`).toContain("You're asking faster");
    expect(api.callsTo('chat.postMessage').some((c) => blockText(c).includes('faster') || String(c.body.text).includes('faster'))).toBe(false);

    await mention(h, 'hey', ALICE);
    expect(api.callsTo('chat.postMessage')).toHaveLength(posted + 1);
  });
});
