import type { BotRuntime } from '../../src/service/index.js';

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
  const { config, advisor, commands } = runtime;
  const running: RunningAdapter[] = [];
  if (config.SLACK_BOT_TOKEN) {
    const { startSlackApp } = await import('../slack/slack-app.js');
    const app = await startSlackApp({ config, advisor, commands, state: runtime.state });
    running.push({ name: 'slack', stop: () => app.stop() });
  }
  if (config.DISCORD_TOKEN) {
    const { startDiscordBot } = await import('../discord/bot.js');
    const bot = await startDiscordBot({ config, advisor, commands, logger: runtime.logger, state: runtime.state });
    running.push({ name: 'discord', stop: () => bot.stop() });
  }
  return running;
}
