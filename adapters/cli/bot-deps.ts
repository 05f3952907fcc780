import type { Config } from '../../src/config/index.js';
import type { CareerAdvisor } from '../../src/core/index.js';
import { BotRuntime } from '../../src/service/index.js';
import type { DiscordCliDeps } from '../discord/cli-command.js';
import type { SlackCliDeps } from '../slack/cli-command.js';
import type { PendingQuestion } from '../../src/inbox/index.js';
import { answerInBackground, claimAtStart } from './bot-adapters.js';

/**
 * Lets a single-adapter command run behind the same runtime as `start`: the advisor comes from
 * a BotRuntime (store, PHI guard, limits, metrics, /healthz), commands go through its guarded
 * service, and shutdown finishes answers in flight and closes the store and health server.
 */
function runtimeHolder() {
  let runtime: BotRuntime | undefined;
  let pending: PendingQuestion[] = [];
  return {
    openAdvisor: async (config: Config): Promise<CareerAdvisor> => {
      runtime = await BotRuntime.open(config);
      // Before the bot takes new questions (see claimPendingQuestions).
      pending = await claimAtStart(runtime);
      return runtime.advisor;
    },
    pending: () => pending,
    createCommands: () => runtime!.commands,
    state: () => runtime?.state,
    runtime: () => runtime!,
    close: async () => runtime?.close(),
  };
}

/** Dependencies for `career-advisor slack`. */
export function slackRuntimeDeps(): Partial<SlackCliDeps> {
  const holder = runtimeHolder();
  return {
    openAdvisor: holder.openAdvisor,
    createCommands: holder.createCommands,
    startSlackApp: async (options) => {
      const runtime = holder.runtime();
      const app = await (await import('../slack/slack-app.js')).startSlackApp({ ...options, state: runtime.state, inbox: runtime.inbox });
      answerInBackground(runtime, holder.pending(), { slack: app.recover });
      return { ...app, stop: async () => (await app.stop(), await holder.close()) };
    },
  };
}

/** Dependencies for `career-advisor discord`. */
export function discordRuntimeDeps(): DiscordCliDeps {
  const holder = runtimeHolder();
  return {
    openAdvisor: holder.openAdvisor,
    createCommands: holder.createCommands,
    sharedState: holder.state,
    inbox: () => holder.runtime().inbox,
    onStarted: (bot) => answerInBackground(holder.runtime(), holder.pending(), { discord: bot.recover }),
    afterStop: holder.close,
  };
}
