import type { Config } from '../../src/config/index.js';
import type { CareerAdvisor } from '../../src/core/index.js';
import { BotRuntime } from '../../src/service/index.js';
import type { SlackCliDeps } from '../slack/cli-command.js';

/**
 * Makes a single-adapter command (`career-advisor slack`) run behind the same runtime as
 * `start`: the advisor comes from a BotRuntime, commands go through its guarded service, and
 * stopping the app also finishes answers in flight and closes the store and health server.
 */
export function botDeps(): Partial<SlackCliDeps> {
  let runtime: BotRuntime | undefined;
  return {
    openAdvisor: async (config: Config): Promise<CareerAdvisor> => {
      runtime = await BotRuntime.open(config);
      return runtime.advisor;
    },
    createCommands: () => runtime!.commands,
    startSlackApp: async (options) => {
      const app = await (await import('../slack/slack-app.js')).startSlackApp(options);
      return { ...app, stop: async () => (await app.stop(), await runtime?.close()) };
    },
  };
}
