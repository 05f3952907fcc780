import { HTTPReceiver, SocketModeReceiver, type Logger, type webApi } from '@slack/bolt';
import type { Config } from '../../src/config/index.js';
import { EVENTS_PATH, HEALTH_PATH, type SlackMode } from './slack-mode.js';
import { guardRequestBodies, type BeforeBolt } from './body-guard.js';
import { guardRequestTimestamps } from './timestamp-guard.js';

/** Web API client options from config: SLACK_API_URL (GovSlack, a proxy or a local fake) plus overrides. */
export function webClientOptions(config: Config, overrides: webApi.WebClientOptions = {}): webApi.WebClientOptions {
  const url = config.SLACK_API_URL;
  // WebClient joins the base URL and method name without a separator.
  const apiUrl = url ? (url.endsWith('/') ? url : `${url}/`) : undefined;
  return { ...(apiUrl ? { slackApiUrl: apiUrl } : {}), ...overrides };
}

export interface ReceiverOptions {
  logger: Logger;
  /** Hold the HTTP response until listeners finish (deterministic tests, FaaS). Default false: ack at once. */
  processBeforeResponse?: boolean;
  /** Extra Web API options for the Socket Mode client's own `apps.connections.open` calls (tests). */
  clientOptions?: webApi.WebClientOptions;
  now?: () => number;
  /** HTTP mode: sees every well-formed, not yet verified body before Bolt does (the durable inbox records here). */
  beforeBolt?: BeforeBolt;
}

/** The receiver for the mode: HTTP (signature + ±5 min timestamp check, JSON-object bodies only, /healthz) or Socket Mode. */
export function createReceiver(config: Config, mode: SlackMode, options: ReceiverOptions): HTTPReceiver | SocketModeReceiver {
  if (mode === 'socket') {
    return new SocketModeReceiver({
      appToken: config.SLACK_APP_TOKEN!,
      logger: options.logger,
      // The receiver builds its own WebClient for apps.connections.open and only reads these options.
      installerOptions: { clientOptions: webClientOptions(config, options.clientOptions) },
    });
  }
  const receiver = new HTTPReceiver({
    signingSecret: config.SLACK_SIGNING_SECRET!,
    endpoints: EVENTS_PATH,
    logger: options.logger,
    processBeforeResponse: options.processBeforeResponse ?? false,
    customRoutes: [
      {
        path: HEALTH_PATH,
        method: ['GET'],
        handler: (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('ok');
        },
      },
    ],
  });
  // Installed first, so it runs after the timestamp check: stale requests are refused unread.
  guardRequestBodies(receiver, { logger: options.logger, path: EVENTS_PATH, beforeBolt: options.beforeBolt });
  guardRequestTimestamps(receiver, { logger: options.logger, now: options.now });
  return receiver;
}
