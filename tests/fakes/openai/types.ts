/**
 * Wire types (the subset the fake needs) and the scripting vocabulary of the
 * fake OpenAI server. Request types are deliberately loose: they describe what
 * `openai`/`@langchain/openai` send, without depending on those packages.
 */

/** One text part of a multi-part message content. */
export interface WireContentPart {
  type: string;
  text?: string;
  [key: string]: unknown;
}

/** A chat message as it appears in a `/chat/completions` request body. */
export interface WireChatMessage {
  role: string;
  content?: string | WireContentPart[] | null;
  name?: string;
  tool_calls?: unknown[];
  tool_call_id?: string;
  [key: string]: unknown;
}

/** A function tool as sent in `tools`. */
export interface WireFunctionTool {
  type: 'function';
  function: {
    name: string;
    description?: string;
    parameters?: Record<string, unknown>;
    strict?: boolean | null;
  };
}

/** `response_format` of a chat completion request. */
export type WireResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | {
      type: 'json_schema';
      json_schema: {
        name: string;
        description?: string;
        schema?: Record<string, unknown>;
        strict?: boolean | null;
      };
    };

/** `tool_choice` of a chat completion request. */
export type WireToolChoice =
  | 'none'
  | 'auto'
  | 'required'
  | { type: 'function'; function: { name: string } };

/** Body of `POST /v1/chat/completions` (parsed JSON). */
export interface ChatCompletionRequest {
  model: string;
  messages: WireChatMessage[];
  stream?: boolean | null;
  stream_options?: { include_usage?: boolean } | null;
  tools?: Array<WireFunctionTool | { type: string; [key: string]: unknown }>;
  tool_choice?: WireToolChoice;
  response_format?: WireResponseFormat;
  [key: string]: unknown;
}

/** Body of `POST /v1/embeddings` (parsed JSON). */
export interface EmbeddingsRequest {
  model: string;
  input: string | string[] | number[] | number[][];
  dimensions?: number;
  encoding_format?: 'float' | 'base64';
  [key: string]: unknown;
}

/** OpenAI token usage block. */
export interface TokenUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** Every HTTP request the fake received, in arrival order. */
export interface RecordedRequest {
  method: string;
  /** URL path, e.g. `/v1/chat/completions`. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body (or the raw text when it was not valid JSON). */
  body: unknown;
  /** `performance.now()` when the request arrived, to measure retry back-off. */
  receivedAt: number;
}

/** A tool call the fake model should make. */
export interface ScriptedToolCall {
  name: string;
  /** Arguments object; serialized to JSON on the wire. */
  args: unknown;
  id?: string;
}

/** Options shared by every scripted reply. */
interface ReplyTiming {
  /**
   * Wait this long before sending anything (status line and headers included).
   * The `openai` SDK's `timeout` covers exactly this phase, so a delay longer than
   * the client timeout makes the client fail with a timeout.
   */
  delayMs?: number;
}

/**
 * A successful completion. The request decides the wire format: a request with
 * `stream: true` gets SSE chunks, otherwise a single JSON body. At most one of
 * `content`, `json`, `toolCalls`, `stream`, `empty` should be set; with none
 * the content is the empty string.
 */
export interface ChatMessageReply extends ReplyTiming {
  /** Assistant text. Streamed word by word if the request streams. */
  content?: string;
  /**
   * A JSON value. Sent as a tool call when the request offers function tools
   * (and no JSON `response_format`), named after `tool_choice` or the first tool;
   * otherwise sent as JSON text content (`json_schema` / `json_object` / plain).
   */
  json?: unknown;
  /** Explicit tool calls (`finish_reason: "tool_calls"`). */
  toolCalls?: ScriptedToolCall[];
  /** Content given as stream tokens, emitted one SSE chunk each (joined when not streaming). */
  stream?: string[];
  /** Reply with empty content. */
  empty?: true;
  /** Pause between SSE chunks (streaming requests only). */
  tokenDelayMs?: number;
  /** Streaming only: destroy the connection after this many content chunks. */
  dropAfterTokens?: number;
  /**
   * Overrides the computed usage. By default `prompt_tokens` counts the words of all
   * message texts, `completion_tokens` the words of the reply (or the number of
   * `stream` tokens), and `total_tokens` is their sum.
   */
  usage?: Partial<TokenUsage>;
  /** Defaults to `stop` (or `tool_calls` for tool calls). */
  finishReason?: 'stop' | 'length' | 'tool_calls' | 'content_filter';
  status?: never;
  malformed?: never;
}

/** An HTTP error response with an OpenAI-style `{ error: {...} }` body. */
export interface ChatErrorReply extends ReplyTiming {
  status: number;
  /** Seconds, sent as the `retry-after` header. */
  retryAfter?: number;
  message?: string;
  /** `error.code`, e.g. `rate_limit_exceeded`, `insufficient_quota`, `context_length_exceeded`. */
  code?: string;
  /** `error.type`, e.g. `requests`, `server_error`. */
  type?: string;
  malformed?: never;
}

/** 200 OK with a body that is not valid JSON (or an invalid SSE `data:` line when streaming). */
export interface MalformedReply extends ReplyTiming {
  malformed: true;
  status?: never;
}

/** Anything the chat endpoint can be scripted to answer. */
export type ChatReply = ChatMessageReply | ChatErrorReply | MalformedReply;

/** Computes the reply from the request body; `index` counts chat requests from 0. */
export type ChatResponder = (
  request: ChatCompletionRequest,
  index: number,
) => ChatReply | Promise<ChatReply>;

/** One entry of the chat script queue. */
export type ScriptedChat = ChatReply | ChatResponder;

/**
 * A scripted answer for `/embeddings`. A fault (`status`, `malformed`) replaces
 * the vectors; `delayMs` alone just delays the deterministic vectors.
 */
export type EmbeddingsReply =
  | ChatErrorReply
  | MalformedReply
  | (ReplyTiming & { status?: never; malformed?: never });
