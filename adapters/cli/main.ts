#!/usr/bin/env node
import { CareerAdvisorError } from '../../src/errors.js';
import { installProcessGuard } from '../../src/service/process-guard.js';
import type { CliCommand } from './command.js';
import { loadDotEnv } from './load-dotenv.js';
import { isUsageError } from './usage-error.js';

/**
 * Each command's module, imported only when that command runs: `ask` does not load Slack,
 * Discord, the metrics server or the bench baselines, which is most of a cold start's imports.
 */
const COMMANDS: ReadonlyArray<readonly [string, () => Promise<CliCommand>]> = [
  ['ask', async () => ((await import('./start-model-early.js')).startModelEarly(), (await import('./commands/ask.js')).askCommand)],
  ['chat', async () => ((await import('./start-model-early.js')).startModelEarly(), (await import('./commands/chat.js')).chatCommand)],
  ['cert', async () => (await import('./commands/cert.js')).certCommand],
  ['plan', async () => (await import('./commands/plan.js')).planCommand],
  ['topics', async () => (await import('./commands/topics.js')).topicsCommand],
  ['quiz', async () => (await import('./commands/quiz.js')).quizCommand],
  ['ingest', async () => (await import('./commands/ingest.js')).ingestCommand],
  ['eval', async () => (await import('./commands/eval.js')).evalCommand],
  ['bench', async () => (await import('./commands/bench.js')).benchCommand],
  ['report', async () => (await import('./commands/report.js')).reportCommand],
  ['config', async () => (await import('./commands/config.js')).configCommand],
  ['start', async () => (await import('./commands/start.js')).startCommand],
  ['slack', async () => (await import('../slack/cli-command.js')).createSlackCliCommand((await import('./bot-deps.js')).slackRuntimeDeps())],
  ['discord', async () => (await import('../discord/cli-command.js')).createDiscordCliCommand((await import('./bot-deps.js')).discordRuntimeDeps())],
];

async function usage(): Promise<string> {
  const commands = await Promise.all(COMMANDS.map(([, load]) => load()));
  return ['Usage: career-advisor <command> [options]', '', ...commands.map((c) => `  ${c.name.padEnd(8)} ${c.summary}\n           ${c.usage}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${await usage()}\n`);
    return name ? 0 : 1;
  }
  const load = COMMANDS.find(([commandName]) => commandName === name)?.[1];
  if (!load) {
    process.stderr.write(`Unknown command "${name}".\n\n${await usage()}\n`);
    return 2;
  }
  const command = await load();
  try {
    return await command.run(args);
  } catch (error) {
    return reportFailure(error, command, args);
  }
}

/**
 * How a command's failure reaches the user: a usage error prints the message and the command's
 * usage (exit 2); a coded error its code and message (exit 2 for bad input or configuration, 1
 * otherwise). With --json/--jsonl the error is also one JSON object on stdout, where the caller
 * reads results. Stack traces only for bugs.
 */
function reportFailure(error: unknown, command: CliCommand, args: string[]): number {
  const json = args.includes('--json') || args.includes('--jsonl');
  const message = error instanceof Error ? error.message : String(error);
  let code: string;
  let exit: number;
  if (isUsageError(error)) {
    [code, exit] = ['USAGE', 2];
    process.stderr.write(`error: ${message}\nUsage: ${command.usage}\n`);
  } else if (error instanceof CareerAdvisorError) {
    [code, exit] = [error.code, error.code === 'INPUT_INVALID' || error.code === 'CONFIG_INVALID' ? 2 : 1];
    process.stderr.write(`error [${error.code}]: ${message}\n`);
  } else {
    [code, exit] = ['INTERNAL', 1];
    process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? message) : message}\n`);
  }
  if (json) process.stdout.write(`${JSON.stringify({ error: message.split('\n')[0], code })}\n`);
  return exit;
}

// One bad request must never end a running bot: stray errors are logged and the process goes on.
installProcessGuard();
// Settings from .env (the environment wins); read before any command parses the configuration.
loadDotEnv();
// `career-advisor ask --jsonl | head -1`: the reader went away, so there is nobody left to tell; end quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
}

if (process.env.CAREER_ADVISOR_REPORT_RSS) {
  // Lets `bench` read this process's peak memory when it measures cold start.
  process.on('exit', () => process.stderr.write(`peak_rss_kb=${process.resourceUsage().maxRSS}\n`));
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof CareerAdvisorError) {
      process.stderr.write(`error [${error.code}]: ${error.message}\n`);
      process.exitCode = error.code === 'INPUT_INVALID' || error.code === 'CONFIG_INVALID' ? 2 : 1;
    } else if (error instanceof Error && error.name.endsWith('ConfigError')) {
      // A settings problem caught below the config schema (store, limits): one line, no stack trace.
      process.stderr.write(`error [CONFIG_INVALID]: ${error.message.split('\n')[0]}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
