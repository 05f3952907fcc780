import type { APIEmbed, APIMessage } from 'discord.js';
import type { Answer } from '../../../src/answer/index.js';
import { createCommandHandler, type CommandHandler, type CommandRequest, type CommandResult } from '../../../src/commands/index.js';
import type { CareerAdvisor } from '../../../src/core/index.js';
import { MemoryFeedbackSink } from '../../../src/core/index.js';
import { startDiscordBot, type DiscordBot, type DiscordLogger } from '../../../adapters/discord/index.js';
import { FakeDiscord, route, type RecordedRequest } from '../../fakes/discord/index.js';
import { openTestAdvisor, testConfig } from '../../helpers/test-advisor.js';
import type { RoundScheduler } from '../../../adapters/shared/round-timers.js';

export const TOKEN = 'fake-bot-token';

/** A logger that keeps entries so tests can assert what went wrong (and keep output quiet). */
export class MemoryLogger implements DiscordLogger {
  readonly entries: Array<{ level: string; msg: string; obj: Record<string, unknown> }> = [];
  debug = (obj: Record<string, unknown>, msg: string) => void this.entries.push({ level: 'debug', msg, obj });
  info = (obj: Record<string, unknown>, msg: string) => void this.entries.push({ level: 'info', msg, obj });
  warn = (obj: Record<string, unknown>, msg: string) => void this.entries.push({ level: 'warn', msg, obj });
  error = (obj: Record<string, unknown>, msg: string) => void this.entries.push({ level: 'error', msg, obj });
  errors(): string[] {
    return this.entries.filter((e) => e.level === 'error').map((e) => e.msg);
  }
}

/** The real command layer, with a fixed quiz seed so quizzes are reproducible. */
export function realCommands(advisor: CareerAdvisor): CommandHandler {
  return createCommandHandler(advisor, { quizSeed: 'discord-tests' });
}

/**
 * Wraps a CommandHandler, recording every request; `once(fn)` replaces the next call
 * (to make it throw or return a crafted result).
 */
export class ScriptedHandler implements CommandHandler {
  readonly requests: CommandRequest[] = [];
  /** What the inner handler returned, in order (overridden calls are not recorded). */
  readonly results: CommandResult[] = [];
  readonly #overrides: Array<(request: CommandRequest) => Promise<CommandResult>> = [];
  constructor(private readonly inner: CommandHandler) {}

  once(fn: (request: CommandRequest) => Promise<CommandResult>): void {
    this.#overrides.push(fn);
  }

  async handle(request: CommandRequest): Promise<CommandResult> {
    this.requests.push(request);
    const override = this.#overrides.shift();
    if (override) return override(request);
    const result = await this.inner.handle(request);
    this.results.push(result);
    return result;
  }
}

export interface Harness {
  fake: FakeDiscord;
  bot: DiscordBot;
  advisor: CareerAdvisor;
  feedback: MemoryFeedbackSink;
  handler: ScriptedHandler;
  logger: MemoryLogger;
  stop(): Promise<void>;
}

/** A FakeDiscord and the real bot logged in to it through DISCORD_API_BASE. */
export async function startHarness(
  options: {
    /** Extra environment; a function gets the started fake (to name its channels). */
    env?: Record<string, string> | ((fake: FakeDiscord) => Record<string, string>);
    handler?: (advisor: CareerAdvisor) => CommandHandler;
    /** Quiz round timers (default: real time). */
    scheduler?: RoundScheduler;
  } = {},
): Promise<Harness> {
  const fake = new FakeDiscord({ token: TOKEN });
  const { apiUrl } = await fake.start();
  const env = typeof options.env === 'function' ? options.env(fake) : options.env;
  const config = testConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: apiUrl, ...env });
  const feedback = new MemoryFeedbackSink();
  const advisor = await openTestAdvisor({ config, feedback });
  const handler = new ScriptedHandler((options.handler ?? realCommands)(advisor));
  const logger = new MemoryLogger();
  // offset 0: retry 429s after exactly retry_after.
  const bot = await startDiscordBot({ config, advisor, commands: handler, logger, clientOptions: { rest: { offset: 0 } }, ...(options.scheduler ? { scheduler: options.scheduler } : {}) });
  return {
    fake,
    bot,
    advisor,
    feedback,
    handler,
    logger,
    async stop() {
      await bot.stop();
      await fake.stop();
    },
  };
}

/** The bot's reply to a user message (POST with a message_reference to it). */
export function replyTo(fake: FakeDiscord, messageId: string, timeoutMs = 5000): Promise<RecordedRequest> {
  return fake.waitForRequest(route('POST', '/channels/:id/messages', (r) => messageReference(r) === messageId), timeoutMs);
}

export function messageReference(request: RecordedRequest): string | undefined {
  return (request.body as { message_reference?: { message_id?: string } } | undefined)?.message_reference?.message_id;
}

/** The callback of an interaction (its first acknowledgement). */
export function callbackOf(fake: FakeDiscord, interaction: { id: string; token: string }, timeoutMs = 5000): Promise<RecordedRequest> {
  return fake.waitForRequest((r) => r.method === 'POST' && r.path === `/interactions/${interaction.id}/${interaction.token}/callback`, timeoutMs);
}

/** Requests made on an interaction's webhook (editReply, followUp, deleteReply), in order. */
export function webhookCalls(fake: FakeDiscord, token: string): RecordedRequest[] {
  return fake.findRequests((r) => r.path.startsWith(`/webhooks/${fake.applicationId}/${token}`));
}

export function bodyOf(request: RecordedRequest): { content?: string; embeds?: APIEmbed[]; components?: Array<{ components: Array<{ custom_id?: string; label?: string }> }>; flags?: number } {
  return (request.body ?? {}) as ReturnType<typeof bodyOf>;
}

/** Everything a person reads in a sent message: content, titles, descriptions, fields, footers. */
export function visibleText(body: ReturnType<typeof bodyOf>): string {
  const embeds = body.embeds ?? [];
  return [body.content ?? '', ...embeds.flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? ''])].join('\n');
}

export function customIds(body: ReturnType<typeof bodyOf>): string[] {
  return (body.components ?? []).flatMap((row) => row.components.map((c) => c.custom_id ?? ''));
}

export function responseMessage(request: RecordedRequest): APIMessage {
  return request.response as APIMessage;
}

/** A long cited answer (for split tests). */
export function longAnswer(lines: number): Answer {
  return {
    id: 'b1c2d3e4-0000-4000-8000-000000000001',
    question: 'Tell me everything',
    answer: Array.from({ length: lines }, (_, i) => `Line ${i + 1} explains how coders turn clinical documentation into billing codes [${(i % 3) + 1}]`).join('\n'),
    abstained: false,
    citations: [1, 2, 3].map((n) => ({ n, section: `Section ${n}`, source: 'clinical-coding-specialist-guide.md', quote: `Quote ${n}` })),
    timings: { retrieve_ms: 1, answer_ms: 1, total_ms: 2 },
    kind: 'answer',
  };
}
