import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteInbox } from '../../src/inbox/index.js';
import { openStore, STORE_SCHEMA_VERSION } from '../../src/store/index.js';
import { openDatabase } from '../../src/store/sqlite.js';
import { describeInboxContract } from './inbox-contract.js';

describeInboxContract('sqlite (one file, a connection per handle)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'career-advisor-inbox-'));
  const path = join(dir, 'store.db');
  return { open: async () => SqliteInbox.open(path), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});

describe('SqliteInbox in the question store file', () => {
  it('shares the store file: the store migrates an existing database to the inbox schema, and both work side by side', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'career-advisor-inbox-'));
    try {
      const path = join(dir, 'store.db');
      const store = openStore({ path, retentionDays: 30 });
      const inbox = SqliteInbox.open(path);
      await inbox.record({ id: 'slack:Ev1', platform: 'slack', payload: { text: 'What is a CPC?' }, receivedAt: Date.now() });
      store.recordQuestion({ id: 'a1', ts: Date.now(), platform: 'slack', conversationId: 'c', userId: 'u', question: 'What is a CPC?', outcome: 'answered', citedSections: [], latencyMs: 5 });
      expect(store.healthy).toBe(true);
      await inbox.complete('slack:Ev1');
      await inbox.close();
      store.close();

      const db = openDatabase(path);
      expect(db.pragma('user_version', { simple: true })).toBe(STORE_SCHEMA_VERSION);
      // Once answered, the question text is no longer in the inbox.
      expect(db.prepare('SELECT payload FROM inbox WHERE id = ?').get('slack:Ev1')).toEqual({ payload: null });
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
