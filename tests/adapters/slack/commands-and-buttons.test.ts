import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CommandResult } from '../../../src/commands/index.js';
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

// Group quizzes (rounds, three players, timers): group-quiz.test.ts.
