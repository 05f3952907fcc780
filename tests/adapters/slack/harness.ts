import type { CareerAdvisor } from '../../../src/core/index.js';
import type { QuestionInbox } from '../../../src/inbox/index.js';
import { createCommandHandler, type CommandHandler, type CommandRequest, type CommandResult } from '../../../src/commands/index.js';
import { startSlackApp, type RunningSlackApp } from '../../../adapters/slack/index.js';
import { testConfig } from '../../helpers/test-advisor.js';
import type { RoundScheduler } from '../../../adapters/shared/round-timers.js';
import { createRecordingLogger, FakeSlackWebApi, FakeSocketModeServer, type RecordedApiCall, type RecordingLogger } from '../../fakes/slack/index.js';

export const SIGNING_SECRET = 'test-signing-secret-8f3a1c';
export const BOT_TOKEN = 'xoxb-111-222-test-bot-token';
export const APP_TOKEN = 'xapp-1-A111-222-test-app-token';

/** Wraps a handler and records every request it gets (to check conversation ids and that nothing ran). */
export class RecordingCommands implements CommandHandler {
  readonly requests: CommandRequest[] = [];
  readonly results: CommandResult[] = [];
  constructor(private readonly inner: CommandHandler) {}
  async handle(request: CommandRequest): Promise<CommandResult> {
    this.requests.push(request);
    const result = await this.inner.handle(request);
    this.results.push(result);
    return result;
  }
}

export interface SlackHarness {
  api: FakeSlackWebApi;
  running: RunningSlackApp;
  /** HTTP mode only. */
  port: number;
  logger: RecordingLogger;
  commands: RecordingCommands;
  socket?: FakeSocketModeServer;
  close(): Promise<void>;
}

export interface HarnessOptions {
  advisor: CareerAdvisor;
  commands: CommandHandler;
  env?: Record<string, string>;
  /** Default true in tests: Bolt answers the HTTP request after the listener finished. */
  processBeforeResponse?: boolean;
  inbox?: QuestionInbox;
  /** Quiz round timers (default: real time). */
  scheduler?: RoundScheduler;
}

/** The real Slack app in HTTP mode on an ephemeral port, talking to a fake Web API. */
export async function startHttpHarness(options: HarnessOptions): Promise<SlackHarness> {
  // The fake must listen before the App is built: its constructor calls auth.test.
  const api = await FakeSlackWebApi.start();
  const logger = createRecordingLogger();
  const commands = new RecordingCommands(options.commands);
  const config = testConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.apiUrl, PORT: '0', ...options.env });
  const running = await startSlackApp({
    config,
    advisor: options.advisor,
    commands,
    logger,
    clientOptions: { retryConfig: { retries: 0 } },
    processBeforeResponse: options.processBeforeResponse ?? true,
    inbox: options.inbox,
    ...(options.scheduler ? { scheduler: options.scheduler } : {}),
  });
  return {
    api,
    running,
    port: running.port!,
    logger,
    commands,
    async close() {
      await running.stop();
      await api.close();
    },
  };
}

/** The real Slack app in Socket Mode against a fake Socket Mode server and Web API. */
export async function startSocketHarness(options: HarnessOptions): Promise<SlackHarness> {
  const api = await FakeSlackWebApi.start();
  const socket = await FakeSocketModeServer.start({ webApi: api });
  const logger = createRecordingLogger();
  const commands = new RecordingCommands(options.commands);
  const config = testConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: api.apiUrl, ...options.env });
  const running = await startSlackApp({ config, advisor: options.advisor, commands, logger, clientOptions: { retryConfig: { retries: 0 } }, inbox: options.inbox });
  return {
    api,
    running,
    port: 0,
    logger,
    commands,
    socket,
    async close() {
      // Stop the app (which waits for the client's `disconnected`) before closing the fakes.
      await running.stop();
      await socket.close();
      await api.close();
    },
  };
}

/** The text of every block of a posted message, joined (section text, fields, context elements). */
export function blockText(call: RecordedApiCall | { body: Record<string, unknown> }): string {
  const blocks = (call.body.blocks ?? []) as Array<Record<string, unknown>>;
  return blocks.map(textOfBlock).join('\n');
}

function textOfBlock(block: Record<string, unknown>): string {
  const parts: string[] = [];
  const text = block.text as { text?: string } | undefined;
  if (text?.text) parts.push(text.text);
  for (const field of (block.fields ?? []) as Array<{ text: string }>) parts.push(field.text);
  for (const element of (block.elements ?? []) as Array<{ text?: string | { text: string }; value?: string }>) {
    if (typeof element.text === 'string') parts.push(element.text);
    else if (element.text?.text) parts.push(element.text.text);
  }
  return parts.join('\n');
}

/** The buttons of a posted message: action_id → value. */
export function buttons(call: { body: Record<string, unknown> }): Array<{ action_id: string; value: string; text: string }> {
  const blocks = (call.body.blocks ?? []) as Array<{ type: string; elements?: Array<{ type: string; action_id: string; value: string; text: { text: string } }> }>;
  return blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .filter((e) => e.type === 'button')
    .map((e) => ({ action_id: e.action_id, value: e.value, text: e.text.text }));
}

/** The real command layer (free text → answer, cert, quiz, plan…), with reproducible quizzes. */
export function realCommands(advisor: CareerAdvisor): CommandHandler {
  return createCommandHandler(advisor, { quizSeed: 'slack-tests' });
}

/** A promise you resolve from outside, to hold a listener mid-answer. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
