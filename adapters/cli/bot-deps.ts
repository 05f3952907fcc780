import type { Config } from '../../src/config/index.js';
import type { CareerAdvisor } from '../../src/core/index.js';
import { BotRuntime } from '../../src/service/index.js';
import type { DiscordCliDeps } from '../discord/cli-command.js';
import type { SlackCliDeps } from '../slack/cli-command.js';

/**
 * Lets a single-adapter command run behind the same runtime as `start`: the advisor comes from
 * a BotRuntime (store, PHI guard, limits, metrics, /healthz), commands go through its guarded
 * service, and shutdown finishes answers in flight and closes the store and health server.
 */
function runtimeHolder() {
  let runtime: BotRuntime | undefined;
  return {
    openAdvisor: async (config: Config): Promise<CareerAdvisor> => {
      runtime = await BotRuntime.open(config);
      return runtime.advisor;
    },
    createCommands: () => runtime!.commands,
    state: () => runtime?.state,
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
      const app = await (await import('../slack/slack-app.js')).startSlackApp({ ...options, state: holder.state() });
      return { ...app, stop: async () => (await app.stop(), await holder.close()) };
    },
  };
}

/** Dependencies for `career-advisor discord`. */
export function discordRuntimeDeps(): DiscordCliDeps {
  const holder = runtimeHolder();
  return { openAdvisor: holder.openAdvisor, createCommands: holder.createCommands, afterStop: holder.close, sharedState: holder.state };
}
