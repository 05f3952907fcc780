import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReportCommand, reportCommand } from '../../adapters/cli/commands/report.js';
import { InputError } from '../../src/errors.js';
import { reportSchema } from '../../src/report/index.js';
import { DAY, NOW, seedStore, tempDir } from './helpers.js';

function run(args: string[], storePath: string, now = NOW) {
  const out: string[] = [];
  const err: string[] = [];
  const command = createReportCommand({
    env: { STORE_PATH: storePath },
    now: () => now,
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
  });
  return command.run(args).then((code) => ({ code, stdout: out.join(''), stderr: err.join('') }));
}

describe('career-advisor report', () => {
  it('is exported for registration as "report"', () => {
    expect(reportCommand.name).toBe('report');
    expect(reportCommand.usage).toContain('--html FILE');
  });

  it('prints the text report for the store at STORE_PATH', async () => {
    const { code, stdout, stderr } = await run(['--days', '7'], seedStore());
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('Questions: 18   answered: 11   abstained: 7   abstention rate: 38.9%');
    expect(stdout).toMatch(/4\s+How much does the CPC exam cost\?/);
  });

  it('prints schema-valid JSON with --json', async () => {
    const { code, stdout } = await run(['--days', '7', '--json', '--limit', '3'], seedStore());
    expect(code).toBe(0);
    const report = reportSchema.parse(JSON.parse(stdout));
    expect(report.totals.questions).toBe(18);
    expect(report.window.days).toBe(7);
    expect(report.topCitedSections).toHaveLength(3);
  });

  it('writes a self-contained HTML page with --html FILE', async () => {
    const file = join(tempDir(), 'out', 'report.html');
    const { code, stderr } = await run(['--days', '7', '--html', file], seedStore());
    expect(code).toBe(0);
    expect(stderr).toContain(`HTML report written to ${file}`);
    const html = readFileSync(file, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<svg');
    expect(html).toContain('&lt;script&gt;');
  });

  it('explains a missing store, prints an empty report and creates no file', async () => {
    const path = join(tempDir(), 'never-ran', 'advisor.db');
    const { code, stdout, stderr } = await run(['--json'], path);
    expect(code).toBe(0);
    expect(stderr).toContain(`No question store at ${path} yet`);
    const report = reportSchema.parse(JSON.parse(stdout));
    expect(report.store).toBe('missing');
    expect(report.totals.questions).toBe(0);
    expect(report.perDay).toHaveLength(30); // the default window
    expect(existsSync(path)).toBe(false);
    expect(existsSync(join(path, '..'))).toBe(false);
  });

  it('says so when the store has no questions in the window', async () => {
    const path = seedStore();
    const { code, stderr, stdout } = await run(['--days', '7'], path, NOW + 30 * DAY);
    expect(code).toBe(0);
    expect(stderr).toContain(`The question store at ${path} has no questions from the last 7 days.`);
    expect(stdout).toContain('No questions were asked in this period.');
  });

  it('reports an unreadable store as empty instead of crashing', async () => {
    const path = join(tempDir(), 'broken.db');
    writeFileSync(path, 'not a database '.repeat(100));
    const { code, stderr, stdout } = await run(['--json'], path);
    expect(code).toBe(0);
    expect(stderr).toContain(`The question store at ${path} could not be read (file is not a database), so the report is empty.`);
    expect(readFileSync(path, 'utf8')).toBe('not a database '.repeat(100)); // left untouched
    expect(reportSchema.parse(JSON.parse(stdout)).store).toBe('unavailable');
  });

  it('rejects bad options with an input error', async () => {
    const path = join(tempDir(), 'x.db');
    await expect(run(['--days', '0'], path)).rejects.toThrow(InputError);
    await expect(run(['--days', 'seven'], path)).rejects.toThrow(/--days must be a whole number/);
    await expect(run(['--limit', '1000'], path)).rejects.toThrow(InputError);
    await expect(run(['--colour'], path)).rejects.toThrow(InputError);
    await expect(run(['--html', ''], path)).rejects.toThrow(/--html needs a file name/);
  });
});
