import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../../src/config/index.js';
import { CareerAdvisor } from '../../../src/core/index.js';
import { minimizePhi } from '../../../src/privacy/index.js';
import { QUALITY } from '../../../src/quality/index.js';
import { InputError } from '../../../src/errors.js';
import { buildReport, buildReportAsync, emptyReport, MAX_REPORT_DAYS, readUnanswered, renderReportHtml, renderReportText, reportWindow, type AskedQuestion, type Report, type UnansweredReading } from '../../../src/report/index.js';
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
    summary: 'Knowledge-gap report: questions per day, abstentions, unanswered questions, ratings, card/plan/quiz use, cited sections',
    usage: 'career-advisor report [--days N (30)] [--limit N (10)] [--json] [--html FILE]',
    async run(args) {
      const opts = parseOptions(args);
      const config = loadConfig(deps.env ?? process.env);
      const at = now();
      const report = config.DATABASE_URL
        ? await readPostgresReport(config.DATABASE_URL, config.STORE_RETENTION_DAYS, { ...opts, now: at }, stderr)
        : await readReport(config, { ...opts, now: at }, stderr);

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

async function readReport(config: Config, options: { days: number; limit: number; now: number }, stderr: (text: string) => void): Promise<Report> {
  const path = config.storePath;
  // Checked first because opening would create an empty database (and its folder) as a side effect.
  if (!existsSync(path)) {
    stderr(`No question store at ${path} yet, so the report is empty. Questions are recorded there once the bot answers them (set STORE_PATH to read another file).\n`);
    return emptyReport(options, 'missing');
  }
  // The store's own warning talks about recording, which does not apply here; keep only the cause.
  let problem: string | undefined;
  const logger = { warn: (obj: Record<string, unknown>) => void (problem ??= obj.err instanceof Error ? obj.err.message : undefined) };
  const store = openStore({ path, retentionDays: config.STORE_RETENTION_DAYS, now: () => options.now, logger });
  try {
    const { since, until } = reportWindow(options.days, options.now);
    const reading = await answerPathReading(config, store.topUnanswered(1_000, { since, until }), stderr);
    const report = buildReport(store, { ...options, ...(reading ? { reading } : {}) });
    if (report.store === 'unavailable') {
      stderr(`The question store at ${path} could not be read${problem ? ` (${problem})` : ''}, so the report is empty.\n`);
    }
    else if (report.totals.questions === 0) stderr(`The question store at ${path} has no questions from the last ${options.days} days.\n`);
    return report;
  } finally {
    store.close();
  }
}

/**
 * With an index built, unanswered questions are read by the answer path itself: off-topic ones
 * set apart, the rest grouped by meaning (the answer embedder). Without one, shared words group them.
 */
async function answerPathReading(config: Config, questions: readonly AskedQuestion[], stderr: (text: string) => void): Promise<UnansweredReading | undefined> {
  if (questions.length === 0 || !existsSync(join(config.indexDir, 'manifest.json'))) return undefined;
  try {
    const advisor = await CareerAdvisor.open({ ...config, INDEX_AUTO_REBUILD: false });
    const shown = questions.map((q) => ({ ...q, question: minimizePhi(q.question).text }));
    const evidence = { embed: (texts: string[]) => advisor.retriever.embedder.embedDocuments(texts), isOffTopic: async (q: string) => (await advisor.ask(q)).kind === 'abstained' };
    return await readUnanswered(shown, evidence, QUALITY.report.sameQuestion);
  } catch (error) {
    stderr(`Unanswered questions are grouped by shared words: the index could not be opened (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).\n`);
    return undefined;
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
