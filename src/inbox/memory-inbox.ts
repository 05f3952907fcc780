import type { PendingQuestion, QuestionInbox } from './types.js';

interface Entry {
  question: PendingQuestion;
  completedAt?: number;
  lease?: { owner: string; until: number };
}

/** What several MemoryInbox handles share (one process, several "workers" in tests). */
export class MemoryInboxStorage {
  readonly entries = new Map<string, Entry>();
}

/** Completed ids are kept this long so late redeliveries are still recognised. */
const KEEP_COMPLETED_MS = 24 * 60 * 60_000;

/** The inbox in memory: not durable across restarts; for tests and as the reference implementation. */
export class MemoryInbox implements QuestionInbox {
  constructor(
    private readonly storage = new MemoryInboxStorage(),
    private readonly now: () => number = Date.now,
  ) {}

  async record(q: PendingQuestion): Promise<boolean> {
    if (this.storage.entries.has(q.id)) return false;
    // A structured clone, so later changes to the caller's object cannot alter what was recorded.
    this.storage.entries.set(q.id, { question: structuredClone(q) });
    return true;
  }

  async complete(id: string): Promise<void> {
    const entry = this.storage.entries.get(id);
    if (!entry || entry.completedAt !== undefined) return;
    entry.completedAt = this.now();
    entry.question = { ...entry.question, payload: null };
    delete entry.lease;
  }

  async claimPending({ maxAgeMs, workerId, leaseMs }: { maxAgeMs: number; workerId: string; leaseMs: number }): Promise<PendingQuestion[]> {
    const now = this.now();
    const claimed: PendingQuestion[] = [];
    for (const [id, entry] of this.storage.entries) {
      if (entry.completedAt !== undefined) {
        if (entry.completedAt < now - KEEP_COMPLETED_MS) this.storage.entries.delete(id);
        continue;
      }
      if (entry.question.receivedAt < now - maxAgeMs) {
        // Too old to answer now: dropped (its text is not kept), its id still de-duplicates.
        await this.complete(id);
        continue;
      }
      if (entry.lease && entry.lease.until > now) continue;
      entry.lease = { owner: workerId, until: now + leaseMs };
      claimed.push(structuredClone(entry.question));
    }
    return claimed.sort((a, b) => a.receivedAt - b.receivedAt);
  }

  async close(): Promise<void> {}
}
