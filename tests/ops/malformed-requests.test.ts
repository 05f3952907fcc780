import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_IDS, FakeSlackWebApi, appMentionEvent, eventCallback, jsonBody, postSignedToApp, type EncodedBody } from '../fakes/slack/index.js';
import { freePort, startCliBot, until, type CliBot } from './cli-bot.js';

/**
 * `career-advisor slack` (the built CLI, real Bolt, the local USE-lite embedder) against the fake
 * Slack Web API. Once a first answer has loaded the embedder — whose Emscripten glue adds
 * "rethrow and die" process handlers — every malformed body Slack could never send is POSTed with
 * a valid signature. The bot must refuse each with 400 (or ignore it), stay up, and answer the
 * next question.
 */
const SECRET = 'malformed-test-signing-secret';
const json = (body: string): EncodedBody<object> => ({ body, contentType: 'application/json', payload: {} });
const form = (body: string): EncodedBody<object> => ({ body, contentType: 'application/x-www-form-urlencoded', payload: {} });

/** Bodies that are not JSON objects (or event deliveries without an event object): 400 before Bolt sees them. */
const NOT_OBJECTS: Array<[string, EncodedBody<object>]> = [
  ['JSON null', json('null')],
  ['JSON array', json('[]')],
  ['JSON array of objects', json('[{"type":"url_verification","challenge":"x"}]')],
  ['JSON number', json('42')],
  ['JSON string', json('"hello"')],
  ['JSON true', json('true')],
  ['broken JSON', json('{"type":')],
  ['empty JSON body', json('')],
  ['form payload=null', form('payload=null')],
  ['form payload=[]', form('payload=%5B%5D')],
  ['form payload=7', form('payload=7')],
  ['form payload="x"', form('payload=%22x%22')],
  ['form payload broken', form('payload=%7B')],
  ['event_callback with event null', json('{"type":"event_callback","event_id":"Ev-odd-2","event":null}')],
  ['event_callback with event array', json('{"type":"event_callback","event_id":"Ev-odd-3","event":[]}')],
  ['event_callback without event', json('{"type":"event_callback","event_id":"Ev-odd-1"}')],
];

/** Objects of the wrong shape: Bolt may take them, nothing may crash. */
const ODD_OBJECTS: Array<[string, EncodedBody<object>]> = [
  ['app_mention without text or channel', json(`{"type":"event_callback","event_id":"Ev-odd-4","team_id":"T1","api_app_id":"A1","event":{"type":"app_mention","user":"U1","ts":"1.1"}}`)],
  ['app_mention with numeric text', json(`{"type":"event_callback","event_id":"Ev-odd-5","team_id":"T1","api_app_id":"A1","event":{"type":"app_mention","user":"U1","ts":"1.2","channel":"C1","text":12}}`)],
  ['block_actions without actions', form(`payload=${encodeURIComponent('{"type":"block_actions"}')}`)],
  ['url_verification without challenge', json('{"type":"url_verification"}')],
];

describe('malformed Slack requests after the embedder is warm', () => {
  let api: FakeSlackWebApi;
  let bot: CliBot;
  let port: number;
  let work: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'career-advisor-malformed-'));
    api = await FakeSlackWebApi.start();
    port = await freePort();
    bot = startCliBot(['slack'], {
      SLACK_BOT_TOKEN: 'xoxb-malformed-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: api.apiUrl,
      PORT: String(port),
      HEALTH_PORT: '0',
      STORE_PATH: join(work, 'store.db'),
      INDEX_AUTO_REBUILD: 'false',
      LOG_LEVEL: 'warn',
    });
  }, 30_000);

  afterAll(async () => {
    bot?.kill();
    await api?.close();
    rmSync(work, { recursive: true, force: true });
  });

  const ask = async (text: string) => {
    const event = appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> ${text}` });
    const response = await until(async () => {
      const r = await postSignedToApp(port, jsonBody(eventCallback(event)), SECRET);
      return r.status === 200 ? r : undefined;
    }, 90_000, () => `the slack app (${bot.output()})`);
    expect(response.status).toBe(200);
    return api.waitForCall('chat.postMessage', (c) => c.body.thread_ts === event.ts, 30_000);
  };

  it('answers a first question (this loads the embedder)', async () => {
    const reply = await ask('What is a CPC?');
    expect(JSON.stringify(reply.body)).toContain('Certified Professional Coder');
  }, 120_000);

  it.each(NOT_OBJECTS)('refuses %s with 400', async (_name, body) => {
    const response = await postSignedToApp(port, body, SECRET);
    expect(response.status).toBe(400);
    expect(bot.alive(), bot.output()).toBe(true);
  });

  it.each(ODD_OBJECTS)('survives %s', async (_name, body) => {
    const response = await postSignedToApp(port, body, SECRET);
    expect(response.status).toBeLessThan(500);
    await new Promise((r) => setTimeout(r, 200));
    expect(bot.alive(), bot.output()).toBe(true);
  });

  it('is still running and answers the next question in its thread', async () => {
    await new Promise((r) => setTimeout(r, 500));
    expect(bot.alive(), bot.output()).toBe(true);
    const reply = await ask('What does CCS stand for?');
    expect(JSON.stringify(reply.body)).toContain('Certified Coding Specialist');
  }, 60_000);
});
