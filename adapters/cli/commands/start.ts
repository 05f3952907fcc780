import { loadConfig } from '../../../src/config/index.js';
import { ConfigError } from '../../../src/errors.js';
import { BotRuntime } from '../../../src/service/index.js';
import type { CliCommand } from '../command.js';
import { startConfiguredAdapters } from '../bot-adapters.js';
import { waitForShutdownSignal } from '../../shared/shutdown-signal.js';

/**
 * `career-advisor start` (and `npm start`): every adapter whose credentials are configured, behind
 * one runtime (patient-data guard, rate limits, answer queue, question store, metrics, /healthz).
 * SIGTERM/SIGINT stop taking messages, finish answers in flight, flush the store and exit 0.
 */
export const startCommand: CliCommand = {
  name: 'start',
  summary: 'Run every configured bot (Discord, Slack) with health checks and metrics',
  usage: 'career-advisor start   (set DISCORD_TOKEN and/or SLACK_BOT_TOKEN; see .env.example)',
  async run() {
    const config = loadConfig();
    if (!config.DISCORD_TOKEN && !config.SLACK_BOT_TOKEN) {
      throw new ConfigError('No bot is configured: set DISCORD_TOKEN (Discord) and/or SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET or SLACK_APP_TOKEN (Slack).');
    }
    const runtime = await BotRuntime.open(config);
    const adapters = await startConfiguredAdapters(runtime);
    runtime.logger.info({ adapters: adapters.map((a) => a.name), health: runtime.health.port }, 'career-advisor is running');
    const signal = await waitForShutdownSignal();
    runtime.logger.info({ signal }, 'shutting down: finishing answers in flight');
    for (const adapter of adapters) await adapter.stop();
    await runtime.close();
    return 0;
  },
};
