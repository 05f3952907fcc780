import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/index.js';
import { phiReminder } from '../../src/privacy/index.js';
import { REPO_ROOT, tempDir, withSharedUseCache } from '../helpers/guide-files.js';
import { freePort, until } from '../helpers/process-waits.js';
import { FakeDiscord, route } from '../fakes/discord/index.js';
import { FakeOpenAIServer } from '../fakes/openai/index.js';
import { FAKE_IDS, FakeSlackWebApi, appMentionEvent, eventCallback, jsonBody, postSignedToApp } from '../fakes/slack/index.js';

/**
 * Patient messages through both adapters, end to end: `career-advisor start` as a child process
 * (real discord.js and Bolt clients against the local fakes, a fake OpenAI server as the LLM),
 * then the store files, `report --json`, every reply, the logs and the LLM prompts are searched
 * for the identifiers the messages carried.
 */
const CLI = join(REPO_ROOT, 'dist', 'adapters', 'cli', 'main.js');
const SECRET = 'privacy-e2e-signing-secret';

/** Messages as coders paste them, and the identifiers in each (none may survive anywhere but the asker's own message). */
const SLACK_MESSAGES = [
  {
    text: 'coded a visit for jane q doe 4/5/67 today, acct 88102734, is 99214 ok with the CPC guidelines?',
    identifiers: ['jane q doe', '4/5/67', '88102734'],
  },
  {
    text: 'Mr. Oyelaran, 93 y/o, MBI 1EG4-TE5-MK73, lives at 4502 W. 31st Street, Cicero, IL 60804 — how do I become a CPC?',
    identifiers: ['Oyelaran', '1EG4-TE5-MK73', '4502 W. 31st', '60804'],
  },
  {
    // No detector claims "Okonkwo"; a partial answer names what the guide lacks, so it must never see it.
    text: 'MRN 4471923: CDI says Okonkwo needs a query, what does a CDI specialist earn?',
    identifiers: ['4471923'],
    maskedOnly: ['Okonkwo'],
  },
];
const DISCORD_MENTION = {
  text: 'patient Harriet Wexley DOB 2/11/1950 phone 614-555-0198 email hwexley@example.com: what does CPMA stand for?',
  identifiers: ['Wexley', '2/11/1950', '614-555-0198', 'hwexley@example.com'],
};
const DISCORD_SLASH = {
  text: 'rosalind fairweather SSN 512-84-9930 seen 03/02/2025 (ref ZQ881) — what is the CCS exam?',
  identifiers: ['fairweather', '512-84-9930', '03/02/2025'],
  /** Identifier-shaped but claimed by no detector: masked by the minimizer, so in no destination either. */
  maskedOnly: ['ZQ881'],
};
const MESSAGES: ReadonlyArray<{ identifiers: string[]; maskedOnly?: string[] }> = [...SLACK_MESSAGES, DISCORD_MENTION, DISCORD_SLASH];
const ALL = MESSAGES.flatMap((m) => [...m.identifiers, ...(m.maskedOnly ?? [])]);

/** Runs the CLI without blocking the test worker (a blocked worker misses vitest's RPC deadlines). */
async function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const run = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  run.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  run.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const [status] = (await once(run, 'exit')) as [number | null];
  return { status, stdout, stderr };
}

/** JSON of a recorded body (some requests have none). */
const textOf = (value: unknown): string => JSON.stringify(value ?? null);

/** The identifiers of `ALL` found in `text` (case-insensitive). */
function leaked(text: string, identifiers: readonly string[] = ALL): string[] {
  const lower = text.toLowerCase();
  return identifiers.filter((id) => lower.includes(id.toLowerCase()));
}

describe('patient data through Slack and Discord (store, report, replies, logs, LLM prompt)', () => {
  let discord: FakeDiscord;
  let slack: FakeSlackWebApi;
  let llm: FakeOpenAIServer;
  let child: ChildProcess;
  let logs = '';
  let work: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    work = tempDir('career-advisor-privacy-e2e-');
    env = { ...process.env };
    for (const key of Object.keys(configSchema.shape)) delete env[key];
    await withSharedUseCache(async (cacheDir) => {
      env.CACHE_DIR = cacheDir;
      env.INDEX_DIR = join(work, 'index');
      const ingest = await runCli(['ingest', '--quiet'], env);
      if (ingest.status !== 0) throw new Error(ingest.stderr);
    });
    env.STORE_PATH = join(work, 'store.db');
    discord = new FakeDiscord();
    const { apiUrl } = await discord.start();
    slack = await FakeSlackWebApi.start();
    llm = new FakeOpenAIServer({ defaultReply: { content: 'See the guide for the exam details.' } });
    const llmUrl = await llm.start();
    const [slackPort, healthPort] = [await freePort(), await freePort()];
    child = spawn(process.execPath, [CLI, 'start'], {
      env: {
        ...env,
        INDEX_AUTO_REBUILD: 'false',
        DISCORD_TOKEN: 'fake-discord-token',
        DISCORD_APPLICATION_ID: discord.applicationId,
        DISCORD_API_BASE: apiUrl,
        SLACK_BOT_TOKEN: 'xoxb-fake',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: slack.clientOptions().slackApiUrl,
        PORT: String(slackPort),
        HEALTH_PORT: String(healthPort),
        LLM_PROVIDER: 'openai',
        OPENAI_BASE_URL: llmUrl,
        OPENAI_API_KEY: 'test',
        LLM_MAX_RETRIES: '0',
        LLM_TIMEOUT_MS: '3000',
        LLM_DEADLINE_MS: '5000',
        // Everything the process can log, so that the logs are searched at their most verbose.
        LOG_LEVEL: 'trace',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (logs += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (logs += d));
    await until(async () => ((await fetch(`http://127.0.0.1:${healthPort}/healthz`)).ok ? true : undefined), 60_000, `health server (${logs})`);
    await until(async () => (discord.gateway.sessionCount > 0 ? true : undefined), 30_000, 'discord login');

    for (const message of SLACK_MESSAGES) {
      const event = appMentionEvent({ text: `<@${FAKE_IDS.botUserId}> ${message.text}` });
      await until(async () => ((await postSignedToApp(slackPort, jsonBody(eventCallback(event)), SECRET)).status === 200 ? true : undefined), 20_000, 'slack receiver');
      await slack.waitForCall('chat.postEphemeral', (c) => c.body.thread_ts === event.ts, 30_000);
    }
    const mention = discord.messageCreate({ content: `<@${discord.bot.id}> ${DISCORD_MENTION.text}` });
    await discord.dispatch('MESSAGE_CREATE', mention);
    await discord.waitForRequest(route('POST', '/channels/:id/messages', (r) => textOf(r.body).includes(phiReminder.slice(0, 30))), 30_000);
    const slash = discord.chatInputInteraction({ name: 'ask', options: { question: DISCORD_SLASH.text } });
    await discord.dispatch('INTERACTION_CREATE', slash);
    await discord.waitForRequest(route('POST', `/webhooks/:app/${slash.token}`, (r) => textOf(r.body).includes(phiReminder.slice(0, 30))), 30_000);
    child.kill('SIGTERM');
    await once(child, 'exit');
  }, 240_000);

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await discord?.stop();
    await slack?.close();
    await llm?.stop();
  });

  it('the store (database and WAL) holds none of the identifiers, only the minimized questions', () => {
    const files = ['store.db', 'store.db-wal'].map((f) => join(work, f)).filter(existsSync);
    const bytes = files.map((f) => readFileSync(f).toString('utf8')).join('\n');
    expect(leaked(bytes)).toEqual([]);
    expect(bytes).toContain('[REDACTED:name]');
    expect(bytes).toContain('[MASKED]');
  });

  it('`report --json` shows none of them', { timeout: 60_000 }, async () => {
    const report = await runCli(['report', '--json', '--limit', '100'], env);
    expect(report.status, report.stderr).toBe(0);
    expect(leaked(report.stdout + report.stderr)).toEqual([]);
  });

  it('no reply in Slack or Discord repeats them, and every asker got the reminder privately', () => {
    const slackReplies = slack.calls.filter((c) => c.method.startsWith('chat.'));
    expect(leaked(textOf(slackReplies.map((c) => c.body)))).toEqual([]);
    const ephemeral = slack.calls.filter((c) => c.method === 'chat.postEphemeral');
    expect(ephemeral).toHaveLength(SLACK_MESSAGES.length);
    for (const call of ephemeral) expect(textOf(call.body)).toContain(phiReminder.slice(0, 30));
    // The public thread replies carry no reminder: it is the asker's business alone.
    const posted = slack.calls.filter((c) => c.method === 'chat.postMessage' || c.method === 'chat.update');
    expect(posted.length).toBeGreaterThan(0);
    for (const call of posted) expect(textOf(call.body)).not.toContain(phiReminder.slice(0, 30));

    const discordSends = discord.requests.filter((r) => r.method === 'POST' || r.method === 'PATCH');
    expect(leaked(textOf(discordSends.map((r) => r.body)))).toEqual([]);
    const reminders = discordSends.filter((r) => textOf(r.body).includes(phiReminder.slice(0, 30)));
    // The mention's reminder went to the author's DMs, the slash command's as an ephemeral follow-up.
    expect(reminders.some((r) => r.path.startsWith('/channels/') && !r.path.includes(mentionChannel()))).toBe(true);
    expect(reminders.some((r) => r.path.startsWith('/webhooks/') && ((r.body as { flags?: number }).flags ?? 0) & 64)).toBe(true);
  });

  it('the logs hold none of them', () => {
    expect(logs.length).toBeGreaterThan(0);
    expect(leaked(logs)).toEqual([]);
  });

  it('the LLM prompt gets the minimized questions: no identifier, placeholders instead', () => {
    // Questions the guide cannot answer are declined before any model call, so not all four reach it.
    expect(llm.chatRequests.length).toBeGreaterThan(0);
    expect(leaked(JSON.stringify(llm.chatRequests))).toEqual([]);
    for (const request of llm.chatRequests) expect(JSON.stringify(request)).toMatch(/\[REDACTED:(?:name|date)\]/);
  });

  function mentionChannel(): string {
    return discord.store.defaultChannelId;
  }
});
