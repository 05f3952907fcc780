import { EventEmitter } from 'node:events';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CareerAdvisor } from '../../../src/core/index.js';
import { ConfigError } from '../../../src/errors.js';
import { createSlackCliCommand, startSlackApp, type RunningSlackApp } from '../../../adapters/slack/index.js';
import { openTestAdvisor, testConfig } from '../../helpers/test-advisor.js';
import { appMentionEvent, createRecordingLogger, eventCallback, FAKE_IDS, FakeSlackWebApi, jsonBody, postSignedToApp } from '../../fakes/slack/index.js';
import { realCommands, BOT_TOKEN, deferred, SIGNING_SECRET } from './harness.js';

let advisor: CareerAdvisor;
let api: FakeSlackWebApi | undefined;

beforeAll(async () => {
  advisor = await openTestAdvisor();
});

afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('career-advisor slack', () => {
  it('serves until SIGTERM, then finishes the answer in progress and exits 0', async () => {
    api = await FakeSlackWebApi.start();
    const signals = new EventEmitter();
    const lines: string[] = [];
    const gate = deferred();
    const answering = deferred();
    const started = deferred();
    let running: RunningSlackApp | undefined;
    const command = createSlackCliCommand({
      loadConfig: () => testConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api!.apiUrl, PORT: '0' }),
      openAdvisor: async () => advisor,
      createCommands: (a) => ({
        async handle(request) {
          answering.resolve();
          await gate.promise;
          return realCommands(a).handle(request);
        },
      }),
      startSlackApp: async (options) => {
        running = await startSlackApp({ ...options, logger: createRecordingLogger(), clientOptions: { retryConfig: { retries: 0 } } });
        started.resolve();
        return running;
      },
      signals: signals as unknown as NodeJS.Process,
      stderr: (line) => lines.push(line),
    });

    const exit = command.run([]);
    await started.promise;
    // Production setting (processBeforeResponse off): Slack gets its 200 at once, the answer follows.
    const response = await postSignedToApp(running!.port!, jsonBody(eventCallback(appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> What is a CPC?` }))), SIGNING_SECRET);
    expect(response.status).toBe(200);
    await answering.promise;

    signals.emit('SIGTERM', 'SIGTERM');
    let exited = false;
    void exit.then(() => (exited = true));
    await vi.waitFor(() => expect(lines.some((l) => l.includes('Received SIGTERM'))).toBe(true));
    expect(exited).toBe(false); // still waiting for the answer
    gate.resolve();

    expect(await exit).toBe(0);
    expect(api.callsTo('chat.postMessage')).toHaveLength(1);
    expect(lines[0]).toMatch(/listening on port \d+/);
    expect(lines.join('\n')).not.toContain(BOT_TOKEN);
    expect(signals.listenerCount('SIGTERM') + signals.listenerCount('SIGINT') + signals.listenerCount('unhandledRejection')).toBe(0);
  });

  it('starts the real app with its default wiring (lazy Bolt import, pino logger) and stops on SIGINT', async () => {
    api = await FakeSlackWebApi.start();
    const signals = new EventEmitter();
    const lines: string[] = [];
    const command = createSlackCliCommand({
      loadConfig: () => testConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api!.apiUrl, PORT: '0', LOG_LEVEL: 'silent' }),
      openAdvisor: async () => advisor,
      signals: signals as unknown as NodeJS.Process,
      stderr: (line) => lines.push(line),
    });

    const exit = command.run([]);
    await vi.waitFor(() => expect(lines.some((l) => l.includes('listening on port'))).toBe(true));
    const port = Number(/port (\d+)/.exec(lines.find((l) => l.includes('listening on port'))!)![1]);
    const response = await postSignedToApp(port, jsonBody(eventCallback(appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> cert CCS` }))), SIGNING_SECRET);
    expect(response.status).toBe(200);
    // The real command layer is wired in: "cert CCS" is a card, not a free-text answer.
    const post = await api.waitForCall('chat.postMessage');
    expect(JSON.stringify(post.body.blocks)).toContain('CCS — Certified Coding Specialist');
    signals.emit('SIGINT', 'SIGINT');

    expect(await exit).toBe(0);
  });

  it('fails fast on missing Slack settings, before opening the index', async () => {
    const openAdvisor = vi.fn(async () => advisor);
    const command = createSlackCliCommand({ loadConfig: () => testConfig({ SLACK_BOT_TOKEN: BOT_TOKEN }), openAdvisor, stderr: () => undefined });

    await expect(command.run([])).rejects.toBeInstanceOf(ConfigError);
    expect(openAdvisor).not.toHaveBeenCalled();
  });

  it('prints usage for --help', async () => {
    const lines: string[] = [];
    const command = createSlackCliCommand({ stderr: (line) => lines.push(line) });

    expect(await command.run(['--help'])).toBe(0);
    expect(command.name).toBe('slack');
    expect(lines.join('\n')).toContain('docs/slack.md');
  });
});
