import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCommandHandler, type CommandResult } from '../../../src/commands/index.js';
import { MemoryFeedbackSink, type CareerAdvisor } from '../../../src/core/index.js';
import { openTestAdvisor } from '../../helpers/test-advisor.js';
import { appMentionEvent, blockAction, eventCallback, FAKE_IDS, jsonBody, postSignedToApp, slashCommand, type RecordedResponse } from '../../fakes/slack/index.js';
import { blockText, buttons, realCommands, SIGNING_SECRET, startHttpHarness, type SlackHarness } from './harness.js';

let advisor: CareerAdvisor;
let votes: MemoryFeedbackSink;
let h: SlackHarness;

beforeAll(async () => {
  votes = new MemoryFeedbackSink();
  advisor = await openTestAdvisor({ feedback: votes });
});

afterEach(async () => {
  await h?.close();
});

const ALICE = 'U0ALICE';
const BOB = 'U0BOB';

async function career(text: string, options: { user?: string; channel?: string } = {}): Promise<RecordedResponse> {
  const id = `cmd-${Math.random().toString(36).slice(2)}`;
  const response = await postSignedToApp(h.port, slashCommand({ text, user_id: options.user, channel_id: options.channel, response_url: h.api.responseUrl(id) }), SIGNING_SECRET);
  expect(response.status).toBe(200);
  return h.api.waitForResponse(id);
}

async function click(action: { action_id: string; value: string }, options: { user: string; message_ts?: string; thread_ts?: string }): Promise<string> {
  const id = `click-${Math.random().toString(36).slice(2)}`;
  const body = blockAction({ ...action, user: options.user, message_ts: options.message_ts, thread_ts: options.thread_ts, response_url: h.api.responseUrl(id) });
  const response = await postSignedToApp(h.port, body, SIGNING_SECRET);
  expect(response.status).toBe(200);
  return id;
}

describe('/career', () => {
  it('shows a certification card for "cert CCS", privately, with fields, sources and a Sources button', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor) });

    const sent = await career('cert CCS');

    expect(sent.body).toMatchObject({ response_type: 'ephemeral' });
    const blocks = sent.body.blocks as Array<{ type: string; text?: { text: string }; fields?: Array<{ text: string }> }>;
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'CCS — Certified Coding Specialist' } });
    expect(blocks[1]?.text?.text).toBe('AHIMA credential for hospital inpatient coding expertise [1]');
    const fields = blocks.find((b) => b.fields)!.fields!.map((f) => f.text);
    expect(fields).toContain('*Organization*\nAHIMA');
    expect(fields.find((f) => f.startsWith('*Focus*'))).toContain('inpatient');
    expect(blockText(sent)).toContain('*Sources*');
    const [sources] = buttons(sent);
    expect(sources?.action_id).toBe('show_sources');

    const id = await click(sources!, { user: FAKE_IDS.userId });

    const quoted = await h.api.waitForResponse(id);
    expect(quoted.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(blockText(quoted)).toContain('> Certified Coding Specialist (CCS): AHIMA credential for hospital inpatient coding expertise');
  });

  it('compares two certifications side by side', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor) });

    const sent = await career('cert compare CPC CCS');

    const text = blockText(sent);
    expect(text).toContain('*CPC*\nCertified Professional Coder');
    expect(text).toContain('*CCS*\nCertified Coding Specialist');
    expect(text).toContain('AAPC');
    expect(text).toContain('AHIMA');
    expect(text).toContain('*Differences*');
    // One numbering across the reply: only the sources the text cites, each once (both defining
    // lines come from the same section, so both cite [1]), and the guide named once.
    const context = (sent.body.blocks as Array<{ type: string; elements?: Array<{ text: string }> }>).find((b) => b.type === 'context')!;
    const listed = context.elements!.flatMap((e) => [...e.text.matchAll(/^\[(\d+)\] (.+)$/gm)]);
    expect(new Set(listed.map((m) => m[2])).size).toBe(listed.length);
    const cited = new Set(text.match(/\[\d+\]/g));
    expect(listed.map((m) => `[${m[1]}]`).sort()).toEqual([...cited].sort());
    expect(context.elements![0]!.text).toBe('*Sources* — _clinical-coding-specialist-guide.md_');
    expect(JSON.stringify(context.elements!.slice(1))).not.toContain('.md');
  });

  it('runs a plan conversation per user through the slash command', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor) });

    const question = await career('plan');
    expect(blockText(question)).toMatch(/Career plan — question 1 of \d/);
    expect(blockText(question)).toContain('/career <your answer>');
    const next = await career('I have a high school diploma');

    expect(blockText(next)).toMatch(/question 2 of|Your career plan/);
    expect(new Set(h.commands.requests.map((r) => r.conversationId))).toEqual(new Set([`slack:${FAKE_IDS.channelId}:user:${FAKE_IDS.userId}`]));
  });

  it('shows help for an empty command and refuses channels outside the allow-list', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor), env: { SLACK_CHANNEL_IDS: FAKE_IDS.channelId } });

    expect(blockText(await career(''))).toContain('cert compare CPC CCS');
    const refused = await career('cert CCS', { channel: 'C0ELSEWHERE' });

    expect(refused.body).toMatchObject({ response_type: 'ephemeral' });
    expect(String(refused.body.text)).toContain(`<#${FAKE_IDS.channelId}>`);
    expect(h.commands.requests).toHaveLength(1);
  });
});

describe('feedback and sources buttons on an answer', () => {
  it('records 👍 / 👎 with the answer id through the core and thanks the voter privately', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor) });
    await postSignedToApp(h.port, jsonBody(eventCallback(appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> How long does CPC certification take?` }))), SIGNING_SECRET);
    const [post] = h.api.callsTo('chat.postMessage');
    const answer = h.commands.results[0] as Extract<CommandResult, { kind: 'answer' }>;
    const [up, down, sources] = buttons(post!);
    expect(up?.value).toBe(answer.answer.id);

    const thanks = await h.api.waitForResponse(await click(up!, { user: ALICE, thread_ts: String(post!.body.thread_ts) }));
    await h.api.waitForResponse(await click(down!, { user: BOB }));
    const quoted = await h.api.waitForResponse(await click(sources!, { user: BOB }));

    expect(thanks.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(thanks.body.text)).toMatch(/Thanks/);
    const mine = votes.votes.filter((v) => v.answerId === answer.answer.id);
    expect(mine).toMatchObject([
      { answerId: answer.answer.id, userId: ALICE, vote: 'up', platform: 'slack', question: 'How long does CPC certification take?' },
      { answerId: answer.answer.id, userId: BOB, vote: 'down', platform: 'slack' },
    ]);
    for (const c of answer.answer.citations) expect(blockText(quoted)).toContain(`*[${c.n}] `);
  });
});

describe('a quiz played by two people with buttons', () => {
  it('scores each player separately, posts feedback in the thread and refuses stale clicks', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor) });
    const conversationId = `slack:${FAKE_IDS.channelId}:user:${ALICE}`;
    const [key1, key2] = await answerKey(conversationId, ALICE);

    // Alice starts the quiz; it is posted to the channel so everyone can play.
    const q1 = await career('quiz 2', { user: ALICE });
    expect(q1.body).toMatchObject({ response_type: 'in_channel' });
    expect(blockText(q1)).toContain('Question 1 of 2');
    const q1Buttons = buttons(q1);
    expect(q1Buttons.map((b) => b.text)).toEqual(['A', 'B', 'C', 'D', 'Score']);
    const q1Ts = '1700000100.000100';
    const option = (letter: string, list = q1Buttons) => list.find((b) => b.text === letter)!;
    const wrong1 = ['A', 'B', 'C', 'D'].find((l) => l !== key1)!;

    // Bob answers wrong: the thread hears he missed, only Bob sees the answer; the question stays open for Alice.
    const bobClick = await click(option(wrong1), { user: BOB, message_ts: q1Ts });
    const bobFeedback = await h.api.waitForCall('chat.postMessage', (c) => blockText(c).includes(`<@${BOB}>`));
    expect(bobFeedback.body.thread_ts).toBe(q1Ts);
    expect(blockText(bobFeedback)).toContain('stays open');
    expect(blockText(bobFeedback)).not.toContain('The answer is');
    const bobPrivate = await h.api.waitForResponse(bobClick);
    expect(bobPrivate.body).toMatchObject({ response_type: 'ephemeral' });
    expect(blockText(bobPrivate)).toContain(`:x: *Not quite.* The answer is *${key1}.`);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);

    // Bob's second click does not count.
    const again = await h.api.waitForResponse(await click(option(key1), { user: BOB, message_ts: q1Ts }));
    expect(String(again.body.text)).toMatch(/already answered/);

    // Alice answers right: her feedback, then question 2 in the same thread.
    await click(option(key1), { user: ALICE, message_ts: q1Ts });
    const aliceFeedback = await h.api.waitForCall('chat.postMessage', (c) => blockText(c).includes(`<@${ALICE}> :white_check_mark: *Correct!*`));
    const q2 = await h.api.waitForCall('chat.postMessage', (c) => blockText(c).includes('Question 2 of 2'));
    expect([aliceFeedback.body.thread_ts, q2.body.thread_ts]).toEqual([q1Ts, q1Ts]);

    // A late click on question 1 is refused instead of answering question 2.
    const stale = await h.api.waitForResponse(await click(option(wrong1), { user: BOB, message_ts: q1Ts }));
    expect(String(stale.body.text)).toMatch(/closed/);

    // Bob gets question 2 right; the quiz ends with the scoreboard in the thread.
    await click(option(key2, buttons(q2)), { user: BOB, message_ts: '1700000100.000300', thread_ts: q1Ts });
    const board = await h.api.waitForCall('chat.postMessage', (c) => blockText(c).includes('Quiz finished'));
    expect(board.body.thread_ts).toBe(q1Ts);
    expect(blockText(board)).toContain(`<@${BOB}> — 1/2 correct`);
    expect(blockText(board)).toContain(`<@${ALICE}> — 1/1 correct`);

    const score = await h.api.waitForResponse(await click(option('Score', q1Buttons), { user: ALICE, message_ts: q1Ts }));
    expect(score.body).toMatchObject({ response_type: 'ephemeral' });
    expect(h.commands.requests.every((r) => r.conversationId === conversationId)).toBe(true);
  });
});

describe('a quiz in a thread, answered by mentioning the app', () => {
  it('takes typed letters and tells a player privately what they missed', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor) });
    const start = appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> quiz 2`, user: ALICE });
    const conversationId = `slack:${FAKE_IDS.channelId}:${start.ts}`;
    const [key1] = await answerKey(conversationId, ALICE);
    const wrong = ['A', 'B', 'C', 'D'].find((l) => l !== key1)!;

    await postSignedToApp(h.port, jsonBody(eventCallback(start)), SIGNING_SECRET);
    await postSignedToApp(h.port, jsonBody(eventCallback(appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> ${wrong}`, user: BOB, thread_ts: String(start.ts) }))), SIGNING_SECRET);

    const [question, missed] = h.api.callsTo('chat.postMessage');
    expect(blockText(question!)).toContain('Question 1 of 2');
    expect(buttons(question!).map((b) => b.text)).toEqual(['A', 'B', 'C', 'D', 'Score']);
    expect(blockText(missed!)).toContain(`<@${BOB}> :x: not this time`);
    expect(missed!.body.thread_ts).toBe(start.ts);
    const [secret] = h.api.callsTo('chat.postEphemeral');
    expect(secret?.body).toMatchObject({ channel: FAKE_IDS.channelId, user: BOB, thread_ts: start.ts });
    expect(blockText(secret!)).toContain(`The answer is *${key1}.`);
  });
});

/**
 * The correct letters of the first quiz in `conversationId`, read from a second handler with the same seed
 * (quizzes are reproducible per seed and conversation), so the test does not hard-code the generator's output.
 */
async function answerKey(conversationId: string, userId: string): Promise<string[]> {
  const peek = createCommandHandler(advisor, { quizSeed: 'slack-tests' });
  const request = { conversationId, userId, platform: 'slack' as const };
  await peek.handle({ ...request, text: 'quiz 2' });
  const letters: string[] = [];
  for (let i = 0; i < 2; i += 1) {
    const result = await peek.handle({ ...request, text: 'quiz answer A' });
    if (result.kind !== 'quiz-feedback') throw new Error(`unexpected ${result.kind}`);
    letters.push(result.answer.charAt(0));
  }
  return letters;
}
