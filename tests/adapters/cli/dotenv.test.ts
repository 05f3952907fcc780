import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from '../../helpers/guide-files.js';

const CLI = join(REPO_ROOT, 'dist/adapters/cli/main.js');

describe('.env', () => {
  it('is read from the working directory at start, and the environment wins over it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.env'), 'MAX_QUESTION_CHARS=25\nLOG_LEVEL=silent\n');
    const env = { ...process.env };
    delete env.MAX_QUESTION_CHARS;
    delete env.ENV_FILE;
    const fromFile = spawnSync(process.execPath, [CLI, 'ask', 'How much do coders make every year?'], { cwd: dir, encoding: 'utf8', env });
    expect(fromFile.status).toBe(2);
    expect(fromFile.stderr).toContain('the limit is 25');
    const overridden = spawnSync(process.execPath, [CLI, 'ask', 'How much do coders make every year?'], { cwd: dir, encoding: 'utf8', env: { ...env, MAX_QUESTION_CHARS: '100' } });
    expect(overridden.stderr).not.toContain('the limit is 25');
  });

  it('is optional: no file, no error', () => {
    const out = execFileSync(process.execPath, [CLI, '--help'], { cwd: tempDir(), encoding: 'utf8' });
    expect(out).toContain('Usage: career-advisor');
  });

  it('`config check` says where each setting came from (env, .env, default) and masks secrets', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.env'), 'SLACK_BOT_TOKEN=xoxb-file-secret-1234\nLLM_MAX_TOKENS=700\nDATABASE_URL=postgres://user:hunter2@db:5432/advisor\n');
    const env: NodeJS.ProcessEnv = { ...process.env, LLM_MAX_TOKENS: '800' };
    for (const name of ['SLACK_BOT_TOKEN', 'DATABASE_URL', 'ENV_FILE', 'CONVERSATION_TURNS']) delete env[name];
    const out = execFileSync(process.execPath, [CLI, 'config', 'check'], { cwd: dir, encoding: 'utf8', env });
    const row = (name: string) => out.split('\n').find((line) => line.startsWith(`${name} `))?.trim().split(/\s{2,}/);
    expect(row('SLACK_BOT_TOKEN')).toEqual(['SLACK_BOT_TOKEN', '.env', 'set (masked)']);
    expect(row('LLM_MAX_TOKENS')).toEqual(['LLM_MAX_TOKENS', 'env', '800']);
    expect(row('CONVERSATION_TURNS')?.[1]).toBe('default');
    expect(row('DATABASE_URL')).toEqual(['DATABASE_URL', '.env', 'postgres://***@db:5432/advisor']);
    expect(out).not.toContain('xoxb-file-secret');
    expect(out).not.toContain('hunter2');
  });
});
