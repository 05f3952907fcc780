import type {
  ChatCompletionRequest,
  ChatMessageReply,
  TokenUsage,
  WireChatMessage,
  WireFunctionTool,
} from './types.js';

/** Flattens a wire message's content (string or text parts) to plain text. */
export function messageText(message: WireChatMessage): string {
  const { content } = message;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) => (typeof part.text === 'string' ? part.text : ''))
    .filter((text) => text.length > 0)
    .join('\n');
}

/** All message texts of a chat request, one message per line block (roles omitted). */
export function promptText(request: ChatCompletionRequest): string {
  return request.messages.map(messageText).join('\n');
}

/**
 * Splits text into the fake's "tokens": whitespace-separated words, each keeping
 * its trailing whitespace, so that `tokens.join('') === text`.
 */
export function splitIntoTokens(text: string): string[] {
  return text.split(/(?<=\s)(?=\S)/).filter((token) => token.length > 0);
}

/** The fake tokenizer used for usage numbers: one token per whitespace-separated word. */
export function countFakeTokens(text: string): number {
  return splitIntoTokens(text).filter((token) => token.trim().length > 0).length;
}

interface WireToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

/** A scripted message reply resolved against the request it answers. */
export interface ResolvedMessage {
  /** `null` when the reply consists of tool calls only. */
  content: string | null;
  /** Content chunks for streaming. */
  tokens: string[];
  toolCalls: WireToolCall[];
  finishReason: string;
  usage: TokenUsage;
}

function isFunctionTool(tool: unknown): tool is WireFunctionTool {
  const candidate = tool as Partial<WireFunctionTool> | null;
  return candidate?.type === 'function' && typeof candidate.function?.name === 'string';
}

/**
 * The tool a `json` reply should be delivered through, or `undefined` to send it
 * as content. Mirrors `withStructuredOutput`: `functionCalling` sends tools plus a
 * forced `tool_choice`; `jsonSchema`/`jsonMode` send a `response_format`.
 */
function toolNameForJson(request: ChatCompletionRequest): string | undefined {
  const format = request.response_format?.type;
  if (format === 'json_schema' || format === 'json_object') return undefined;
  const functions = (request.tools ?? []).filter(isFunctionTool);
  const choice = request.tool_choice;
  if (functions.length === 0 || choice === 'none') return undefined;
  if (typeof choice === 'object' && choice.type === 'function') return choice.function.name;
  return functions[0]?.function.name;
}

/** Turns a scripted reply into concrete content / tool calls / usage for `request`. */
export function resolveMessage(
  reply: ChatMessageReply,
  request: ChatCompletionRequest,
  nextCallId: () => string,
): ResolvedMessage {
  let content: string | null = '';
  let tokens: string[] = [];
  const toolCalls: WireToolCall[] = (reply.toolCalls ?? []).map((call) => ({
    id: call.id ?? nextCallId(),
    type: 'function',
    function: { name: call.name, arguments: JSON.stringify(call.args) },
  }));

  if (reply.empty) {
    content = '';
  } else if (reply.stream) {
    tokens = [...reply.stream];
    content = tokens.join('');
  } else if (reply.content !== undefined) {
    content = reply.content;
    tokens = splitIntoTokens(content);
  } else if (reply.json !== undefined) {
    const serialized = JSON.stringify(reply.json);
    const toolName = toolNameForJson(request);
    if (toolName === undefined) {
      content = serialized;
      tokens = [serialized];
    } else {
      toolCalls.push({
        id: nextCallId(),
        type: 'function',
        function: { name: toolName, arguments: serialized },
      });
    }
  }
  if (toolCalls.length > 0 && content === '') content = null;

  const completionText = [content ?? '', ...toolCalls.map((call) => call.function.arguments)].join(' ');
  const prompt = reply.usage?.prompt_tokens ?? countFakeTokens(promptText(request));
  const completion =
    reply.usage?.completion_tokens ??
    (reply.stream && !reply.empty ? reply.stream.length : countFakeTokens(completionText));
  return {
    content,
    tokens,
    toolCalls,
    finishReason: reply.finishReason ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop'),
    usage: {
      prompt_tokens: prompt,
      completion_tokens: completion,
      total_tokens: reply.usage?.total_tokens ?? prompt + completion,
    },
  };
}

const SYSTEM_FINGERPRINT = 'fp_fake_openai';

function usageBlock(usage: TokenUsage): Record<string, unknown> {
  return {
    ...usage,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

/** Identity shared by all chunks/bodies of one completion. */
export interface CompletionIdentity {
  id: string;
  created: number;
  model: string;
}

/** The non-streaming `chat.completion` body. */
export function completionBody(message: ResolvedMessage, identity: CompletionIdentity): unknown {
  return {
    id: identity.id,
    object: 'chat.completion',
    created: identity.created,
    model: identity.model,
    system_fingerprint: SYSTEM_FINGERPRINT,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: message.content,
          refusal: null,
          ...(message.toolCalls.length > 0 ? { tool_calls: message.toolCalls } : {}),
        },
        logprobs: null,
        finish_reason: message.finishReason,
      },
    ],
    usage: usageBlock(message.usage),
  };
}

/** The `chat.completion.chunk` objects of a streamed completion, in three phases. */
export interface CompletionChunks {
  /** Role announcement. */
  head: unknown;
  /** Content (or tool call) deltas: the part that `tokenDelayMs`/`dropAfterTokens` act on. */
  body: unknown[];
  /** Finish reason chunk, plus the usage chunk when `stream_options.include_usage`. */
  tail: unknown[];
}

/** Builds the SSE payload objects (without the `data: [DONE]` terminator). */
export function completionChunks(
  message: ResolvedMessage,
  identity: CompletionIdentity,
  includeUsage: boolean,
): CompletionChunks {
  const chunk = (choices: unknown[], usage?: TokenUsage): unknown => ({
    id: identity.id,
    object: 'chat.completion.chunk',
    created: identity.created,
    model: identity.model,
    system_fingerprint: SYSTEM_FINGERPRINT,
    choices,
    ...(includeUsage ? { usage: usage ? usageBlock(usage) : null } : {}),
  });
  const delta = (value: Record<string, unknown>, finishReason: string | null = null): unknown =>
    chunk([{ index: 0, delta: value, logprobs: null, finish_reason: finishReason }]);

  const head = delta({ role: 'assistant', content: message.content === null ? null : '', refusal: null });
  const body = [
    ...message.tokens.map((token) => delta({ content: token })),
    ...message.toolCalls.flatMap((call, index) => [
      delta({
        tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }],
      }),
      delta({ tool_calls: [{ index, function: { arguments: call.function.arguments } }] }),
    ]),
  ];
  const tail = [delta({}, message.finishReason)];
  if (includeUsage) tail.push(chunk([], message.usage));
  return { head, body, tail };
}
