/**
 * A question the bot has acknowledged (Slack ack, Discord defer/typing) but not yet answered.
 * `payload` is JSON-serialisable and holds enough to answer it and post in the original
 * channel/thread after a restart.
 */
export interface PendingQuestion {
  /** Platform-unique and stable across redeliveries (Slack event id, Discord message id). */
  id: string;
  platform: 'slack' | 'discord';
  payload: unknown;
  /** Epoch milliseconds. */
  receivedAt: number;
}

/**
 * The durable inbox: questions are recorded before they are acknowledged and completed once the
 * reply is posted, so a crash in between loses nothing. Implementations: SQLite (the store file,
 * default), memory (tests); Redis when REDIS_URL is set. Every implementation passes
 * tests/inbox/inbox-contract.ts.
 */
export interface QuestionInbox {
  /** Records a question; false when that id was already recorded (a redelivery), answered or not. */
  record(q: PendingQuestion): Promise<boolean>;
  /** Marks a question answered (its payload is dropped: the question text is not kept). Unknown ids are ignored. */
  complete(id: string): Promise<void>;
  /**
   * Hands out questions not completed, received within `maxAgeMs`, and not leased to a worker
   * whose lease is still running; each is leased to `workerId` for `leaseMs`, so every pending
   * question goes to exactly one worker. Older pending questions are dropped.
   */
  claimPending(opts: { maxAgeMs: number; workerId: string; leaseMs: number }): Promise<PendingQuestion[]>;
  close(): Promise<void>;
}
