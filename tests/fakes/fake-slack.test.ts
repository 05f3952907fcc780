import { setTimeout as delay } from 'node:timers/promises';
import { App, LogLevel, SocketModeReceiver, type webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FAKE_IDS,
  FakeSlackWebApi,
  FakeSocketModeServer,
  appMentionEvent,
  blockAction,
  createRecordingLogger,
  eventCallback,
  jsonBody,
  nowSeconds,
  postSignedToApp,
  postToApp,
  signRequest,
  slashCommand,
  slashCommandPayload,
  startHttpApp,
  stopSocketModeApp,
  type RecordingLogger,
} from './slack/index.js';

const SIGNING_SECRET = 'fake-signing-secret';
const BOT_TOKEN = 'xoxb-fake-bot-token';
const APP_TOKEN = 'xapp-1-fake-app-token';

let api: FakeSlackWebApi;
let logger: RecordingLogger;

beforeEach(async () => {
  // Must listen before `new App()`: the constructor fires auth.test immediately.
  api = await FakeSlackWebApi.start();
  logger = createRecordingLogger();
});

afterEach(async () => {
  await api.close();
});

describe('HTTP mode with the real Bolt App', () => {
  let app: App;
  let port: number;

  beforeEach(async () => {
    app = new App({
      token: BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
      processBeforeResponse: true,
      logger,
      clientOptions: api.clientOptions(),
    });
    registerMentionEcho(app);
    port = await startHttpApp(app);
  });

  afterEach(async () => {
    await app.stop();
  });

  it('answers an app_mention in its thread via chat.postMessage', async () => {
    const event = appMentionEvent({
      text: `<@${FAKE_IDS.botUserId}> how do I become a nurse?`,
      thread_ts: '1700000000.000100',
    });

    const response = await postSignedToApp(port, jsonBody(eventCallback(event)), SIGNING_SECRET);

    expect(response.status).toBe(200);
    // processBeforeResponse: the HTTP response is held until the listener finished, so no waiting is needed.
    const [post] = api.callsTo('chat.postMessage');
    expect(post?.token).toBe(BOT_TOKEN);
    expect(post?.body).toMatchObject({
      channel: FAKE_IDS.channelId,
      thread_ts: '1700000000.000100',
      text: 'echo: how do I become a nurse?',
    });
    expect(api.callsTo('auth.test')).toHaveLength(1);
  });

  it('rejects a bad signature with 401 without running the handler', async () => {
    const body = jsonBody(eventCallback(appMentionEvent()));

    const response = await postToApp(port, undefined, body, signRequest(body.body, 'wrong-secret'));

    expect(response.status).toBe(401);
    expect(api.callsTo('chat.postMessage')).toHaveLength(0);
    expect(logger.has(LogLevel.WARN, 'signature mismatch')).toBe(true);
  });

  it('rejects stale timestamps but accepts future ones (Bolt only checks one side)', async () => {
    const body = jsonBody(eventCallback(appMentionEvent()));

    const stale = await postSignedToApp(port, body, SIGNING_SECRET, { timestampSeconds: nowSeconds() - 6 * 60 });
    const future = await postSignedToApp(port, body, SIGNING_SECRET, { timestampSeconds: nowSeconds() + 60 * 60 });

    expect(stale.status).toBe(401);
    expect(future.status).toBe(200);
  });

  it('exposes x-slack-retry-* headers as context.retryNum / retryReason', async () => {
    const seen: unknown[] = [];
    app.event('app_mention', async ({ context }) => {
      seen.push([context.retryNum, context.retryReason]);
    });

    await postSignedToApp(port, jsonBody(eventCallback(appMentionEvent())), SIGNING_SECRET, {
      retryNum: 1,
      retryReason: 'http_timeout',
    });

    expect(seen).toEqual([[1, 'http_timeout']]);
  });

  it('acks a /career slash command and respond() reaches the response_url sink', async () => {
    app.command('/career', async ({ command, ack, respond }) => {
      await ack();
      await respond({ response_type: 'ephemeral', text: `Looking up: ${command.text}` });
    });
    const responseUrl = api.responseUrl('career-1');

    const body = slashCommand({ text: 'data analyst', response_url: responseUrl });
    const response = await postSignedToApp(port, body, SIGNING_SECRET);

    expect(response.status).toBe(200);
    const sent = await api.waitForResponse('career-1');
    expect(sent.body).toEqual({ response_type: 'ephemeral', text: 'Looking up: data analyst' });
  });

  it('delivers a block action from a payload= form body', async () => {
    const clicked: string[] = [];
    app.action('feedback_up', async ({ ack, action, body }) => {
      await ack();
      if (action.type === 'button' && body.type === 'block_actions') {
        clicked.push(`${action.value}@${body.container.thread_ts}`);
      }
    });

    const body = blockAction({
      action_id: 'feedback_up',
      value: 'good',
      thread_ts: '1700000000.000200',
      response_url: api.responseUrl(),
    });
    const response = await postSignedToApp(port, body, SIGNING_SECRET);

    expect(response.status).toBe(200);
    expect(clicked).toEqual(['good@1700000000.000200']);
  });
});

describe('Web API failure injection', () => {
  function client(overrides: webApi.WebClientOptions = {}): webApi.WebClient {
    const options = api.clientOptions(overrides);
    return new App({ token: BOT_TOKEN, signingSecret: SIGNING_SECRET, logger, clientOptions: options }).client;
  }

  it('answers 429 with retry-after, then succeeds', async () => {
    api.failNext('chat.postMessage', { status: 429, retryAfterSec: 7 });
    const web = client({ rejectRateLimitedCalls: true });

    await expect(web.chat.postMessage({ channel: 'C1', text: 'hi' })).rejects.toMatchObject({
      code: 'slack_webapi_rate_limited_error',
      retryAfter: 7,
    });
    await expect(web.chat.postMessage({ channel: 'C1', text: 'hi' })).resolves.toMatchObject({ ok: true });
    expect(api.callsTo('chat.postMessage').map((c) => c.status)).toEqual([429, 200]);
  });

  it('answers 500 and WebClient surfaces an HTTP error', async () => {
    api.failNext('conversations.replies', { status: 500 });

    await expect(client().conversations.replies({ channel: 'C1', ts: '1.2' })).rejects.toMatchObject({
      code: 'slack_webapi_http_error',
      statusCode: 500,
    });
  });

  it('decodes JSON-encoded form fields such as blocks', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Hi*' } }];

    await client().chat.postMessage({ channel: 'C1', text: '[not json]', blocks });

    const call = await api.waitForCall('chat.postMessage', (c) => c.body.channel === 'C1');
    expect(call.body.blocks).toEqual(blocks);
    expect(call.body.text).toBe('[not json]');
  });
});

describe('Socket Mode with the real Bolt App', () => {
  let socket: FakeSocketModeServer;
  let app: App;

  beforeEach(async () => {
    socket = await FakeSocketModeServer.start({ webApi: api });
    app = socketModeApp();
    registerMentionEcho(app);
    await app.start();
  });

  afterEach(async () => {
    // Order matters: wait for the client's `disconnected` before closing the fake, or it schedules a reconnect.
    await stopSocketModeApp(app);
    await socket.close();
  });

  it('delivers an events_api envelope, records the ack and the reply', async () => {
    const event = appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> hi there` });

    const envelopeId = socket.sendEvent(eventCallback(event));

    expect(await socket.waitForAck(envelopeId)).toEqual({ envelope_id: envelopeId, payload: {} });
    const post = await api.waitForCall('chat.postMessage');
    expect(post.body).toMatchObject({ thread_ts: event.ts, text: 'echo: hi there' });
    expect(api.callsTo('apps.connections.open')[0]?.token).toBe(APP_TOKEN);
  });

  it('returns a slash command ack payload over the socket', async () => {
    app.command('/career', async ({ ack }) => ack({ text: 'on it' }));

    const command = slashCommandPayload({ text: 'nurse', response_url: api.responseUrl() });
    const envelopeId = socket.sendSlashCommand(command);

    expect((await socket.waitForAck(envelopeId)).payload).toEqual({ text: 'on it' });
  });
});

describe('Socket Mode lifecycle', () => {
  it('reconnects when Slack sends a disconnect (explicit receiver with a short clientPingTimeout)', async () => {
    const socket = await FakeSocketModeServer.start({ webApi: api });
    // App({ socketMode: true }) does not forward clientPingTimeout/autoReconnectEnabled; build the receiver yourself.
    // The receiver's own WebClient (apps.connections.open) only sees installerOptions.clientOptions.
    const receiver = new SocketModeReceiver({
      appToken: APP_TOKEN,
      clientPingTimeout: 100,
      logger,
      installerOptions: { clientOptions: api.clientOptions() },
    });
    const app = new App({ token: BOT_TOKEN, receiver, logger, clientOptions: api.clientOptions() });
    registerMentionEcho(app);
    await app.start();
    try {
      const reconnected = waitForHello(receiver); // subscribe before triggering, the hello can arrive quickly
      socket.sendDisconnect();
      await reconnected;
      const envelopeId = socket.sendEvent(eventCallback(appMentionEvent()));

      await socket.waitForAck(envelopeId);
      expect(socket.connectionCount).toBe(2);
      expect(api.callsTo('apps.connections.open')).toHaveLength(2);
    } finally {
      await stopSocketModeApp(app);
      await socket.close();
    }
  });

  it('leaves no sockets, servers or timers behind after teardown', async () => {
    const baseline = activeResources();
    const socket = await FakeSocketModeServer.start({ webApi: api });
    const app = socketModeApp();
    registerMentionEcho(app);
    await app.start();
    try {
      await socket.waitForAck(socket.sendEvent(eventCallback(appMentionEvent())));
      await api.waitForCall('chat.postMessage');
    } finally {
      await stopSocketModeApp(app);
      await socket.close();
      await api.close();
    }

    expect(await settledLeaks(baseline)).toEqual([]);
  });
});

/**
 * Resources opened since `baseline` that are still open after up to ~500 ms.
 * Polls because getActiveResourcesInfo() lags a few ticks behind close callbacks; not expect.poll, whose own
 * timers would show up as leaked Timeouts. Each check runs right after our delay timer fired, so it is not counted.
 */
async function settledLeaks(baseline: Map<string, number>): Promise<string[]> {
  let leaks = leakedResources(baseline);
  for (let i = 0; i < 50 && leaks.length > 0; i += 1) {
    await delay(10);
    leaks = leakedResources(baseline);
  }
  return leaks;
}

/** Active handle types, counted. */
function activeResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const type of process.getActiveResourcesInfo()) counts.set(type, (counts.get(type) ?? 0) + 1);
  return counts;
}

function leakedResources(baseline: Map<string, number>): string[] {
  return [...activeResources()]
    .filter(([type, n]) => n > (baseline.get(type) ?? 0))
    .map(([type, n]) => `${type} x${n}`);
}

/** After a reconnect the client is ready only once it has processed the new hello. */
function waitForHello(receiver: SocketModeReceiver): Promise<void> {
  return new Promise((resolve) => receiver.client.once('connected', () => resolve()));
}

function socketModeApp(): App {
  return new App({ token: BOT_TOKEN, appToken: APP_TOKEN, socketMode: true, logger, clientOptions: api.clientOptions() });
}

function registerMentionEcho(app: App): void {
  app.event('app_mention', async ({ event, say }) => {
    const question = event.text.replace(/<@[^>]+>\s*/, '');
    await say({ text: `echo: ${question}`, thread_ts: event.thread_ts ?? event.ts });
  });
}
