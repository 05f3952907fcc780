import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage, HumanMessage, type AIMessageChunk, type BaseMessage } from '@langchain/core/messages';
import type { BaseLanguageModelInput } from '@langchain/core/language_models/base';
import type { Runnable } from '@langchain/core/runnables';
import { concat } from '@langchain/core/utils/stream';
import { extractiveWriter, type AnswerWriter, type ComposedAnswer, type ConversationTurn } from '../answer/index.js';
import type { Config } from '../config/index.js';
import type { RetrievalResult } from '../retrieval/index.js';
import { createChatModel } from './chat-model.js';
import { ModelBreaker } from './circuit-breaker.js';
import { sharedClaimSimilarity, type ClaimSimilarity } from './claim-similarity.js';
import { CitationNumbering, findMarkers, StreamingMarkerRewriter } from './citation-markers.js';
import { abortableSleep, Deadline, exponentialBackoff, UnusableOutputError, type Fault } from './faults.js';
import { DEFAULT_EXCERPT_BUDGET, selectGuideExcerpts, type ExcerptBudget, type GuideExcerpt } from './guide-excerpts.js';
import { describeIssues, MODEL_ANSWER_NAME, modelAnswerJsonSchema, modelAnswerSchema } from './output-schema.js';
import { answerPrompt, promptInput, repairRequest, type PromptInput } from './prompt.js';
import { RetryPolicy, type AnswerRun } from './retry-policy.js';
import type { LlmLogger, StreamedAnswer, StreamingAnswerWriter, TokenSink, WrittenAnswer } from './types.js';
import { UsageTally } from './usage.js';
import { verifyModelAnswer, type SemanticCheck, type Verification } from './verify-answer.js';

/** Note on an answer quoted from the guide because the model failed (timeouts, 429/5xx, refused, bad output). */
export const NOTE_UNAVAILABLE = 'The language model was unavailable, so this answer is quoted directly from the guide.';
/** Note on an answer quoted from the guide because the model's citations did not check out. */
export const NOTE_UNVERIFIED = "The generated answer's citations could not be verified, so this answer is quoted directly from the guide.";

export interface LlmWriterOptions {
  /** Writes the answer when the model cannot; default: the extractive composer. */
  fallback?: AnswerWriter;
  /** The chat model; default: ChatOpenAI from the config (tests inject one pointed at a fake). */
  chatModel?: BaseChatModel;
  /** Waits between retries; resolves early when the signal aborts. Injectable for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Wait before retry `retry` (0-based) when the server gave no retry-after. Default ~300 ms doubling, ≤ 3 s. */
  backoff?: (retry: number) => number;
  /** A retry-after longer than this is not waited for: the answer falls back at once. Default 5 s. */
  retryAfterCapMs?: number;
  /** Corrective re-asks after an answer fails validation or citation checks. Default 1. */
  maxRepairs?: number;
  /** Earlier questions included in the prompt. Default 3. */
  historyTurns?: number;
  budget?: Partial<ExcerptBudget>;
  logger?: LlmLogger;
  /** Shared with the follow-up rewriter; default: a breaker of this writer's own from the config. */
  breaker?: ModelBreaker;
  /** Claim-to-line similarity for the semantic check; default: the offline USE model. */
  similarity?: ClaimSimilarity;
}

type StructuredMethod = 'jsonSchema' | 'functionCalling' | 'jsonMode';
const METHODS: Record<Config['LLM_STRUCTURED_OUTPUT'], StructuredMethod> = {
  json_schema: 'jsonSchema',
  function_calling: 'functionCalling',
  json_mode: 'jsonMode',
};

type Outcome = { kind: 'answer'; answer: ComposedAnswer } | { kind: 'unavailable'; fault: Fault } | { kind: 'unverified'; problems: string[] };

const silent: LlmLogger = { info() {}, warn() {} };

/**
 * The answer writer for LLM_PROVIDER=openai: any OpenAI-compatible chat model, through LangChain.
 * The model sees only numbered guide excerpts, the question and the earlier questions; every
 * answer is verified against the excerpts before anyone sees it, and whatever goes wrong
 * (faults, timeouts, bad output, bad citations) ends in the extractive answer with a note.
 */
export function createLlmWriter(config: Config, options: LlmWriterOptions = {}): LlmWriter {
  return new LlmWriter(config, options);
}

export class LlmWriter implements StreamingAnswerWriter {
  private readonly model: BaseChatModel;
  private readonly structuredModel: Runnable<BaseLanguageModelInput, { raw: BaseMessage; parsed: unknown }>;
  private readonly fallback: AnswerWriter;
  private readonly retries: RetryPolicy;
  private readonly logger: LlmLogger;
  private readonly budget: ExcerptBudget;
  private readonly semantic: SemanticCheck | undefined;
  /** Guards every model call; its state is reported on /healthz. */
  readonly breaker: ModelBreaker;

  constructor(
    private readonly config: Config,
    private readonly options: LlmWriterOptions = {},
  ) {
    this.model = options.chatModel ?? createChatModel(config);
    const method = METHODS[config.LLM_STRUCTURED_OUTPUT];
    this.structuredModel = this.model.withStructuredOutput(modelAnswerJsonSchema, {
      name: MODEL_ANSWER_NAME,
      method,
      includeRaw: true,
      // Strict schemas make compliant servers constrain decoding; JSON mode has no schema to be strict about.
      ...(method === 'jsonMode' ? {} : { strict: true }),
    });
    this.fallback = options.fallback ?? extractiveWriter;
    this.logger = options.logger ?? silent;
    this.breaker = options.breaker ?? createModelBreaker(config, this.logger);
    const minSimilarity = config.LLM_CLAIM_MIN_SIMILARITY;
    this.semantic = minSimilarity > 0 ? { similarity: options.similarity ?? sharedClaimSimilarity(), minSimilarity } : undefined;
    this.retries = new RetryPolicy({
      maxRetries: config.LLM_MAX_RETRIES,
      timeoutMs: config.LLM_TIMEOUT_MS,
      retryAfterCapMs: options.retryAfterCapMs ?? 5_000,
      backoff: options.backoff ?? exponentialBackoff(300, 3_000),
      sleep: options.sleep ?? abortableSleep,
      logger: this.logger,
      model: config.LLM_MODEL,
      breaker: this.breaker,
    });
    this.budget = { ...DEFAULT_EXCERPT_BUDGET, ...options.budget };
  }

  /** A verified, cited answer from the model (structured output), or the fallback with a note. */
  async write(question: string, retrieval: RetrievalResult, history: readonly ConversationTurn[]): Promise<WrittenAnswer> {
    const { streamed: _streamed, ...answer } = await this.answer(question, retrieval, history);
    return answer;
  }

  /**
   * Like `write`, delivering the text to `onToken` as the model writes it (plain text with [n]
   * markers, renumbered on the fly). The markers are verified once the stream ends; if they fail,
   * or the stream breaks, the returned answer is the fallback and `streamed` is false.
   */
  writeStream(question: string, retrieval: RetrievalResult, history: readonly ConversationTurn[], onToken: TokenSink): Promise<StreamedAnswer> {
    return this.answer(question, retrieval, history, onToken);
  }

  private async answer(question: string, retrieval: RetrievalResult, history: readonly ConversationTurn[], onToken?: TokenSink): Promise<StreamedAnswer> {
    const started = performance.now();
    const excerpts = selectGuideExcerpts(retrieval, this.budget);
    // Nothing retrieved: nothing to ground an answer on, so the model is not asked at all.
    if (excerpts.length === 0) return { ...(await this.fallback.write(question, retrieval, history)), streamed: false };

    const run: AnswerRun = { deadline: new Deadline(this.config.LLM_DEADLINE_MS), usage: new UsageTally(), calls: 0, retries: 0, repairs: 0 };
    const input = promptInput(question, excerpts, history, this.options.historyTurns ?? 3);
    const delivered = { text: '' };
    const outcome = await this.askModel(run, input, excerpts, onToken, delivered);
    const usage = run.usage.result();
    let written: WrittenAnswer = outcome.kind === 'answer' ? outcome.answer : await this.fallbackWithNote(outcome, question, retrieval, history);
    // Tokens spent count even when the answer fell back: they were paid for.
    if (usage) written = { ...written, usage };

    this.logAnswer(run, outcome, written, { streaming: onToken !== undefined, started, usage });
    return { ...written, streamed: delivered.text.trim() !== '' && delivered.text.trim() === written.text.trim() };
  }

  /** Streams or asks for structured output; any error of ours counts as the model being unavailable. */
  private async askModel(run: AnswerRun, input: PromptInput, excerpts: readonly GuideExcerpt[], onToken: TokenSink | undefined, delivered: { text: string }): Promise<Outcome> {
    try {
      return onToken ? await this.streamAnswer(run, input, excerpts, onToken, delivered) : await this.structuredAnswer(run, input, excerpts);
    } catch (error) {
      // A bug of ours must not cost the user their answer.
      this.logger.warn({ event: 'llm_error', error: error instanceof Error ? error.name : typeof error }, 'language model writer failed');
      return { kind: 'unavailable', fault: { kind: 'unknown', retryable: false } };
    } finally {
      run.deadline.clear();
    }
  }

  /** The extractive answer, with a note saying why the model's was not used. */
  private async fallbackWithNote(outcome: Exclude<Outcome, { kind: 'answer' }>, question: string, retrieval: RetrievalResult, history: readonly ConversationTurn[]): Promise<WrittenAnswer> {
    const base = await this.fallback.write(question, retrieval, history);
    return { ...base, notes: [...(base.notes ?? []), outcome.kind === 'unavailable' ? NOTE_UNAVAILABLE : NOTE_UNVERIFIED] };
  }

  /** One record per answer: counts and outcome, never text. */
  private logAnswer(run: AnswerRun, outcome: Outcome, written: WrittenAnswer, how: { streaming: boolean; started: number; usage: ReturnType<UsageTally['result']> }): void {
    const { usage } = how;
    this.logger.info(
      {
        event: 'llm_answer',
        model: this.config.LLM_MODEL,
        mode: how.streaming ? 'stream' : 'structured',
        outcome: outcome.kind === 'answer' ? (outcome.answer.abstained ? 'abstained' : 'generated') : `fallback_${outcome.kind}`,
        ...(outcome.kind === 'unavailable' ? { fault: outcome.fault.kind } : {}),
        calls: run.calls,
        retries: run.retries,
        repairs: run.repairs,
        citations: written.citations.length,
        ms: Math.round(performance.now() - how.started),
        input_tokens: usage?.input_tokens ?? 0,
        output_tokens: usage?.output_tokens ?? 0,
        total_tokens: usage?.total_tokens ?? 0,
      },
      'llm answer',
    );
  }

  /** Structured output: validated with zod, verified, repaired once with a corrective message. */
  private async structuredAnswer(run: AnswerRun, input: PromptInput, excerpts: readonly GuideExcerpt[]): Promise<Outcome> {
    const chain = answerPrompt('structured').pipe(this.structuredModel);
    let repair: BaseMessage[] = [];
    for (;;) {
      const result = await this.retries.run(run, async (attempt) => {
        const reply = await chain.invoke({ ...input, repair }, { signal: attempt.signal });
        run.usage.add(reply.raw as AIMessage);
        if (reply.parsed === null || reply.parsed === undefined) throw new UnusableOutputError(rawText(reply.raw).trim() === '' ? 'empty' : 'malformed');
        return reply;
      });
      if ('fault' in result) return { kind: 'unavailable', fault: result.fault };

      const checked = modelAnswerSchema.safeParse(result.value.parsed);
      const verification: Verification = checked.success ? await verifyModelAnswer(checked.data, excerpts, this.semantic) : { ok: false, problems: describeIssues(checked.error) };
      if (verification.ok) return { kind: 'answer', answer: verification.answer };

      const canRepair = run.repairs < (this.options.maxRepairs ?? 1);
      this.logger.warn({ event: 'llm_rejected', model: this.config.LLM_MODEL, problems: verification.problems.length, schema_valid: checked.success, repair: canRepair }, 'generated answer rejected');
      if (!canRepair) return { kind: 'unverified', problems: verification.problems };
      run.repairs++;
      repair = [new AIMessage(rawText(result.value.raw)), new HumanMessage(repairRequest(verification.problems, excerpts.length))];
    }
  }

  /**
   * Streaming: structured output cannot be shown while it is written, so the model writes plain
   * text with [n] markers, which is verified once complete. A stream that breaks after tokens
   * were shown is not retried (the user saw them); the fallback replaces it.
   */
  private async streamAnswer(run: AnswerRun, input: PromptInput, excerpts: readonly GuideExcerpt[], onToken: TokenSink, delivered: { text: string }): Promise<Outcome> {
    const chain = answerPrompt('stream').pipe(this.model);
    const ids = new Set(excerpts.map((e) => e.id));
    const deliver = (text: string) => {
      if (text === '') return;
      delivered.text += text;
      try {
        onToken(text);
      } catch (error) {
        this.logger.warn({ event: 'llm_token_sink_error', error: error instanceof Error ? error.name : typeof error }, 'token sink threw');
      }
    };
    const result = await this.retries.run(
      run,
      async (attempt) => {
        const rewriter = new StreamingMarkerRewriter(new CitationNumbering(ids));
        let raw = '';
        let full: AIMessageChunk | undefined;
        for await (const chunk of await chain.stream(input, { signal: attempt.signal })) {
          attempt.touch();
          full = full ? concat(full, chunk) : chunk;
          const text = rawText(chunk);
          raw += text;
          deliver(rewriter.push(text));
        }
        deliver(rewriter.flush());
        run.usage.add(full);
        if (raw.trim() === '') throw new UnusableOutputError('empty');
        return raw;
      },
      () => delivered.text === '',
    );
    if ('fault' in result) return { kind: 'unavailable', fault: result.fault };

    const raw = result.value;
    const abstained = findMarkers(raw).length === 0 && /\bdo(?:es)?n['’]t cover\b|\bdo(?:es)? not cover\b/i.test(raw);
    const verification = await verifyModelAnswer({ answer: raw, cited: [], abstained }, excerpts, this.semantic);
    if (verification.ok) return { kind: 'answer', answer: verification.answer };
    this.logger.warn({ event: 'llm_rejected', model: this.config.LLM_MODEL, problems: verification.problems.length, repair: false }, 'streamed answer rejected');
    return { kind: 'unverified', problems: verification.problems };
  }
}

/** The breaker for one model, from LLM_BREAKER_FAULTS and LLM_BREAKER_COOLDOWN_MS. */
export function createModelBreaker(config: Config, logger: LlmLogger): ModelBreaker {
  return new ModelBreaker({ faultsToOpen: config.LLM_BREAKER_FAULTS, cooldownMs: config.LLM_BREAKER_COOLDOWN_MS, logger, model: config.LLM_MODEL });
}

/** A message's text: string content, text parts, or (function calling) the tool call's arguments. */
function rawText(message: BaseMessage): string {
  const toolCall = (message as AIMessage).tool_calls?.[0];
  if (toolCall) return JSON.stringify(toolCall.args);
  const { content } = message;
  if (typeof content === 'string') return content;
  return content.map((part) => (part.type === 'text' && typeof part.text === 'string' ? part.text : '')).join('');
}
