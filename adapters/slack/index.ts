export { createSlackCliCommand, slackCliCommand, type SlackCliDeps } from './cli-command.js';
export { SLASH_COMMAND } from './handlers/index.js';
export { createSlackLogger, redactingLogger } from './logger.js';
export { fromSlackText, toMrkdwn } from './mrkdwn.js';
export { EVENTS_PATH, HEALTH_PATH, slackMode, type SlackMode } from './slack-mode.js';
export { renderResult, renderSources, type SlackMessage } from './render/index.js';
export { startSlackApp, type RunningSlackApp, type StartSlackAppOptions } from './slack-app.js';
export { splitMrkdwn } from './split-mrkdwn.js';
export type { SlackAdvisor } from './deps.js';
