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
});
