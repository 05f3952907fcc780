/**
 * Live previews of a streamed answer for chat front ends whose messages can be edited but only
 * slowly (Discord: about one edit per second per message; Slack chat.update: about one per second
 * per channel). Tokens are accumulated synchronously (`push` is a valid `onToken`); a preview edit
 * runs at most once per `intervalMs`, never two at once (the next waits for the previous), always
 * with the latest text. Preview failures are reported to `onError` and otherwise ignored: the final
 * message must never depend on a preview having worked.
 */
export interface StreamThrottleOptions {
  /** Shows `text` (already passed through `preview`); the first call usually creates the message. */
  edit: (text: string) => Promise<void>;
  /** Minimum time between the starts of two edits (the final one included). */
  intervalMs: number;
  /** Turns the accumulated text into what a preview shows (cursor, length limit). Default: as is. */
  preview?: (text: string) => string;
  /** A preview edit (or the default final edit) failed. */
  onError?: (error: unknown) => void;
  /** Injectable clock and timer, for deterministic tests. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** The edit rates used by the adapters (per message on Discord, per channel on Slack). */
export const DISCORD_EDIT_INTERVAL_MS = 1000;
export const SLACK_EDIT_INTERVAL_MS = 1200;

/** The cursor shown at the end of a preview while the answer is still being written. */
export const STREAM_CURSOR = ' ▌';

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class StreamThrottle {
  readonly #edit: (text: string) => Promise<void>;
  readonly #interval: number;
  readonly #preview: (text: string) => string;
  readonly #onError: (error: unknown) => void;
  readonly #now: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  #text = '';
  #lastShown: string | undefined;
  #lastEditAt = Number.NEGATIVE_INFINITY;
  #edits = 0;
  #pump: Promise<void> | undefined;
  #closed = false;

  constructor(options: StreamThrottleOptions) {
    this.#edit = options.edit;
    this.#interval = options.intervalMs;
    this.#preview = options.preview ?? ((text) => text);
    this.#onError = options.onError ?? (() => undefined);
    this.#now = options.now ?? (() => performance.now());
    this.#sleep = options.sleep ?? defaultSleep;
  }

  /** Adds a token; schedules a preview edit (at once if none ran within the interval). Safe as `onToken`. */
  readonly push = (token: string): void => {
    if (this.#closed || token === '') return;
    this.#text += token;
    this.#pump ??= this.#run().finally(() => {
      this.#pump = undefined;
    });
  };

  /** Everything pushed so far. */
  get text(): string {
    return this.#text;
  }

  /** Whether any token arrived (i.e. a preview was or is being shown). */
  get started(): boolean {
    return this.#text !== '';
  }

  /** Edits made so far (previews and the default final edit). */
  get edits(): number {
    return this.#edits;
  }

  /** Stops previews (e.g. the request failed) and waits for a running edit; no final edit. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#pump;
  }

  /**
   * Ends the stream: no further previews; waits for a running edit and for the rest of the interval,
   * then runs `final` (its errors propagate, it is the caller's answer) or, without one, edits the
   * message to the plain accumulated text (errors go to `onError`). Does nothing else if no token came.
   */
  async finish<T>(final?: () => Promise<T>): Promise<T | undefined> {
    await this.close();
    if (!final && (!this.started || this.#lastShown === this.#text)) return undefined;
    await this.#waitForSlot();
    this.#lastEditAt = this.#now();
    if (final) return final();
    this.#edits += 1;
    this.#lastShown = this.#text;
    await this.#edit(this.#text).catch(this.#onError);
    return undefined;
  }

  async #run(): Promise<void> {
    for (;;) {
      await this.#waitForSlot();
      if (this.#closed) return;
      const shown = this.#preview(this.#text);
      if (shown === this.#lastShown) return;
      this.#lastShown = shown;
      this.#lastEditAt = this.#now();
      this.#edits += 1;
      try {
        await this.#edit(shown);
      } catch (error) {
        this.#onError(error);
      }
      // Tokens that arrived during the edit get their own (later) edit.
      if (this.#closed || this.#preview(this.#text) === shown) return;
    }
  }

  async #waitForSlot(): Promise<void> {
    const wait = this.#lastEditAt + this.#interval - this.#now();
    if (wait > 0) await this.#sleep(wait);
  }
}

/** Shortens a preview to `max` characters (keeping the start), ending with the cursor. */
export function previewText(text: string, max: number): string {
  const body = text.trimEnd();
  const room = max - STREAM_CURSOR.length;
  return body.length <= room ? `${body}${STREAM_CURSOR}` : `${body.slice(0, room - 1)}…${STREAM_CURSOR}`;
}
