import type { ConversationTurn } from '../answer/index.js';

/**
 * In-memory conversation histories keyed by conversation id (a CLI session, a Discord thread,
 * a Slack thread). Bounded: idle conversations expire and the oldest are evicted past `maxConversations`.
 */
export class ConversationStore {
  private readonly conversations = new Map<string, { turns: ConversationTurn[]; touched: number }>();

  constructor(
    private readonly maxTurns: number,
    private readonly ttlMs: number,
    private readonly maxConversations = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  history(id: string): readonly ConversationTurn[] {
    const entry = this.conversations.get(id);
    if (!entry) return [];
    if (this.now() - entry.touched > this.ttlMs) {
      this.conversations.delete(id);
      return [];
    }
    return entry.turns;
  }

  append(id: string, turn: ConversationTurn): void {
    if (this.maxTurns <= 0) return; // follow-up context switched off
    const turns = [...this.history(id), turn].slice(-this.maxTurns);
    this.conversations.delete(id); // re-insert so Map order is least-recently-used first
    this.conversations.set(id, { turns, touched: this.now() });
    while (this.conversations.size > this.maxConversations) {
      this.conversations.delete(this.conversations.keys().next().value!);
    }
  }

  clear(id: string): void {
    this.conversations.delete(id);
  }

  get size(): number {
    return this.conversations.size;
  }
}
