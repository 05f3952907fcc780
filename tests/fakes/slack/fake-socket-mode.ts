import { createServer, type Server } from 'node:http';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import { AwaitableLog } from './awaitable-log.js';
import type { EventCallbackBody } from './event-payloads.js';
import { FAKE_IDS, randomId } from './fake-ids.js';
import type { FakeSlackWebApi } from './fake-web-api.js';
import { closeHttpServer, listenOnLoopback } from './loopback-server.js';

/** Envelope types Slack sends over Socket Mode that carry a payload to acknowledge. */
export type EnvelopeType = 'events_api' | 'slash_commands' | 'interactive';

/** Extra envelope fields. */
export interface EnvelopeOptions {
  /** Reaches Bolt as `context.retryNum` (Socket Mode's equivalent of `x-slack-retry-num`). */
  readonly retryAttempt?: number;
  readonly retryReason?: string;
  /** Slack sets this for commands/interactivity that may be answered inside the ack. */
  readonly acceptsResponsePayload?: boolean;
}

/** An acknowledgement the app sent back: `{ envelope_id, payload? }`. */
export interface SocketModeAck {
  readonly envelope_id: string;
  readonly payload?: Record<string, unknown>;
}

/** Options for {@link FakeSocketModeServer.start}. */
export interface FakeSocketModeOptions {
  /** When given, its `apps.connections.open` hands out this server's URL. */
  readonly webApi?: FakeSlackWebApi;
  readonly appId?: string;
}

const DEFAULT_WAIT_MS = 2000;

/**
 * A fake Socket Mode WebSocket endpoint on 127.0.0.1. Each new connection gets `{ type: 'hello' }`
 * (the socket-mode client's `start()` only resolves after it). Envelopes go to the newest open connection.
 * Tear down in this order: stop the app and wait for its `disconnected` event, then `close()` this fake;
 * closing first makes the client schedule a reconnect.
 */
export class FakeSocketModeServer {
  readonly #httpServer: Server;
  readonly #wss: WebSocketServer;
  readonly #appId: string;
  readonly #connections = new AwaitableLog<WebSocket>();
  readonly #acks = new AwaitableLog<SocketModeAck>();
  readonly #otherMessages: unknown[] = [];
  #port = 0;
  #ticket = 0;

  private constructor(options: FakeSocketModeOptions) {
    this.#appId = options.appId ?? FAKE_IDS.appId;
    this.#httpServer = createServer((_req, res) => res.writeHead(426).end());
    this.#wss = new WebSocketServer({ server: this.#httpServer });
    this.#wss.on('connection', (socket) => this.#onConnection(socket));
  }

  /** Starts the fake and, if `webApi` is given, wires its `apps.connections.open` to this server. */
  static async start(options: FakeSocketModeOptions = {}): Promise<FakeSocketModeServer> {
    const fake = new FakeSocketModeServer(options);
    fake.#port = await listenOnLoopback(fake.#httpServer);
    options.webApi?.setHandler('apps.connections.open', () => ({ ok: true, url: fake.nextUrl() }));
    return fake;
  }

  get port(): number {
    return this.#port;
  }

  /** A fresh `wss`-style URL, like the ones `apps.connections.open` returns. */
  nextUrl(): string {
    this.#ticket += 1;
    return `ws://127.0.0.1:${this.#port}/link/?ticket=fake-${this.#ticket}&app_id=${this.#appId}`;
  }

  /** How many clients have connected so far (reconnects included). */
  get connectionCount(): number {
    return this.#connections.entries.length;
  }

  /** Every ack received, oldest first. */
  get acks(): readonly SocketModeAck[] {
    return this.#acks.entries;
  }

  /** Client messages that were not acks (Slack clients normally send none). */
  get otherMessages(): readonly unknown[] {
    return this.#otherMessages;
  }

  /** Resolves once `count` connections in total have been made (default: the first). */
  async waitForConnection(count = 1, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    const nth = (socket: WebSocket): boolean => this.#connections.entries.indexOf(socket) === count - 1;
    await this.#connections.waitFor(nth, timeoutMs, `socket mode connection #${count}`);
  }

  /** Sends an envelope to the newest open connection and returns its `envelope_id`. */
  sendEnvelope(type: EnvelopeType, payload: object, options: EnvelopeOptions = {}): string {
    const envelopeId = randomId('env-').toLowerCase();
    this.#send({
      envelope_id: envelopeId,
      type,
      payload,
      accepts_response_payload: options.acceptsResponsePayload ?? type !== 'events_api',
      ...(type === 'events_api' ? retryFields(options) : {}),
    });
    return envelopeId;
  }

  /** Sends an Events API body (see `eventCallback`) in an `events_api` envelope. */
  sendEvent(body: EventCallbackBody, options?: EnvelopeOptions): string {
    return this.sendEnvelope('events_api', body, options);
  }

  /** Sends a slash command (see `slashCommandPayload`) in a `slash_commands` envelope. */
  sendSlashCommand(payload: Record<string, string>, options?: EnvelopeOptions): string {
    return this.sendEnvelope('slash_commands', payload, options);
  }

  /** Sends an interactivity payload (see `blockActionPayload`) in an `interactive` envelope. */
  sendInteractive(payload: Record<string, unknown>, options?: EnvelopeOptions): string {
    return this.sendEnvelope('interactive', payload, options);
  }

  /** Resolves with the app's ack for `envelopeId`. */
  waitForAck(envelopeId: string, timeoutMs = DEFAULT_WAIT_MS): Promise<SocketModeAck> {
    return this.#acks.waitFor((ack) => ack.envelope_id === envelopeId, timeoutMs, `ack of ${envelopeId}`);
  }

  /** Asks the client to reconnect, as Slack does when recycling a connection. */
  sendDisconnect(reason = 'refresh_requested'): void {
    this.#send({ type: 'disconnect', reason, debug_info: { host: 'applink-fake' } });
  }

  /** Terminates connections and stops listening. Stop the app first (see class docs). */
  async close(): Promise<void> {
    this.#connections.rejectPending('FakeSocketModeServer closed');
    this.#acks.rejectPending('FakeSocketModeServer closed');
    for (const socket of this.#wss.clients) socket.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    await closeHttpServer(this.#httpServer);
  }

  #onConnection(socket: WebSocket): void {
    socket.on('message', (data, isBinary) => this.#onClientMessage(data, isBinary));
    socket.send(JSON.stringify(this.#hello()));
    this.#connections.push(socket);
  }

  #hello(): Record<string, unknown> {
    return {
      type: 'hello',
      num_connections: this.#openSockets().length,
      debug_info: { host: 'applink-fake', build_number: 1, approximate_connection_time: 18060 },
      connection_info: { app_id: this.#appId },
    };
  }

  #onClientMessage(data: RawData, isBinary: boolean): void {
    if (isBinary) return;
    const message = parseJson(data.toString());
    if (isAck(message)) this.#acks.push(message);
    else this.#otherMessages.push(message);
  }

  #openSockets(): WebSocket[] {
    return [...this.#wss.clients].filter((socket) => socket.readyState === WebSocket.OPEN);
  }

  #send(message: object): void {
    const socket = this.#openSockets().at(-1);
    if (socket === undefined) throw new Error('FakeSocketModeServer: no open connection (did app.start() finish?)');
    socket.send(JSON.stringify(message));
  }
}

// Only events_api envelopes carry retry fields; the client maps them to context.retryNum / retryReason.
function retryFields(options: EnvelopeOptions): Record<string, unknown> {
  return { retry_attempt: options.retryAttempt ?? 0, retry_reason: options.retryReason ?? '' };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function isAck(message: unknown): message is SocketModeAck {
  return typeof message === 'object' && message !== null && typeof (message as SocketModeAck).envelope_id === 'string';
}
