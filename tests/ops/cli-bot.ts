import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { configSchema } from '../../src/config/index.js';
import { REPO_ROOT } from '../helpers/guide-files.js';

/** The built CLI, run as operators run it. */
export const CLI = join(REPO_ROOT, 'dist', 'adapters', 'cli', 'main.js');

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

/** Polls `probe` until it gives a value (errors count as "not yet"). */
export async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string | (() => string)): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A `career-advisor <args>` child process with only `settings` as configuration. */
export interface CliBot {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  /** Still running (no exit code, no signal). */
  alive(): boolean;
  kill(signal?: NodeJS.Signals): void;
}

export function startCliBot(args: string[], settings: Record<string, string>): CliBot {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(configSchema.shape)) delete env[key];
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...env, ...settings }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    alive: () => child.exitCode === null && child.signalCode === null,
    kill: (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}
