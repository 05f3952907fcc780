import type { ApiRequest, ApiResult, FakeSlackWebApi } from '../../tests/fakes/slack/index.js';
import { FAKE_IDS, appMentionEvent, eventCallback, jsonBody, nextTs, postSignedToApp } from '../../tests/fakes/slack/index.js';
import { SESSIONS, mentionText, type Turn } from './questions.js';

/**
 * Drives the Slack HTTP adapter like a busy workspace: `conversations` users, each asking in a
 * thread and waiting for the bot's reply before the next question (a new thread, or a follow-up
 * in the same one). Every event is a correctly signed `app_mention` POSTed to /slack/events;
 * replies are the `chat.postMessage` calls the bot makes to the fake Web API, matched to the
 * event by channel and `thread_ts` (one question in flight per thread, so the match is exact).
 *
 * Lost and duplicate replies are counted per thread at the end: a thread with more events than
 * replies lost some, one with more replies than events answered something twice. A message whose
 * text is "(continued)" is the second part of a long reply, not a reply of its own.
 */

export type ReplyKind = 'answer' | 'no_sources' | 'rate_limited' | 'busy' | 'error';

export interface EventRecord {
  threadKey: string;
  turn: Turn;
  postedAt: number;
  /** HTTP status of the POST to /slack/events (0 = the request itself failed). */
  status: number;
  /** When the POST's response (Slack's "ack") arrived. */
  ackedAt?: number;
  repliedAt?: number;
  kind?: ReplyKind;
  /** For turns with a fact or out of scope, whether the reply was right; undefined when not checked. */
  correct?: boolean;
  /** True when this event was also re-delivered (same event_id, x-slack-retry-num: 1). */
  redelivered?: boolean;
}

interface ThreadState {
  events: number;
  replies: number;
  continued: number;
  waiter?: (at: number, body: Record<string, unknown>) => void;
}

export interface RunOptions {
  port: number;
  /** Several workers behind a "load balancer": events go round-robin, a redelivery to the next worker. */
  ports?: readonly number[];
  signingSecret: string;
  conversations: number;
  questions: number;
  /** Distinct users (conversation i is user i % users). */
  users: number;
  /** Distinct channels (conversation i posts in channel i % channels). */
  channels: number;
  /** A question without a reply after this long counts as lost and its conversation moves on. */
  replyTimeoutMs: number;
  /** Every n-th event is delivered a second time, as Slack does on a timeout (0 = never). */
  redeliverEvery: number;
  /** Absolute time (Date.now()) after which no new question is posted. */
  deadline: number;
  /** Offset into the session list, so runs do not all start with the same question. */
  sessionOffset?: number;
  /** Tag for channel and user ids, so separate runs against one bot never share a thread or a rate limit. */
  tag?: string;
  onProgress?: (done: number) => void;
}

export interface RunResult {
  events: EventRecord[];
  startedAt: number;
  endedAt: number;
  /** True when the deadline stopped the run before every question was asked. */
  cutShort: boolean;
}

export interface Accounting {
  events: number;
  threads: number;
  replies: number;
  continuationMessages: number;
  lost: number;
  duplicates: number;
  /** Replies in threads no event of this run was posted in. */
  unknownReplies: number;
  rejectedPosts: number;
  redelivered: number;
  byKind: Record<ReplyKind, number>;
  checked: number;
  correct: number;
  /** Checked questions whose reply missed the expected fact (or cited sources when out of scope), with counts. */
  incorrect: Record<string, number>;
}

export class SlackTraffic {
  readonly #threads = new Map<string, ThreadState>();
  unknownReplies = 0;
  /** While set, `chat.postMessage` answers `{ ok: false, error: refuse }` (a permanent Slack-side refusal). */
  refuse: string | undefined;
  /** Posts refused that way. */
  refused = 0;

  /**
   * Installs the `chat.postMessage` recorder on the fake (replacing its message store, which keeps every message),
   * and the `chat.postEphemeral` one: rate-limit notices go only to the asker, and count as that question's reply.
   */
  constructor(readonly api: FakeSlackWebApi) {
    api.setHandler('chat.postMessage', (request: ApiRequest) => this.#onPost(request));
    api.setHandler('chat.postEphemeral', ({ body }: ApiRequest) => {
      // Other private notes (the patient-data reminder) come with a public reply of their own.
      if (classify(body) === 'rate_limited') this.#record(body);
      return { ok: true, message_ts: nextTs() };
    });
  }

  #onPost({ body }: ApiRequest): ApiResult {
    if (this.refuse !== undefined) {
      this.refused++;
      return { ok: false, error: this.refuse };
    }
    const channel = String(body.channel);
    this.#record(body);
    return { ok: true, channel, ts: nextTs(), message: { type: 'message', text: body.text } };
  }

  /** Counts a message in its thread as the reply that thread's question waits for. */
  #record(body: ApiRequest['body']): void {
    const at = performance.now();
    const channel = String(body.channel);
    const state = this.#threads.get(`${channel}:${String(body.thread_ts)}`);
    if (!state) this.unknownReplies++;
    else if (body.text === '(continued)') state.continued++;
    else {
      state.replies++;
      const waiter = state.waiter;
      state.waiter = undefined;
      waiter?.(at, body);
    }
  }

  /** Runs the conversations until `questions` events were posted (or the deadline) and each got its reply or timed out. */
  async run(options: RunOptions): Promise<RunResult> {
    const events: EventRecord[] = [];
    const startedAt = performance.now();
    let next = 0;
    let cutShort = false;
    const tag = options.tag ?? 'L';
    const conversation = async (index: number) => {
      const user = `U0${tag}USER${index % options.users}`;
      const channel = `C0${tag}CHAN${index % options.channels}`;
      let session = (index + (options.sessionOffset ?? 0)) % SESSIONS.length;
      for (;;) {
        const turns = SESSIONS[session]!;
        let threadTs: string | undefined;
        for (const turn of turns) {
          if (next >= options.questions) return;
          if (Date.now() > options.deadline) {
            cutShort = true;
            return;
          }
          const ordinal = next++;
          const ts = nextTs();
          threadTs ??= ts;
          const threadKey = `${channel}:${threadTs}`;
          const state = this.#threads.get(threadKey) ?? { events: 0, replies: 0, continued: 0 };
          this.#threads.set(threadKey, state);
          state.events++;
          const record: EventRecord = { threadKey, turn, postedAt: performance.now(), status: 0 };
          events.push(record);
          const replied = new Promise<{ at: number; body: Record<string, unknown> } | undefined>((resolve) => {
            const timer = setTimeout(() => {
              state.waiter = undefined;
              resolve(undefined);
            }, options.replyTimeoutMs);
            state.waiter = (at, body) => {
              clearTimeout(timer);
              resolve({ at, body });
            };
          });
          const event = appMentionEvent({ text: mentionText(FAKE_IDS.botUserId, turn), user, channel, ts, ...(threadTs !== ts ? { thread_ts: threadTs } : {}) });
          const body = jsonBody(eventCallback(event));
          record.postedAt = performance.now();
          const ports = options.ports?.length ? options.ports : [options.port];
          record.status = await postSignedToApp(ports[ordinal % ports.length]!, body, options.signingSecret).then(
            (r) => r.status,
            () => 0,
          );
          record.ackedAt = performance.now();
          if (options.redeliverEvery > 0 && ordinal % options.redeliverEvery === options.redeliverEvery - 1) {
            // Slack re-sends an event it thinks timed out: same body, same event_id, retry headers.
            record.redelivered = true;
            await postSignedToApp(ports[(ordinal + 1) % ports.length]!, body, options.signingSecret, { retryNum: 1, retryReason: 'http_timeout' }).catch(() => undefined);
          }
          const reply = record.status === 200 ? await replied : undefined;
          if (record.status !== 200) state.waiter = undefined;
          if (reply) {
            record.repliedAt = reply.at;
            record.kind = classify(reply.body);
            record.correct = check(turn, record.kind, reply.body);
          }
          options.onProgress?.(events.length);
          // A lost reply: start a fresh thread so a late reply cannot be taken for the next question's.
          if (!reply) break;
        }
        session = (session + 1) % SESSIONS.length;
      }
    };
    await Promise.all(Array.from({ length: options.conversations }, (_, i) => conversation(i)));
    return { events, startedAt, endedAt: performance.now(), cutShort };
  }

  /** Lost and duplicate replies over `events`' threads (call after a quiet period, so late replies count). */
  account(events: readonly EventRecord[]): Accounting {
    const threads = new Set(events.map((e) => e.threadKey));
    let replies = 0;
    let continuationMessages = 0;
    let lost = 0;
    let duplicates = 0;
    for (const key of threads) {
      const state = this.#threads.get(key)!;
      replies += state.replies;
      continuationMessages += state.continued;
      lost += Math.max(0, state.events - state.replies);
      duplicates += Math.max(0, state.replies - state.events);
    }
    const byKind: Record<ReplyKind, number> = { answer: 0, no_sources: 0, rate_limited: 0, busy: 0, error: 0 };
    for (const e of events) if (e.kind) byKind[e.kind]++;
    const checkedEvents = events.filter((e) => e.correct !== undefined);
    const incorrect: Record<string, number> = {};
    for (const e of checkedEvents) if (!e.correct) incorrect[e.turn.text] = (incorrect[e.turn.text] ?? 0) + 1;
    return {
      events: events.length,
      threads: threads.size,
      replies,
      continuationMessages,
      lost,
      duplicates,
      unknownReplies: this.unknownReplies,
      rejectedPosts: events.filter((e) => e.status !== 200).length,
      redelivered: events.filter((e) => e.redelivered).length,
      byKind,
      checked: checkedEvents.length,
      correct: checkedEvents.filter((e) => e.correct).length,
      incorrect,
    };
  }
}

/** True when a posted message carries the "*Sources*" context block (an answer citing the guide). */
function hasSources(body: Record<string, unknown>): boolean {
  const blocks = Array.isArray(body.blocks) ? (body.blocks as Array<{ type?: string; elements?: Array<{ text?: string }> }>) : [];
  if (blocks.length === 0) return /\nSources: \[1\]/.test(String(body.text ?? ''));
  return blocks.some((b) => b.type === 'context' && b.elements?.[0]?.text === '*Sources*');
}

export function classify(body: Record<string, unknown>): ReplyKind {
  const text = String(body.text ?? '');
  if (/please try again in \d+ s\b/.test(text)) return 'rate_limited';
  if (/answering a lot of questions right now/.test(text)) return 'busy';
  if (/something went wrong/i.test(text)) return 'error';
  return hasSources(body) ? 'answer' : 'no_sources';
}

function check(turn: Turn, kind: ReplyKind, body: Record<string, unknown>): boolean | undefined {
  if (kind !== 'answer' && kind !== 'no_sources') return undefined;
  if (turn.fact) return kind === 'answer' && JSON.stringify(body).toLowerCase().includes(turn.fact.toLowerCase());
  if (turn.outOfScope) return kind === 'no_sources';
  return undefined;
}

/** Ack latencies (ms, POST sent → HTTP response received) of the events that were acknowledged. */
export function ackLatencies(events: readonly EventRecord[]): number[] {
  return events.filter((e) => e.status === 200 && e.ackedAt !== undefined).map((e) => e.ackedAt! - e.postedAt);
}

/** Latencies (ms, POST sent → reply received) of the events that got a reply. */
export function latencies(events: readonly EventRecord[]): number[] {
  return events.filter((e) => e.repliedAt !== undefined).map((e) => e.repliedAt! - e.postedAt);
}
