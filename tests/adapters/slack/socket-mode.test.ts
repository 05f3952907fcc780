import { LogLevel } from '@slack/bolt';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CareerAdvisor } from '../../../src/core/index.js';
import { openTestAdvisor } from '../../helpers/test-advisor.js';
import { appMentionEvent, eventCallback, FAKE_IDS, slashCommandPayload } from '../../fakes/slack/index.js';
import { realCommands, APP_TOKEN, BOT_TOKEN, blockText, buttons, startSocketHarness, type SlackHarness } from './harness.js';

let advisor: CareerAdvisor;
let h: SlackHarness;

beforeAll(async () => {
  advisor = await openTestAdvisor();
});

afterEach(async () => {
  await h?.close();
});

describe('Socket Mode end to end', () => {
  it('acks an events_api app_mention and replies in its thread with sources', async () => {
    h = await startSocketHarness({ advisor, commands: realCommands(advisor) });
    const event = appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> Which AHIMA credential is for inpatient coding?` });

    const envelopeId = h.socket!.sendEvent(eventCallback(event));

    await h.socket!.waitForAck(envelopeId);
    const post = await h.api.waitForCall('chat.postMessage');
    expect(post.token).toBe(BOT_TOKEN);
    expect(post.body).toMatchObject({ channel: FAKE_IDS.channelId, thread_ts: event.ts });
    expect(blockText(post)).toContain('Certified Coding Specialist (CCS)');
    expect(blockText(post)).toContain('*Sources*');
    expect(buttons(post).map((b) => b.action_id)).toContain('show_sources');
    expect(h.api.callsTo('apps.connections.open')[0]?.token).toBe(APP_TOKEN);
    expect(h.running.mode).toBe('socket');
  });

  it('answers a redelivered envelope (retry_attempt, same event_id) once', async () => {
    h = await startSocketHarness({ advisor, commands: realCommands(advisor) });
    const body = eventCallback(appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> What is a CPC?` }), { event_id: 'Ev0SOCKETRETRY' });

    const first = h.socket!.sendEvent(body);
    await h.socket!.waitForAck(first);
    await h.api.waitForCall('chat.postMessage');
    const retry = h.socket!.sendEvent(body, { retryAttempt: 1, retryReason: 'timeout' });
    await h.socket!.waitForAck(retry);
    await vi.waitFor(() => expect(h.logger.has(LogLevel.INFO, 'ignoring a repeated delivery of event Ev0SOCKETRETRY (retry 1, timeout)')).toBe(true));

    expect(h.commands.requests.map((r) => r.text)).toEqual(['What is a CPC?']);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('acks /career over the socket and answers through the response URL', async () => {
    h = await startSocketHarness({ advisor, commands: realCommands(advisor) });

    const envelopeId = h.socket!.sendSlashCommand(slashCommandPayload({ text: 'What is a CPC?', response_url: h.api.responseUrl('sock-cmd') }));

    await h.socket!.waitForAck(envelopeId);
    const sent = await h.api.waitForResponse('sock-cmd');
    expect(sent.body).toMatchObject({ response_type: 'ephemeral' });
    expect(blockText(sent)).toContain('CPC');
  });
});
