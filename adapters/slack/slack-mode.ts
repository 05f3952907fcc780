import type { Config } from '../../src/config/index.js';
import { ConfigError } from '../../src/errors.js';

// Kept free of @slack/bolt imports: the CLI checks the settings before loading Bolt (about half a second).

export type SlackMode = 'http' | 'socket';

/** Where Slack POSTs events, commands and interactivity in HTTP mode (Bolt's default path). */
export const EVENTS_PATH = '/slack/events';
export const HEALTH_PATH = '/healthz';

/**
 * Socket Mode when an app-level token is set (no public URL needed), otherwise HTTP with the signing secret.
 * Throws a ConfigError naming the missing variables, never their values.
 */
export function slackMode(config: Config): SlackMode {
  const missing: string[] = [];
  if (!config.SLACK_BOT_TOKEN) missing.push('SLACK_BOT_TOKEN (the xoxb-… bot token)');
  if (!config.SLACK_APP_TOKEN && !config.SLACK_SIGNING_SECRET) {
    missing.push('SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode, xapp-…)');
  }
  if (missing.length > 0) throw new ConfigError(`the Slack app needs ${missing.join('; ')}`);
  if (config.SLACK_APP_TOKEN && !config.SLACK_APP_TOKEN.startsWith('xapp-')) {
    throw new ConfigError('SLACK_APP_TOKEN must be an app-level token starting with xapp- (Socket Mode)');
  }
  return config.SLACK_APP_TOKEN ? 'socket' : 'http';
}
