import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configSchema } from '../../src/config/index.js';

/**
 * Shared pieces of the operations scripts (load and fault runs): the bot child process, a
 * bounded log tail, percentiles, tables and argument parsing. Nothing here talks to anything
 * but 127.0.0.1.
 */

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const VITE_NODE = join(REPO_ROOT, 'node_modules', 'vite-node', 'vite-node.mjs');
const BOT_ENTRY = join(REPO_ROOT, 'scripts', 'ops', 'slack-bot.ts');

export const SIGNING_SECRET = 'ops-load-signing-secret';
export const BOT_TOKEN = 'xoxb-ops-load-fake';

/** Memory figures the bot child reports (after a forced GC when `gcForced`). */
export interface BotMemory {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  gcForced: boolean;
}

type ChildMessage =
  | { type: 'ready'; slackPort: number; healthPort: number; pid: number }
  | { type: 'memory'; id: number; memory: BotMemory }
  | { type: 'stopped' }
  | { type: 'failed'; message: string };

/**
 * The environment for a bot child: the caller's environment without any career-advisor setting
 * (so a developer's .env or shell cannot change the run), then `settings`.
 */
export function botEnv(settings: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(configSchema.shape)) delete env[key];
  for (const [key, value] of Object.entries(settings)) if (value !== undefined) env[key] = value;
  return env;
}

/**
 * The last `max` lines a child wrote (stdout and stderr), counts of pino warn/error lines over the
 * whole run, and counts of lines matching patterns registered with `track`.
 */
export class LogTail {
  readonly lines: string[] = [];
  warnings = 0;
  errors = 0;
  readonly #tracked = new Map<string, { pattern: RegExp; count: number }>();
  readonly #watchers = new Set<{ pattern: RegExp; resolve: (line: string) => void }>();
  constructor(private readonly max = 2000) {}

  /** A chunk handler for one stream: it keeps that stream's unfinished last line until the rest arrives. */
  feeder(): (chunk: string) => void {
    let partial = '';
    return (chunk) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      this.push(parts);
    };
  }

  push(lines: readonly string[]): void {
    for (const line of lines) {
      if (line.trim() === '') continue;
      const level = /"level":(\d+)/.exec(line)?.[1];
      if (level === '40') this.warnings++;
      if (level === '50' || level === '60') this.errors++;
      for (const tracked of this.#tracked.values()) if (tracked.pattern.test(line)) tracked.count++;
      this.lines.push(line);
      if (this.lines.length > this.max) this.lines.shift();
      for (const watcher of [...this.#watchers]) {
        if (watcher.pattern.test(line)) {
          this.#watchers.delete(watcher);
          watcher.resolve(line);
        }
      }
    }
  }

  /** Counts lines matching `pattern` from now on, under `name` (see `count`). */
  track(name: string, pattern: RegExp): void {
    this.#tracked.set(name, { pattern, count: 0 });
  }

  count(name: string): number {
    return this.#tracked.get(name)?.count ?? 0;
  }

  /** Lines (still in the tail) matching `pattern`. */
  matching(pattern: RegExp): string[] {
    return this.lines.filter((line) => pattern.test(line));
  }

  /** Resolves with the first line (already seen or future) matching `pattern`; rejects after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<string> {
    const seen = this.lines.find((line) => pattern.test(line));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolvePromise, reject) => {
      const watcher = {
        pattern,
        resolve: (line: string) => {
          clearTimeout(timer);
          resolvePromise(line);
        },
      };
      const timer = setTimeout(() => {
        this.#watchers.delete(watcher);
        reject(new Error(`no log line matching ${pattern} within ${timeoutMs} ms; last lines:\n${this.lines.slice(-10).join('\n')}`));
      }, timeoutMs);
      this.#watchers.add(watcher);
    });
  }
}

/** A bot (BotRuntime + Slack HTTP adapter, as `career-advisor start` runs them) in a child process. */
export class BotProcess {
  readonly exited: Promise<number | null>;
  #nextId = 0;
  readonly #memoryWaiters = new Map<number, (memory: BotMemory) => void>();

  private constructor(
    readonly child: ChildProcess,
    readonly slackPort: number,
    readonly healthPort: number,
    /** The bot's stderr (pino JSON lines), from its first line. */
    readonly log: LogTail,
  ) {
    this.exited = new Promise((resolvePromise) => {
      if (child.exitCode !== null) resolvePromise(child.exitCode);
      else child.once('exit', (code) => resolvePromise(code));
    });
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'memory') this.#memoryWaiters.get(message.id)?.(message.memory);
    });
  }

  /**
   * Starts `scripts/ops/slack-bot.ts` under vite-node with `--expose-gc` and resolves once it
   * listens. `maxSeconds` is the child's own deadline: it exits by itself after that, whatever
   * happens to this process. Rejects (with the child's stderr) if it exits or is not ready in time.
   */
  static async start(env: NodeJS.ProcessEnv, options: { maxSeconds: number; readyTimeoutMs?: number }): Promise<BotProcess> {
    const child = spawn(process.execPath, ['--expose-gc', VITE_NODE, BOT_ENTRY], {
      cwd: REPO_ROOT,
      env: { ...env, OPS_BOT_MAX_SECONDS: String(options.maxSeconds) },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    // The runtime logs to stderr, the Slack adapter to stdout: one tail for both (each is JSON lines).
    const log = new LogTail();
    child.stderr!.setEncoding('utf8').on('data', log.feeder());
    child.stdout!.setEncoding('utf8').on('data', log.feeder());
    const ready = await new Promise<Extract<ChildMessage, { type: 'ready' }>>((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`the bot was not ready within ${options.readyTimeoutMs ?? 120_000} ms:\n${log.lines.slice(-20).join('\n')}`));
      }, options.readyTimeoutMs ?? 120_000);
      const onMessage = (message: ChildMessage) => {
        if (message.type === 'ready') {
          clearTimeout(timer);
          child.off('exit', onExit);
          child.off('message', onMessage);
          resolvePromise(message);
        }
      };
      const onExit = (code: number | null) => {
        clearTimeout(timer);
        // Give the stderr pipe a moment to deliver the last lines.
        setTimeout(() => reject(Object.assign(new Error(`the bot exited with code ${code} before it was ready:\n${log.lines.slice(-20).join('\n')}`), { exitCode: code, stderr: log.lines.join('\n') })), 100);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
    return new BotProcess(child, ready.slackPort, ready.healthPort, log);
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** RSS and heap of the bot after a forced garbage collection (two passes). */
  memory(timeoutMs = 10_000): Promise<BotMemory> {
    const id = ++this.#nextId;
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        this.#memoryWaiters.delete(id);
        reject(new Error('the bot did not report its memory'));
      }, timeoutMs);
      this.#memoryWaiters.set(id, (memory) => {
        clearTimeout(timer);
        this.#memoryWaiters.delete(id);
        resolvePromise(memory);
      });
      this.child.send({ type: 'memory', id });
    });
  }

  /** GET a path on the health server (`/healthz` JSON or `/metrics` text). */
  async health(): Promise<{ ok: boolean; store: boolean | 'disabled'; active: number; pending: number }> {
    const response = await fetch(`http://127.0.0.1:${this.healthPort}/healthz`, { signal: AbortSignal.timeout(5000) });
    return (await response.json()) as { ok: boolean; store: boolean | 'disabled'; active: number; pending: number };
  }

  async metrics(): Promise<string> {
    const response = await fetch(`http://127.0.0.1:${this.healthPort}/metrics`, { signal: AbortSignal.timeout(5000) });
    return response.text();
  }

  /** Graceful stop (finish answers in flight, flush the store); SIGKILL after `timeoutMs`. Resolves with the exit code. */
  async stop(timeoutMs = 20_000): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.child.exitCode;
    if (this.child.connected) this.child.send({ type: 'stop' });
    else this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

/** Sum of a Prometheus counter's samples whose labels contain every `labels` pair. */
export function counterValue(metricsText: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const line of metricsText.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (!Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) continue;
    total += Number(line.slice(line.lastIndexOf(' ') + 1)) || 0;
  }
  return total;
}

/** The p-th percentile (0–100) of `values`, nearest-rank on a sorted copy; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A two-column text table. */
export function table(rows: Array<[string, string | number]>): string {
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}

/** `--name value` and `--flag` arguments (a bare `--` separator is ignored). */
export function parseFlags(argv: readonly string[]): Map<string, string | true> {
  const flags = new Map<string, string | true>();
  const args = argv.filter((a) => a !== '--');
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (inline !== undefined) flags.set(name, inline);
    else if (args[i + 1] !== undefined && !args[i + 1]!.startsWith('--')) flags.set(name, args[++i]!);
    else flags.set(name, true);
  }
  return flags;
}

export function intFlag(flags: Map<string, string | true>, name: string, fallback: number): number {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a whole number, got "${String(raw)}"`);
  return value;
}

/** A temporary folder and its removal. */
export function scratchDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
