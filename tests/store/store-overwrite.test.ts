import { openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { captureLogger, question, tempDir } from './helpers.js';

describe('store overwritten in place while open', () => {
  it('notices garbage written over the file (same inode), warns once and stops recording', () => {
    const path = join(tempDir(), 'advisor.db');
    const logger = captureLogger();
    const store = openStore({ path, retentionDays: 30, logger });
    store.recordQuestion(question({ id: 'q1' }));
    expect(store.healthy).toBe(true);

    // Overwrite the first bytes in place: the inode stays, so only the header check can tell.
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.from('garbage garbage garbage garbage '), 0, 32, 0);
    closeSync(fd);

    expect(() => store.recordQuestion(question({ id: 'q2' }))).not.toThrow();
    expect(store.healthy).toBe(false);
    expect(() => store.recordQuestion(question({ id: 'q3' }))).not.toThrow();
    expect(logger.warnings).toHaveLength(1);
    expect(logger.warnings[0]!.obj).toMatchObject({ operation: 'recordQuestion', err: { code: 'STORE_UNAVAILABLE' } });
    store.close();
  });
});
