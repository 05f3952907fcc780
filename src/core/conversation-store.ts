import type { ConversationTurn } from '../answer/index.js';
// The modules themselves, not the state barrel: it would load ioredis on every start.
import { MemoryState } from '../state/memory-state.js';
import type { SharedState } from '../state/types.js';
import { getJson, updateJson } from '../state/update-json.js';

/**
 * Conversation histories keyed by conversation id (a CLI session, a Discord thread, a Slack
 * thread), kept in the shared state so a follow-up answered by another worker still has its
 * context. Idle conversations expire after `ttlMs`; memory state also caps how many are kept.
 */
export class ConversationStore {
  constructor(
    private readonly maxTurns: number,
    private readonly ttlMs: number,
    private readonly state: SharedState = new MemoryState({ maxEntries: 10_000 }),
  ) {}

  async history(id: string): Promise<readonly ConversationTurn[]> {
    return (await getJson<ConversationTurn[]>(this.state, key(id))) ?? [];
  }

  async append(id: string, turn: ConversationTurn): Promise<void> {
    if (this.maxTurns <= 0) return; // follow-up context switched off
    // Compare-and-set: two workers appending to one thread at once both keep their turn.
    await updateJson<ConversationTurn[], void>(this.state, key(id), this.ttlMs, (turns) => ({ value: [...(turns ?? []), turn].slice(-this.maxTurns), result: undefined }));
  }

  async clear(id: string): Promise<void> {
    await this.state.delete(key(id));
  }
}

const key = (id: string) => `conversation:${id}`;
