import { pino } from 'pino';
import { startSlackApp, type RunningSlackApp } from '../../adapters/slack/index.js';
import { HashingEmbeddings } from '../../src/embeddings/index.js';
import { BotRuntime } from '../../src/service/index.js';
import { createRecordingLogger, type FakeSlackWebApi, type RecordingLogger } from '../fakes/slack/index.js';
import { testConfig } from '../helpers/test-advisor.js';
import { RecordingCommands } from '../adapters/slack/harness.js';

export const SIGNING_SECRET = 'test-signing-secret-8f3a1c';
export const BOT_TOKEN = 'xoxb-111-222-test-bot-token';

/** One `career-advisor slack` worker: its own runtime (advisor, limits, store, state connection) and Bolt app. */
export interface SlackWorker {
  runtime: BotRuntime;
  app: RunningSlackApp;
  port: number;
  slackLog: RecordingLogger;
  /** Every request this worker's command layer got, and its result. */
  commands: RecordingCommands;
  close(): Promise<void>;
}

/**
 * Starts a worker the way `career-advisor slack` does (BotRuntime + startSlackApp), in this
 * process but sharing nothing in memory with the others: each has its own index, advisor,
 * command handler, rate limiter and Redis connection. `env` adds configuration (REDIS_URL…);
 * `inbox` records questions in the runtime's durable inbox before they are acknowledged.
 */
export async function startSlackWorker(api: FakeSlackWebApi, env: Record<string, string>, options: { logLines?: string[]; inbox?: boolean } = {}): Promise<SlackWorker> {
  const config = testConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.apiUrl, PORT: '0', HEALTH_PORT: '0', LOG_LEVEL: 'silent', ...env });
  const logger = options.logLines ? pino({ level: 'info' }, { write: (line: string) => void options.logLines!.push(line) }) : pino({ level: 'silent' });
  const runtime = await BotRuntime.open(config, { embedder: new HashingEmbeddings(), logger });
  const slackLog = createRecordingLogger();
  const commands = new RecordingCommands(runtime.commands);
  const app = await startSlackApp({
    config,
    advisor: runtime.advisor,
    commands,
    state: runtime.state,
    // The runtime's durable inbox (RedisInbox with REDIS_URL), as `career-advisor slack` passes it.
    ...(options.inbox ? { inbox: runtime.inbox } : {}),
    logger: slackLog,
    clientOptions: { retryConfig: { retries: 0 } },
    processBeforeResponse: true,
  });
  return {
    runtime,
    app,
    port: app.port!,
    slackLog,
    commands,
    async close() {
      await app.stop();
      await runtime.close();
    },
  };
}

/** Health of a worker as /healthz reports it. */
export async function healthOf(worker: SlackWorker): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`http://127.0.0.1:${worker.runtime.health.port}/healthz`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
