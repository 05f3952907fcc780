import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../../src/config/index.js';
import { InputError } from '../../../src/errors.js';
import { buildReport, buildReportAsync, emptyReport, MAX_REPORT_DAYS, renderReportHtml, renderReportText, type Report } from '../../../src/report/index.js';
import { openStore } from '../../../src/store/index.js';
import type { CliCommand } from '../command.js';

/** What the report command reads and writes; tests inject all of it. */
export interface ReportCommandDeps {
  env?: NodeJS.ProcessEnv;
  now?: () => number;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

/** Builds the `report` command; `reportCommand` is the one wired to the real process. */
export function createReportCommand(deps: ReportCommandDeps = {}): CliCommand {
  const stdout = deps.stdout ?? ((t: string) => void process.stdout.write(t));
  const stderr = deps.stderr ?? ((t: string) => void process.stderr.write(t));
  const now = deps.now ?? Date.now;
  return {
    name: 'report',
    summary: 'Knowledge-gap report: questions per day, abstentions, unanswered questions, ratings, cited sections',
    usage: 'career-advisor report [--days N (30)] [--limit N (10)] [--json] [--html FILE]',
    async run(args) {
      const opts = parseOptions(args);
      const config = loadConfig(deps.env ?? process.env);
      const at = now();
      const report = config.DATABASE_URL
        ? await readPostgresReport(config.DATABASE_URL, config.STORE_RETENTION_DAYS, { ...opts, now: at }, stderr)
        : readReport(config.storePath, config.STORE_RETENTION_DAYS, { ...opts, now: at }, stderr);

      if (opts.html) {
        const file = resolve(opts.html);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, renderReportHtml(report));
        stderr(`HTML report written to ${file}\n`);
      }
      if (opts.json) stdout(`${JSON.stringify(report, null, 2)}\n`);
      else stdout(`${renderReportText(report)}\n`);
      return 0;
    },
  };
}

/** `career-advisor report`: the knowledge-gap report for a community manager. */
export const reportCommand: CliCommand = createReportCommand();

interface ReportArgs {
  days: number;
  limit: number;
  json: boolean;
  html?: string;
}

function parseOptions(args: string[]): ReportArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: {
        days: { type: 'string', default: '30' },
        limit: { type: 'string', default: '10' },
        json: { type: 'boolean', default: false },
        html: { type: 'string' },
      },
    }));
  } catch (err) {
    throw new InputError(`${err instanceof Error ? err.message : String(err)}\n  usage: career-advisor report [--days N] [--limit N] [--json] [--html FILE]`);
  }
  const days = wholeNumber('--days', values.days, 1, MAX_REPORT_DAYS);
  const limit = wholeNumber('--limit', values.limit, 1, 100);
  if (values.html !== undefined && values.html.trim() === '') throw new InputError('--html needs a file name, e.g. --html report.html');
  return { days, limit, json: values.json, html: values.html };
}

function wholeNumber(flag: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || n < min || n > max) throw new InputError(`${flag} must be a whole number from ${min} to ${max} (got "${raw}")`);
  return n;
}

function readReport(
  path: string,
  retentionDays: number,
  options: { days: number; limit: number; now: number },
  stderr: (text: string) => void,
): Report {
  // Checked first because opening would create an empty database (and its folder) as a side effect.
  if (!existsSync(path)) {
    stderr(`No question store at ${path} yet, so the report is empty. Questions are recorded there once the bot answers them (set STORE_PATH to read another file).\n`);
    return emptyReport(options, 'missing');
  }
  // The store's own warning talks about recording, which does not apply here; keep only the cause.
  let problem: string | undefined;
  const logger = { warn: (obj: Record<string, unknown>) => void (problem ??= obj.err instanceof Error ? obj.err.message : undefined) };
  const store = openStore({ path, retentionDays, now: () => options.now, logger });
  try {
    const report = buildReport(store, options);
    if (report.store === 'unavailable') {
      stderr(`The question store at ${path} could not be read${problem ? ` (${problem})` : ''}, so the report is empty.\n`);
    }
    else if (report.totals.questions === 0) stderr(`The question store at ${path} has no questions from the last ${options.days} days.\n`);
    return report;
  } finally {
    store.close();
  }
}

/** The report from PostgreSQL (DATABASE_URL); `pg` is only loaded here. */
async function readPostgresReport(url: string, retentionDays: number, options: { days: number; limit: number; now: number }, stderr: (text: string) => void): Promise<Report> {
  let problem: string | undefined;
  const logger = { warn: (obj: Record<string, unknown>) => void (problem ??= typeof obj.err === 'string' ? obj.err : undefined) };
  const { openPostgresStore } = await import('../../../src/store/postgres-store.js');
  const store = await openPostgresStore({ url, retentionDays, now: () => options.now, logger });
  try {
    const report = await buildReportAsync(store, options);
    if (report.store === 'unavailable') stderr(`The PostgreSQL question store could not be read${problem ? ` (${problem})` : ''}, so the report is empty.\n`);
    else if (report.totals.questions === 0) stderr(`The PostgreSQL question store has no questions from the last ${options.days} days.\n`);
    return report;
  } finally {
    await store.close();
  }
}
