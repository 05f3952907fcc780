import { loadConfig, type Config } from '../../src/config/index.js';
import type { CareerAdvisor } from '../../src/core/index.js';
import { createCommandHandler, type CommandHandler } from '../../src/commands/index.js';
import { openAdvisor } from '../cli/cli-context.js';
import type { CliCommand } from '../cli/command.js';
import type { RunningSlackApp, StartSlackAppOptions } from './slack-app.js';
import { waitForShutdownSignal } from '../shared/shutdown-signal.js';
import { slackMode } from './slack-mode.js';

/** What `career-advisor slack` needs; tests replace the parts that touch the environment. */
export interface SlackCliDeps {
  loadConfig(): Config;
  openAdvisor(config: Config): Promise<CareerAdvisor>;
  createCommands(advisor: CareerAdvisor): CommandHandler;
  startSlackApp(options: StartSlackAppOptions): Promise<RunningSlackApp>;
  /** Where SIGTERM/SIGINT arrive (the process). */
  signals: Pick<NodeJS.Process, 'once' | 'off' | 'on'>;
  stderr(line: string): void;
}

const defaults: SlackCliDeps = {
  loadConfig: () => loadConfig(),
  openAdvisor: (config) => openAdvisor(config),
  createCommands: (advisor) => createCommandHandler(advisor),
  // Loaded on first use so other CLI commands do not pay for importing Bolt.
  startSlackApp: async (options) => (await import('./slack-app.js')).startSlackApp(options),
  signals: process,
  stderr: (line) => process.stderr.write(`${line}\n`),
};

const USAGE = 'career-advisor slack   (needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET [HTTP, PORT] or SLACK_APP_TOKEN [Socket Mode])';

/**
 * Builds the `slack` CLI command: opens the advisor, starts the app, and on SIGTERM/SIGINT stops taking
 * events, lets answers in progress finish, and exits 0. A second signal kills the process as usual.
 */
export function createSlackCliCommand(overrides: Partial<SlackCliDeps> = {}): CliCommand {
  const deps: SlackCliDeps = { ...defaults, ...overrides };
  return {
    name: 'slack',
    summary: 'Run the Slack app (Events API over HTTP, or Socket Mode)',
    usage: USAGE,
    async run(args) {
      if (args.includes('--help') || args.includes('-h')) {
        deps.stderr(`Usage: ${USAGE}\nSee docs/slack.md for creating the app from adapters/slack/manifest.yml.`);
        return 0;
      }
      const config = deps.loadConfig();
      const mode = slackMode(config); // fail on missing tokens before the (slower) index is opened
      const advisor = await deps.openAdvisor(config);
      const running = await deps.startSlackApp({ config, advisor, commands: deps.createCommands(advisor) });
      deps.stderr(mode === 'http' ? `Slack app listening on port ${running.port} (POST /slack/events). Ctrl-C to stop.` : 'Slack app connected over Socket Mode. Ctrl-C to stop.');
      return waitForShutdown(deps, running);
    },
  };
}

/** Serves until SIGTERM/SIGINT, then finishes answers in progress (the process guard owns stray rejections). */
async function waitForShutdown(deps: SlackCliDeps, running: RunningSlackApp): Promise<number> {
  const signal = await waitForShutdownSignal(deps.signals);
  deps.stderr(`Received ${signal}; finishing answers in progress…`);
  try {
    await running.stop();
    return 0;
  } catch (error) {
    deps.stderr(`slack: shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

/** `career-advisor slack`, registered in adapters/cli/main.ts (import this file, not the folder's index, to keep Bolt lazy). */
export const slackCliCommand: CliCommand = createSlackCliCommand();
