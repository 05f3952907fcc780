import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { GatewayOpcodes } from 'discord.js';
import { WebSocket, WebSocketServer } from 'ws';
import type { RawData } from 'ws';
import { identifyCompressEncoder, plainEncoder, zlibStreamEncoder } from './gateway-encoding.js';
import type { FrameEncoder } from './gateway-encoding.js';
import { asRecord } from './message-body.js';
import type { GatewayEvent } from './types.js';

/** A raw gateway payload, as sent or received. */
export interface GatewayPayload {
  op: number;
  d?: unknown;
  s?: number | null;
  t?: string | null;
}

/** What the gateway needs from its owner. */
export interface GatewayHooks {
  heartbeatIntervalMs: number;
  /** Expected bot token; IDENTIFY with another one is closed with 4004. */
  token?: string;
  /** The URL clients should resume on (`resume_gateway_url`). */
  resumeUrl(): string;
  /** Dispatches that open a session: READY, then one GUILD_CREATE per guild. */
  sessionStart(sessionId: string, resumeUrl: string): GatewayEvent[];
  /** Answer to op 8 (Request Guild Members): GUILD_MEMBERS_CHUNK data. */
  memberChunk(request: Record<string, unknown>): unknown;
}

interface Session {
  id: string;
  /** Last sequence number sent; Discord numbers dispatches per session, starting at 1. */
  seq: number;
}

interface Connection {
  socket: WebSocket;
  encode: FrameEncoder;
  session: Session | null;
}

/** Gateway close codes the fake uses. */
const Close = { DecodeError: 4002, AuthenticationFailed: 4004, AlreadyAuthenticated: 4005, InvalidApiVersion: 4012 } as const;

/**
 * The WebSocket half of the fake: HELLO, IDENTIFY -> READY + GUILD_CREATE, heartbeat ACKs,
 * RESUME, member requests, and arbitrary dispatches with per-session sequence numbers.
 */
export class FakeGateway {
  /** Every payload received from clients, in order. */
  readonly received: GatewayPayload[] = [];
  readonly #hooks: GatewayHooks;
  readonly #wss: WebSocketServer;
  readonly #connections = new Set<Connection>();
  readonly #sessions = new Map<string, Session>();
  #heartbeats = 0;

  constructor(server: Server, hooks: GatewayHooks) {
    this.#hooks = hooks;
    // Attached to the REST server: the gateway URL is the same host/port, any path.
    this.#wss = new WebSocketServer({ server });
    this.#wss.on('connection', (socket, req) => this.onConnection(socket, req));
  }

  /** Number of heartbeats (op 1) received and acknowledged. */
  get heartbeats(): number {
    return this.#heartbeats;
  }

  /** Number of open connections with an identified or resumed session. */
  get sessionCount(): number {
    return [...this.#connections].filter((c) => c.session && c.socket.readyState === WebSocket.OPEN).length;
  }

  /** Number of open WebSocket connections (identified or not). */
  get connectionCount(): number {
    return this.#connections.size;
  }

  /** Sends a dispatch (op 0) to every live session; resolves with how many received it. */
  async dispatch(t: string, d: unknown): Promise<number> {
    const live = [...this.#connections].filter((c) => c.session && c.socket.readyState === WebSocket.OPEN);
    await Promise.all(live.map((c) => this.sendDispatch(c, t, d)));
    return live.length;
  }

  /** Sends op 7 (Reconnect): discord.js closes with 4200 and RESUMEs on `resume_gateway_url`. */
  async requestReconnect(): Promise<void> {
    await Promise.all([...this.#connections].map((c) => this.send(c, { op: GatewayOpcodes.Reconnect, d: null })));
  }

  /** Closes every connection with `code` (e.g. 4000 to make discord.js resume). */
  disconnect(code = 4000, reason = 'fake disconnect'): void {
    for (const connection of this.#connections) connection.socket.close(code, reason);
  }

  /** Terminates all connections and stops accepting new ones. */
  async close(): Promise<void> {
    for (const connection of this.#connections) connection.socket.terminate();
    this.#connections.clear();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }

  private onConnection(socket: WebSocket, req: IncomingMessage): void {
    const params = new URL(req.url ?? '/', 'ws://fake.local').searchParams;
    if (params.get('v') !== '10') return socket.close(Close.InvalidApiVersion, 'Invalid API version');
    if ((params.get('encoding') ?? 'json') !== 'json') return socket.close(Close.DecodeError, 'Only json encoding is supported');
    const encode = params.get('compress') === 'zlib-stream' ? zlibStreamEncoder() : plainEncoder;
    const connection: Connection = { socket, encode, session: null };
    this.#connections.add(connection);
    socket.on('message', (data) => void this.onFrame(connection, data));
    socket.on('close', () => this.#connections.delete(connection));
    socket.on('error', () => this.#connections.delete(connection));
    void this.send(connection, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.#hooks.heartbeatIntervalMs } });
  }

  private async onFrame(connection: Connection, data: RawData): Promise<void> {
    const payload = parsePayload(data);
    if (!payload) return connection.socket.close(Close.DecodeError, 'Decode error');
    this.received.push(payload);
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        this.#heartbeats += 1;
        return this.send(connection, { op: GatewayOpcodes.HeartbeatAck });
      case GatewayOpcodes.Identify:
        return this.identify(connection, asRecord(payload.d));
      case GatewayOpcodes.Resume:
        return this.resume(connection, asRecord(payload.d));
      case GatewayOpcodes.RequestGuildMembers:
        return this.sendDispatch(connection, 'GUILD_MEMBERS_CHUNK', this.#hooks.memberChunk(asRecord(payload.d)));
      default:
        // Presence and voice state updates need no answer.
        return undefined;
    }
  }

  private async identify(connection: Connection, d: Record<string, unknown>): Promise<void> {
    if (connection.session) return connection.socket.close(Close.AlreadyAuthenticated, 'Already authenticated');
    if (this.#hooks.token !== undefined && d.token !== this.#hooks.token) {
      return connection.socket.close(Close.AuthenticationFailed, 'Authentication failed');
    }
    if (d.compress === true && connection.encode === plainEncoder) connection.encode = identifyCompressEncoder;
    const session: Session = { id: randomBytes(16).toString('hex'), seq: 0 };
    this.#sessions.set(session.id, session);
    connection.session = session;
    for (const event of this.#hooks.sessionStart(session.id, this.#hooks.resumeUrl())) {
      await this.sendDispatch(connection, event.t, event.d);
    }
  }

  /** Resumes a known session (no replay of missed events); unknown ones get op 9 (not resumable). */
  private async resume(connection: Connection, d: Record<string, unknown>): Promise<void> {
    const session = typeof d.session_id === 'string' ? this.#sessions.get(d.session_id) : undefined;
    const tokenOk = this.#hooks.token === undefined || d.token === this.#hooks.token;
    if (!session || !tokenOk) return this.send(connection, { op: GatewayOpcodes.InvalidSession, d: false });
    connection.session = session;
    await this.sendDispatch(connection, 'RESUMED', {});
  }

  private async sendDispatch(connection: Connection, t: string, d: unknown): Promise<void> {
    if (!connection.session) return;
    connection.session.seq += 1;
    await this.send(connection, { op: GatewayOpcodes.Dispatch, t, s: connection.session.seq, d });
  }

  private async send(connection: Connection, payload: GatewayPayload): Promise<void> {
    const frame = await connection.encode(JSON.stringify({ s: null, t: null, d: null, ...payload }));
    if (connection.socket.readyState !== WebSocket.OPEN) return;
    await new Promise<void>((resolve) => connection.socket.send(frame, () => resolve()));
  }
}

function parsePayload(data: RawData): GatewayPayload | null {
  try {
    const buffer = Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? Buffer.from(data) : data;
    const text = buffer.toString('utf8');
    const parsed: unknown = JSON.parse(text);
    const op = asRecord(parsed).op;
    return typeof op === 'number' ? (parsed as GatewayPayload) : null;
  } catch {
    return null;
  }
}
