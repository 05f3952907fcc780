import { startSlackApp, type RunningSlackApp } from '../../adapters/slack/slack-app.js';
import { loadConfig } from '../../src/config/index.js';
import { CareerAdvisorError } from '../../src/errors.js';
import { BotRuntime } from '../../src/service/index.js';

/**
 * The bot under test for the operations scripts, in its own process: exactly what
 * `career-advisor start` runs for Slack (BotRuntime.open(config) — store, PHI guard, rate limits,
 * answer queue, metrics, /healthz, shared state — then startSlackApp({ config, advisor, commands, state }) with the
 * production Web API client settings), configured only by environment variables.
 *
 * Differences from the CLI, all for measuring: it reports its ports and, on request, its memory
 * after a forced GC over the IPC channel; it stops on an IPC "stop" as on SIGTERM; and it exits
 * by itself after OPS_BOT_MAX_SECONDS or when its parent goes away, so it can never outlive a run.
 *
 * Started by scripts/ops/ops-kit.ts (BotProcess.start); not meant to be run by hand.
 */

type ParentMessage = { type: 'memory'; id: number } | { type: 'stop' };

const maxSeconds = Number(process.env.OPS_BOT_MAX_SECONDS ?? 600);
const send = (message: unknown) => {
  if (process.connected) process.send?.(message);
};

let runtime: BotRuntime | undefined;
let slack: RunningSlackApp | undefined;
let stopping: Promise<void> | undefined;

function stop(code: number): Promise<void> {
  stopping ??= (async () => {
    const force = setTimeout(() => process.exit(code === 0 ? 3 : code), 15_000);
    force.unref();
    try {
      await slack?.stop();
      await runtime?.close();
    } finally {
      send({ type: 'stopped' });
      process.exit(code);
    }
  })();
  return stopping;
}

const deadline = setTimeout(() => {
  process.stderr.write(`slack-bot: OPS_BOT_MAX_SECONDS (${maxSeconds} s) reached, stopping\n`);
  void stop(4);
}, maxSeconds * 1000);
deadline.unref();

process.on('disconnect', () => void stop(0));
process.once('SIGTERM', () => void stop(0));
process.once('SIGINT', () => void stop(0));
process.on('message', (message: ParentMessage) => {
  if (message.type === 'stop') void stop(0);
  if (message.type === 'memory') {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc) {
      gc();
      gc();
    }
    const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
    send({ type: 'memory', id: message.id, memory: { rss, heapUsed, heapTotal, external, arrayBuffers, gcForced: Boolean(gc) } });
  }
});

try {
  const config = loadConfig();
  runtime = await BotRuntime.open(config);
  slack = await startSlackApp({ config, advisor: runtime.advisor, commands: runtime.commands, state: runtime.state });
  send({ type: 'ready', slackPort: slack.port, healthPort: runtime.health.port, pid: process.pid });
} catch (error) {
  // The same words the CLI prints (adapters/cli/main.ts).
  const text = error instanceof CareerAdvisorError ? `error [${error.code}]: ${error.message}` : `error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  process.stderr.write(`${text}\n`);
  send({ type: 'failed', message: text });
  await runtime?.close().catch(() => undefined);
  process.exit(1);
}
