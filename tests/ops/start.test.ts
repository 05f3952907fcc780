import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/index.js';
import { phiReminder } from '../../src/privacy/index.js';
import { REPO_ROOT, tempDir, withSharedUseCache } from '../helpers/guide-files.js';
import { freePort, until } from '../helpers/process-waits.js';
import { FakeDiscord, route } from '../fakes/discord/index.js';
import { FAKE_IDS, FakeSlackWebApi, appMentionEvent, eventCallback, jsonBody, postSignedToApp } from '../fakes/slack/index.js';

/**
 * `career-advisor start` as operators run it: the built CLI as a child process, both bots on,
 * Discord and Slack replaced by local fakes, the health/metrics server on, then SIGTERM.
 */
const CLI = join(REPO_ROOT, 'dist', 'adapters', 'cli', 'main.js');
const SECRET = 'start-test-signing-secret';

describe('career-advisor start (both bots, health, metrics, graceful shutdown)', () => {
  let discord: FakeDiscord;
  let slack: FakeSlackWebApi;
  let child: ChildProcess;
  let stderr = '';
  let work: string;
  let slackPort: number;
  let healthPort: number;

  beforeAll(async () => {
    work = tempDir('career-advisor-start-');
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of Object.keys(configSchema.shape)) delete env[key];
    await withSharedUseCache(async (cacheDir) => {
      env.CACHE_DIR = cacheDir;
      env.INDEX_DIR = join(work, 'index');
      const ingest = spawnSync(process.execPath, [CLI, 'ingest', '--quiet'], { env, encoding: 'utf8' });
      if (ingest.status !== 0) throw new Error(ingest.stderr);
    });
    discord = new FakeDiscord();
    const { apiUrl } = await discord.start();
    slack = await FakeSlackWebApi.start();
    [slackPort, healthPort] = [await freePort(), await freePort()];
    child = spawn(process.execPath, [CLI, 'start'], {
      env: {
        ...env,
        INDEX_AUTO_REBUILD: 'false',
        STORE_PATH: join(work, 'store.db'),
        DISCORD_TOKEN: 'fake-discord-token',
        DISCORD_APPLICATION_ID: discord.applicationId,
        DISCORD_API_BASE: apiUrl,
        SLACK_BOT_TOKEN: 'xoxb-fake',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: slack.clientOptions().slackApiUrl,
        PORT: String(slackPort),
        HEALTH_PORT: String(healthPort),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout!.resume();
    await until(async () => ((await fetch(`http://127.0.0.1:${healthPort}/healthz`)).ok ? true : undefined), 60_000, `health server (${stderr})`);
    await until(async () => (discord.gateway.sessionCount > 0 ? true : undefined), 30_000, 'discord login');
  }, 180_000);

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await discord?.stop();
    await slack?.close();
  });

  it('answers a Slack mention in its thread and a Discord mention, both with sources', async () => {
    const event = appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> How much do entry-level coders make?` });
    const response = await until(async () => {
      const r = await postSignedToApp(slackPort, jsonBody(eventCallback(event)), SECRET);
      return r.status === 200 ? r : undefined;
    }, 20_000, 'slack http receiver');
    expect(response.status).toBe(200);
    const posted = await slack.waitForCall('chat.postMessage', undefined, 20_000);
    expect(JSON.stringify(posted.body)).toContain('$28,000');
    expect(posted.body.thread_ts).toBe(event.ts);

    const message = discord.messageCreate({ content: `<@${discord.bot.id}> Which AHIMA certification is for hospital inpatient coding?` });
    await discord.dispatch('MESSAGE_CREATE', message);
    const reply = await discord.waitForRequest(route('POST', '/channels/:id/messages'), 20_000);
    expect(JSON.stringify(reply.body)).toMatch(/\bCCS\b/);
    expect(JSON.stringify(reply.body)).toContain('Professional Certifications');
  });

  it('redacts patient details, reminds the user, and keeps them out of the store', async () => {
    const event = appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> patient Maria Lopez DOB 04/12/1971 MRN 88120455: what does CPMA stand for?` });
    await postSignedToApp(slackPort, jsonBody(eventCallback(event)), SECRET);
    const posted = await slack.waitForCall('chat.postMessage', (c) => c.body.thread_ts === event.ts, 20_000);
    const text = JSON.stringify(posted.body);
    expect(text).toContain('Certified Professional Medical Auditor');
    expect(text).not.toContain(phiReminder.slice(0, 40));
    // The reminder goes to the asker alone.
    const reminder = await slack.waitForCall('chat.postEphemeral', (c) => c.body.thread_ts === event.ts, 20_000);
    expect(JSON.stringify(reminder.body)).toContain(phiReminder.slice(0, 40));
    const stored = readFileSync(join(work, 'store.db')).toString('latin1');
    expect(stored).not.toContain('Maria Lopez');
    expect(stored).not.toContain('88120455');
  });

  it('exposes /healthz and Prometheus metrics by platform', async () => {
    const health = await (await fetch(`http://127.0.0.1:${healthPort}/healthz`)).json();
    expect(health).toMatchObject({ ok: true, store: true });
    const metrics = await (await fetch(`http://127.0.0.1:${healthPort}/metrics`)).text();
    // "what does CPMA stand for?" names a credential alone, so Slack showed its card once.
    expect(metrics).toMatch(/career_advisor_answers_total\{platform="slack",kind="answer"\} 1/);
    expect(metrics).toMatch(/career_advisor_answers_total\{platform="slack",kind="cert"\} 1/);
    expect(metrics).toMatch(/career_advisor_answers_total\{platform="discord",kind="answer"\} 1/);
    expect(metrics).toMatch(/career_advisor_phi_redacted_total\{platform="slack"\} 1/);
  });

  it('SIGTERM disconnects, flushes the store and exits 0', async () => {
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code, stderr).toBe(0);
  });
});
