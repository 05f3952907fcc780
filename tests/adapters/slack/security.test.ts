import { request } from 'node:http';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LogLevel } from '@slack/bolt';
import type { CareerAdvisor } from '../../../src/core/index.js';
import { ConfigError } from '../../../src/errors.js';
import { slackMode, startSlackApp } from '../../../adapters/slack/index.js';
import { openTestAdvisor, testConfig } from '../../helpers/test-advisor.js';
import { appMentionEvent, eventCallback, FAKE_IDS, jsonBody, nowSeconds, postSignedToApp, postToApp, signRequest, slashCommand } from '../../fakes/slack/index.js';
import { realCommands, APP_TOKEN, BOT_TOKEN, SIGNING_SECRET, startHttpHarness, type SlackHarness } from './harness.js';

let advisor: CareerAdvisor;
let h: SlackHarness;

beforeAll(async () => {
  advisor = await openTestAdvisor();
});

afterEach(async () => {
  await h?.close();
});

const question = () => jsonBody(eventCallback(appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> What is a CPC?` })));

describe('request verification', () => {
  it('refuses a bad signature with 401 and runs no handler', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor) });
    const body = question();

    const response = await postToApp(h.port, undefined, body, signRequest(body.body, 'not-the-secret'));

    expect(response.status).toBe(401);
    expect(h.commands.requests).toHaveLength(0);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('refuses a request signed 6 minutes ago (replay) with 401', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor) });

    const response = await postSignedToApp(h.port, question(), SIGNING_SECRET, { timestampSeconds: nowSeconds() - 6 * 60 });

    expect(response.status).toBe(401);
    expect(h.commands.requests).toHaveLength(0);
  });

  it('refuses a request signed 10 minutes in the future with 401 (Bolt alone would accept it)', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor) });

    const response = await postSignedToApp(h.port, question(), SIGNING_SECRET, { timestampSeconds: nowSeconds() + 10 * 60 });

    expect(response.status).toBe(401);
    expect(h.commands.requests).toHaveLength(0);
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(0);
    expect(h.logger.has(LogLevel.WARN, 'Refused a Slack request: its timestamp is')).toBe(true);
  });

  it('refuses a forged slash command too', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor) });
    const body = slashCommand({ text: 'cert CCS', response_url: h.api.responseUrl() });

    const response = await postToApp(h.port, undefined, body, signRequest(body.body, 'not-the-secret'));

    expect(response.status).toBe(401);
    expect(h.commands.requests).toHaveLength(0);
  });

  it('accepts a correctly signed request within the window (4 minutes skew)', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor) });

    const response = await postSignedToApp(h.port, question(), SIGNING_SECRET, { timestampSeconds: nowSeconds() + 4 * 60 });

    expect(response.status).toBe(200);
    expect(h.commands.requests).toHaveLength(1);
  });

  it('serves GET /healthz without a signature', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor) });

    const status = await new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port: h.port, path: '/healthz', agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });

    expect(status).toBe(200);
  });
});

describe('secrets', () => {
  it('never writes a token or the signing secret to the log, even at debug level', async () => {
    h = await startHttpHarness({ advisor, commands: realCommands(advisor) });
    h.logger.setLevel(LogLevel.DEBUG);
    const body = question();
    await postSignedToApp(h.port, body, SIGNING_SECRET);
    await postToApp(h.port, undefined, body, signRequest(body.body, 'not-the-secret'));
    h.running.app.logger.debug(`config dump attempt ${BOT_TOKEN} ${SIGNING_SECRET}`);

    const log = h.logger.entries.map((e) => e.message).join('\n');
    expect(h.logger.entries.length).toBeGreaterThan(3);
    expect(log).not.toContain(BOT_TOKEN);
    expect(log).not.toContain(SIGNING_SECRET);
    expect(log).toContain('[redacted]');
  });

  it('names the missing variables (not their values) when the app cannot start', async () => {
    expect(() => slackMode(testConfig({ SLACK_SIGNING_SECRET: SIGNING_SECRET }))).toThrow(/SLACK_BOT_TOKEN/);
    expect(() => slackMode(testConfig({ SLACK_BOT_TOKEN: BOT_TOKEN }))).toThrow(/SLACK_SIGNING_SECRET .*or SLACK_APP_TOKEN/);
    await expect(startSlackApp({ config: testConfig({ SLACK_BOT_TOKEN: BOT_TOKEN }), advisor, commands: realCommands(advisor) })).rejects.toBeInstanceOf(ConfigError);
    expect(() => slackMode(testConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: 'xoxb-wrong-kind' }))).toThrow(/xapp-/);
    try {
      slackMode(testConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: 'xoxb-wrong-kind' }));
    } catch (error) {
      expect(String(error)).not.toContain('xoxb-wrong-kind');
    }
    expect(slackMode(testConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET }))).toBe('socket');
  });
});
