/** A message as the fake Web API stores and returns it (Slack's message object shape). */
export interface StoredMessage {
  readonly channel: string;
  readonly ts: string;
  thread_ts?: string;
  text?: string;
  user?: string;
  bot_id?: string;
  blocks?: unknown;
  [field: string]: unknown;
}

/**
 * In-memory conversation history for the fake Web API.
 * `chat.postMessage` adds to it, `chat.update` edits it, `conversations.replies` reads it; tests can seed it.
 */
export class FakeMessageStore {
  readonly #messages: StoredMessage[] = [];

  /** Every stored message, oldest first. */
  get all(): readonly StoredMessage[] {
    return this.#messages;
  }

  /** Stores a message (use this to seed thread history a handler will read). */
  add(message: StoredMessage): StoredMessage {
    this.#messages.push(message);
    return message;
  }

  /** Finds a message by channel and ts. */
  find(channel: string, ts: string): StoredMessage | undefined {
    return this.#messages.find((m) => m.channel === channel && m.ts === ts);
  }

  /** Applies `patch` to a stored message; returns undefined when it does not exist. */
  update(channel: string, ts: string, patch: Partial<StoredMessage>): StoredMessage | undefined {
    const message = this.find(channel, ts);
    if (message !== undefined) Object.assign(message, patch);
    return message;
  }

  /** The thread rooted at `threadTs` (parent first, then replies), sorted by ts like Slack does. */
  thread(channel: string, threadTs: string): StoredMessage[] {
    return this.#messages
      .filter((m) => m.channel === channel && (m.ts === threadTs || m.thread_ts === threadTs))
      .sort((a, b) => Number(a.ts) - Number(b.ts));
  }
}
