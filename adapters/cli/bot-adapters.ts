import type { BotRuntime } from '../../src/service/index.js';
import type { PendingQuestion } from '../../src/inbox/index.js';
import { answerPendingQuestions, claimPendingQuestions, type RecoverQuestion } from '../shared/pending-questions.js';

/** A started adapter the runtime can stop. */
export interface RunningAdapter {
  name: 'slack' | 'discord';
  stop(): Promise<void>;
}

/**
 * Starts the adapters whose credentials are configured. Each is imported only when needed, so
 * a Slack-only deployment never loads discord.js and vice versa.
 */
export async function startConfiguredAdapters(runtime: BotRuntime): Promise<RunningAdapter[]> {
  const { config, advisor, commands, inbox } = runtime;
  const pending = await claimAtStart(runtime);
  const running: RunningAdapter[] = [];
  const recoverers: { slack?: RecoverQuestion; discord?: RecoverQuestion } = {};
  if (config.SLACK_BOT_TOKEN) {
    const { startSlackApp } = await import('../slack/slack-app.js');
    const app = await startSlackApp({ config, advisor, commands, state: runtime.state, inbox });
    running.push({ name: 'slack', stop: () => app.stop() });
    recoverers.slack = app.recover;
  }
  if (config.DISCORD_TOKEN) {
    const { startDiscordBot } = await import('../discord/bot.js');
    const bot = await startDiscordBot({ config, advisor, commands, logger: runtime.logger, state: runtime.state, inbox });
    running.push({ name: 'discord', stop: () => bot.stop() });
    recoverers.discord = bot.recover;
  }
  answerInBackground(runtime, pending, recoverers);
  return running;
}

function inboxLog(runtime: BotRuntime) {
  return { info: (m: string) => runtime.logger.info(m), warn: (m: string) => runtime.logger.warn(m) };
}

/** Claims what was acknowledged before a restart; call before any front end takes new questions. */
export function claimAtStart(runtime: BotRuntime): Promise<PendingQuestion[]> {
  return claimPendingQuestions(runtime.inbox, runtime.config, inboxLog(runtime));
}

/** Answers the claimed questions once the front ends run, without holding up start-up. */
export function answerInBackground(runtime: BotRuntime, pending: readonly PendingQuestion[], recoverers: { slack?: RecoverQuestion; discord?: RecoverQuestion }): void {
  void answerPendingQuestions(pending, recoverers, inboxLog(runtime));
}
