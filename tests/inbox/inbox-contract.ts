import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PendingQuestion, QuestionInbox } from '../../src/inbox/index.js';

/**
 * One backing inbox (a database, a Redis key prefix, a shared memory map) and a way to open
 * several handles onto it, as several worker processes would. `cleanup` removes the backing store.
 */
export interface InboxUnderTest {
  open(): Promise<QuestionInbox>;
  cleanup?(): Promise<void>;
}

export type InboxFactory = () => Promise<InboxUnderTest>;

const MINUTE = 60_000;
const claimOpts = (workerId: string, overrides: Partial<{ maxAgeMs: number; leaseMs: number }> = {}) => ({ maxAgeMs: 15 * MINUTE, workerId, leaseMs: 60_000, ...overrides });
let serial = 0;
/** A question with a unique id and a payload with the kinds of values adapters store. */
function question(overrides: Partial<PendingQuestion> = {}): PendingQuestion {
  serial++;
  return {
    id: `q-${Date.now()}-${serial}`,
    platform: 'slack',
    payload: { body: { type: 'event_callback', event: { text: `Wie viel verdient ein Coder? 💼 #${serial}`, ts: '1700000000.000100', n: serial, nested: [1, null, true] } } },
    receivedAt: Date.now(),
    ...overrides,
  };
}

/**
 * The behaviour every QuestionInbox must have. Run it with a factory, e.g.
 * `describeInboxContract('sqlite', async () => ({ open: async () => SqliteInbox.open(file) }))`.
 */
export function describeInboxContract(name: string, factory: InboxFactory): void {
  describe(`QuestionInbox contract: ${name}`, () => {
    let backing: InboxUnderTest;
    let handles: QuestionInbox[];
    const open = async () => {
      const inbox = await backing.open();
      handles.push(inbox);
      return inbox;
    };

    beforeEach(async () => {
      backing = await factory();
      handles = [];
    });
    afterEach(async () => {
      for (const inbox of handles) await inbox.close();
      await backing.cleanup?.();
    });

    it('records a question once: a redelivery with the same id returns false', async () => {
      const inbox = await open();
      const q = question();
      expect(await inbox.record(q)).toBe(true);
      expect(await inbox.record({ ...q, payload: { other: true } })).toBe(false);
      const [claimed, ...rest] = await inbox.claimPending(claimOpts('w1'));
      expect(rest).toEqual([]);
      expect(claimed).toEqual(q);
    });

    it('hands back exactly what was recorded (id, platform, payload, receivedAt), oldest first', async () => {
      const inbox = await open();
      const a = question({ platform: 'discord', receivedAt: Date.now() - 2000 });
      const b = question({ receivedAt: Date.now() - 1000 });
      await inbox.record(b);
      await inbox.record(a);
      expect(await inbox.claimPending(claimOpts('w1'))).toEqual([a, b]);
    });

    it('does not hand out completed questions, and still recognises their ids', async () => {
      const inbox = await open();
      const done = question();
      const open1 = question();
      await inbox.record(done);
      await inbox.record(open1);
      await inbox.complete(done.id);
      expect((await inbox.claimPending(claimOpts('w1'))).map((q) => q.id)).toEqual([open1.id]);
      expect(await inbox.record(done)).toBe(false);
    });

    it('ignores complete() for an unknown id and a second complete()', async () => {
      const inbox = await open();
      await expect(inbox.complete('never-recorded')).resolves.toBeUndefined();
      const q = question();
      await inbox.record(q);
      await inbox.complete(q.id);
      await expect(inbox.complete(q.id)).resolves.toBeUndefined();
      expect(await inbox.claimPending(claimOpts('w1'))).toEqual([]);
    });

    it('drops questions older than maxAgeMs, for good', async () => {
      const inbox = await open();
      const old = question({ receivedAt: Date.now() - 20 * MINUTE });
      const fresh = question();
      await inbox.record(old);
      await inbox.record(fresh);
      expect((await inbox.claimPending(claimOpts('w1'))).map((q) => q.id)).toEqual([fresh.id]);
      expect(await inbox.claimPending(claimOpts('w2', { maxAgeMs: 60 * MINUTE, leaseMs: 1 }))).not.toContainEqual(expect.objectContaining({ id: old.id }));
      expect(await inbox.record(old)).toBe(false);
    });

    it('leases a claimed question: nobody else gets it until the lease runs out', async () => {
      const inbox = await open();
      const q = question();
      await inbox.record(q);
      expect(await inbox.claimPending(claimOpts('w1', { leaseMs: 300 }))).toHaveLength(1);
      expect(await inbox.claimPending(claimOpts('w2', { leaseMs: 300 }))).toEqual([]);
      expect(await inbox.claimPending(claimOpts('w1', { leaseMs: 300 }))).toEqual([]);
      await new Promise((r) => setTimeout(r, 400));
      expect(await inbox.claimPending(claimOpts('w2'))).toEqual([q]);
    });

    it('a completed question is never handed out again, even after its lease ran out', async () => {
      const inbox = await open();
      const q = question();
      await inbox.record(q);
      await inbox.claimPending(claimOpts('w1', { leaseMs: 50 }));
      await inbox.complete(q.id);
      await new Promise((r) => setTimeout(r, 80));
      expect(await inbox.claimPending(claimOpts('w2'))).toEqual([]);
    });

    it('several workers claiming at once each get disjoint questions that together are all of them', async () => {
      const writer = await open();
      const recorded = Array.from({ length: 40 }, () => question());
      for (const q of recorded) await writer.record(q);
      const workers = await Promise.all([open(), open(), open()]);
      const claims = await Promise.all(workers.flatMap((w, i) => [w.claimPending(claimOpts(`w${i}`)), w.claimPending(claimOpts(`w${i}b`))]));
      const ids = claims.flat().map((q) => q.id);
      expect(ids).toHaveLength(40);
      expect(new Set(ids)).toEqual(new Set(recorded.map((q) => q.id)));
    });

    it('a question recorded through one handle is seen, once, through another', async () => {
      const a = await open();
      const b = await open();
      const q = question();
      expect(await a.record(q)).toBe(true);
      expect(await b.record(q)).toBe(false);
      expect(await b.claimPending(claimOpts('wb'))).toEqual([q]);
      await b.complete(q.id);
      expect(await a.claimPending(claimOpts('wa', { leaseMs: 1 }))).toEqual([]);
    });
  });
}
