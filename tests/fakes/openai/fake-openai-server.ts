import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { completionBody, completionChunks, resolveMessage } from './chat-completions.js';
import { DEFAULT_EMBEDDING_DIMENSIONS, embeddingsBody } from './embeddings.js';
import { readBody, sendError, sendJson, sleep, tryParseJson } from './http-utils.js';
import type {
  ChatCompletionRequest,
  ChatMessageReply,
  ChatReply,
  EmbeddingsReply,
  EmbeddingsRequest,
  RecordedRequest,
  ScriptedChat,
} from './types.js';

/** Construction options of {@link FakeOpenAIServer}. */
export interface FakeOpenAIServerOptions {
  /** Port on 127.0.0.1; default 0 (any free port). */
  port?: number;
  /** Embedding size when a request has no `dimensions`; default 1536. */
  embeddingDimensions?: number;
  /** Chat reply used when the queue is empty; without it an empty queue answers HTTP 400. */
  defaultReply?: ScriptedChat;
}

/** The `ChatOpenAI` / `OpenAIEmbeddings` fields that point a client at the fake. */
export interface FakeOpenAIClientOptions {
  apiKey: string;
  configuration: { baseURL: string };
}

const MALFORMED_JSON = '{"id": "chatcmpl-malformed", "object": "chat.completion", "choices": [{';

/**
 * A local OpenAI-compatible HTTP server for tests: scripted `/v1/chat/completions`
 * (JSON and SSE streaming, tool calls, faults) and deterministic `/v1/embeddings`.
 * Every request is recorded.
 *
 * @example
 * const fake = new FakeOpenAIServer();
 * await fake.start();
 * fake.enqueue({ content: 'Hello!' });
 * const llm = new ChatOpenAI({ model: 'gpt-4o-mini', ...fake.clientOptions() });
 * await llm.invoke('Hi'); // AIMessage "Hello!"
 * await fake.stop();
 */
export class FakeOpenAIServer {
  /** Every request received, in arrival order (chat, embeddings and unknown routes). */
  readonly requests: RecordedRequest[] = [];

  private readonly chatQueue: ScriptedChat[] = [];
  private readonly embeddingsQueue: EmbeddingsReply[] = [];
  private readonly inFlight = new Set<AbortController>();
  private readonly embeddingDimensions: number;
  private readonly initialDefaultReply: ScriptedChat | undefined;
  private defaultReply: ScriptedChat | undefined;
  private server: Server | undefined;
  private url: string | undefined;
  private chatCount = 0;
  private idCount = 0;

  constructor(private readonly options: FakeOpenAIServerOptions = {}) {
    this.embeddingDimensions = options.embeddingDimensions ?? DEFAULT_EMBEDDING_DIMENSIONS;
    this.initialDefaultReply = options.defaultReply;
    this.defaultReply = options.defaultReply;
  }

  /** Starts listening on 127.0.0.1 and resolves to the base URL (`http://127.0.0.1:PORT/v1`). */
  async start(): Promise<string> {
    if (this.url !== undefined) return this.url;
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    return this.url;
  }

  /** Stops the server, cancelling pending delays and closing keep-alive and streaming sockets. */
  async stop(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    this.server = undefined;
    this.url = undefined;
    for (const controller of this.inFlight) controller.abort();
    await new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
  }

  /** Base URL to use as `configuration.baseURL`; throws before {@link start}. */
  get baseURL(): string {
    if (this.url === undefined) throw new Error('FakeOpenAIServer is not started');
    return this.url;
  }

  /** `{ apiKey: 'test', configuration: { baseURL } }`, to spread into `ChatOpenAI`/`OpenAIEmbeddings` fields. */
  clientOptions(): FakeOpenAIClientOptions {
    return { apiKey: 'test', configuration: { baseURL: this.baseURL } };
  }

  /** Queues chat replies (or responder functions), consumed one per chat request in order. */
  enqueue(...replies: ScriptedChat[]): this {
    this.chatQueue.push(...replies);
    return this;
  }

  /** Queues embeddings faults/delays, consumed one per embeddings request; when empty, vectors are returned. */
  enqueueEmbeddings(...replies: EmbeddingsReply[]): this {
    this.embeddingsQueue.push(...replies);
    return this;
  }

  /** Sets the chat reply used whenever the queue is empty (`undefined`: answer HTTP 400). */
  setDefaultReply(reply: ScriptedChat | undefined): this {
    this.defaultReply = reply;
    return this;
  }

  /** Number of queued chat replies not consumed yet. */
  get pendingReplies(): number {
    return this.chatQueue.length;
  }

  /** Bodies of all chat completion requests, in order. */
  get chatRequests(): ChatCompletionRequest[] {
    return this.bodiesOf('/chat/completions') as ChatCompletionRequest[];
  }

  /** Bodies of all embeddings requests, in order. */
  get embeddingRequests(): EmbeddingsRequest[] {
    return this.bodiesOf('/embeddings') as EmbeddingsRequest[];
  }

  /** The most recent chat completion request body; throws if there was none. */
  lastChatRequest(): ChatCompletionRequest {
    const last = this.chatRequests.at(-1);
    if (last === undefined) throw new Error('FakeOpenAIServer received no chat request');
    return last;
  }

  /** Clears queues, recorded requests and counters, and restores the constructor's default reply. */
  reset(): void {
    this.requests.length = 0;
    this.chatQueue.length = 0;
    this.embeddingsQueue.length = 0;
    this.defaultReply = this.initialDefaultReply;
    this.chatCount = 0;
  }

  private bodiesOf(route: string): unknown[] {
    return this.requests.filter((request) => request.path.endsWith(route)).map((request) => request.body);
  }

  private nextId(prefix: string): string {
    this.idCount += 1;
    return `${prefix}${this.idCount}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const controller = new AbortController();
    this.inFlight.add(controller);
    res.on('close', () => {
      controller.abort();
      this.inFlight.delete(controller);
    });
    try {
      const raw = await readBody(req);
      const body = tryParseJson(raw) ?? raw;
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const method = req.method ?? 'GET';
      this.requests.push({ method, path, headers: req.headers, body, receivedAt: performance.now() });

      const route = routeOf(path);
      if (method !== 'POST' || route === undefined) {
        sendError(res, { status: 404, message: `FakeOpenAIServer does not implement ${method} ${path}` });
      } else if (!isObject(body)) {
        sendError(res, { status: 400, message: 'FakeOpenAIServer: request body is not a JSON object' });
      } else if (route === 'chat') {
        await this.handleChat(body as ChatCompletionRequest, res, controller.signal);
      } else {
        await this.handleEmbeddings(body as EmbeddingsRequest, res, controller.signal);
      }
    } catch (error) {
      // A throwing responder is a bug in the test: answer 400, which clients do not retry.
      const message = error instanceof Error ? error.message : String(error);
      if (res.headersSent) res.destroy();
      else sendError(res, { status: 400, message: `FakeOpenAIServer: ${message}` });
    }
  }

  private async handleChat(
    request: ChatCompletionRequest,
    res: ServerResponse,
    signal: AbortSignal,
  ): Promise<void> {
    const index = this.chatCount;
    this.chatCount += 1;
    const scripted = this.chatQueue.shift() ?? this.defaultReply;
    if (scripted === undefined) {
      sendError(res, {
        status: 400,
        message: `FakeOpenAIServer: no scripted reply for chat request #${index} (use enqueue() or setDefaultReply())`,
      });
      return;
    }
    const reply: ChatReply = typeof scripted === 'function' ? await scripted(request, index) : scripted;
    if (!(await sleep(reply.delayMs ?? 0, signal))) return;
    if (reply.status !== undefined) {
      sendError(res, reply);
    } else if (reply.malformed) {
      this.sendMalformed(res, request.stream === true);
    } else if (request.stream === true) {
      await this.streamCompletion(reply, request, res, signal);
    } else {
      const message = resolveMessage(reply, request, () => this.nextId('call_fake_'));
      sendJson(res, 200, completionBody(message, this.identity(request)));
    }
  }

  private async streamCompletion(
    reply: ChatMessageReply,
    request: ChatCompletionRequest,
    res: ServerResponse,
    signal: AbortSignal,
  ): Promise<void> {
    const message = resolveMessage(reply, request, () => this.nextId('call_fake_'));
    const includeUsage = request.stream_options?.include_usage === true;
    const { head, body, tail } = completionChunks(message, this.identity(request), includeUsage);
    // Resolves once the chunk is flushed, so `dropAfterTokens` cuts exactly after the delivered chunks.
    const write = (payload: unknown): Promise<void> =>
      new Promise((resolve) => {
        if (res.destroyed) resolve();
        else res.write(`data: ${JSON.stringify(payload)}\n\n`, () => resolve());
      });

    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    await write(head);
    for (const [position, chunk] of body.entries()) {
      if (reply.dropAfterTokens !== undefined && position >= reply.dropAfterTokens) {
        res.destroy();
        return;
      }
      if (!(await sleep(reply.tokenDelayMs ?? 0, signal))) return;
      await write(chunk);
    }
    for (const chunk of tail) await write(chunk);
    if (!res.destroyed) res.end('data: [DONE]\n\n');
  }

  private sendMalformed(res: ServerResponse, stream: boolean): void {
    if (res.destroyed) return;
    if (stream) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.end(`data: ${MALFORMED_JSON}\n\ndata: [DONE]\n\n`);
    } else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(MALFORMED_JSON);
    }
  }

  private async handleEmbeddings(
    request: EmbeddingsRequest,
    res: ServerResponse,
    signal: AbortSignal,
  ): Promise<void> {
    const reply: EmbeddingsReply = this.embeddingsQueue.shift() ?? {};
    if (!(await sleep(reply.delayMs ?? 0, signal))) return;
    if (reply.status !== undefined) {
      sendError(res, reply);
    } else if (reply.malformed) {
      this.sendMalformed(res, false);
    } else if (request.input === undefined || request.input === null) {
      sendError(res, { status: 400, message: "FakeOpenAIServer: missing required parameter 'input'" });
    } else {
      sendJson(res, 200, embeddingsBody(request, this.embeddingDimensions));
    }
  }

  private identity(request: ChatCompletionRequest): { id: string; created: number; model: string } {
    return { id: this.nextId('chatcmpl-fake-'), created: Math.floor(Date.now() / 1000), model: request.model };
  }
}

function routeOf(path: string): 'chat' | 'embeddings' | undefined {
  if (path.endsWith('/chat/completions')) return 'chat';
  if (path.endsWith('/embeddings')) return 'embeddings';
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
