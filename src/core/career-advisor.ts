import { guideSubject } from '../ingest/index.js';
import { AnswerabilityDecider, answerSchema, citeOnce, composeNextLines, quotedLines, refusalSuggestions, repeatsConversation, extractiveWriter, isStreamingWriter, type AnswerWriter, type TokenSink, composeNonAnswer, followUpContext, mayBeFollowUp, mergeGuideAnswers, smallTalkReply, type Answer, type Citation, type ComposedAnswer, type ConversationTurn, type Decision } from '../answer/index.js';
import { boundedCache } from '../cache/index.js';
import type { Config } from '../config/index.js';
import { createEmbeddings, LocalUseEmbeddings, RequestEmbeddings, type IdentifiedEmbeddings } from '../embeddings/index.js';
import { randomUUID } from 'node:crypto';
import type { Feedback } from '../commands/types.js';
import { InputError } from '../errors.js';
import type { BreakerStatus, FollowUpRewriter, LlmLogger, LlmServices } from '../llm/index.js';
import { openIndex, type BuildSummary, type KnowledgeIndex } from '../index/index.js';
import { QUALITY } from '../quality/index.js';
import { questionLengthProblem } from '../text/index.js';
import { detectAcronyms, HybridRetriever, type AnalyzedQuery, type QuestionReading, type RetrievalResult } from '../retrieval/index.js';
import type { SharedState } from '../state/index.js';
import { ConversationStore } from './conversation-store.js';

export interface AskOptions {
  /** Conversation (session, thread, channel+user) whose earlier turns give follow-ups their context. */
  conversationId?: string;
  /** Receives answer text as a language model writes it (only when an LLM is configured). */
  onToken?: TokenSink;
  /** Evaluation only: answer when the answerability probability reaches this instead of the fitted threshold (0 answers everything). */
  answerThreshold?: number;
  /** Guide files (sources) this question may be answered from; all loaded guides when absent. */
  guides?: readonly string[];
  /** Runs just before retrieval, after small talk was answered without it (the rate limit counts here); may throw to refuse. */
  beforeRetrieval?: () => Promise<void>;
  /** Embeds the question instead of the advisor's embedder: the request's (RequestEmbeddings), holding the vectors it already made. */
  embeddings?: IdentifiedEmbeddings;
}

/** One guide's search (or several guides' together) and the decision on it. */
interface Searched {
  source: string;
  retrieval: RetrievalResult;
  decision: Decision;
}

/** A reply as written, before the answer object is assembled. */
type Drafted = ComposedAnswer & Partial<Pick<Answer, 'notes' | 'usage'>> & { related?: Citation[] };

/** What a question's retrieval found; `perGuide` when several guides each answer it. */
interface RoutedRetrieval extends Searched {
  perGuide?: Searched[];
}

/** Where 👍/👎 votes go (the SQLite store in production; memory by default). */
export interface FeedbackSink {
  record(feedback: Feedback & { question?: string; at: number }): void;
}

/** Keeps the latest votes in memory; enough for tests and the terminal. */
export class MemoryFeedbackSink implements FeedbackSink {
  readonly votes: Array<Feedback & { question?: string; at: number }> = [];
  record(feedback: Feedback & { question?: string; at: number }): void {
    this.votes.push(feedback);
    if (this.votes.length > 1000) this.votes.shift();
  }
}

export interface OpenOptions {
  feedback?: FeedbackSink;
  /** Gets one record per LLM answer and fault (counts only, never text). */
  llmLogger?: LlmLogger;
  embedder?: IdentifiedEmbeddings;
  writer?: AnswerWriter;
  /** Rewrites follow-ups into standalone questions; default: the model's, when LLM_PROVIDER=openai. */
  rewriter?: FollowUpRewriter;
  /** Progress and rebuild messages (the CLI prints them to stderr). */
  log?: (message: string) => void;
  onRebuild?: (reason: string, summary?: BuildSummary) => void;
  /** Where conversation turns live (Redis when several workers share them); default: this process's memory. */
  state?: SharedState;
}

/**
 * The core entry point: a question and a conversation in, an answer with citations out.
 * Adapters (CLI, Discord, Slack) only translate transport around `ask`.
 */
export class CareerAdvisor {
  private readonly conversations: ConversationStore;
  /** Recent answers by id, so feedback can name the question it rates. */
  private readonly recentAnswers = boundedCache<string, string>({ max: 5000 });
  private readonly decider: AnswerabilityDecider;
  /** What the loaded guides are about, for replies that say what the bot can help with. */
  readonly subjects: string[];

  private constructor(
    readonly config: Config,
    readonly index: KnowledgeIndex,
    readonly retriever: HybridRetriever,
    private readonly writer: AnswerWriter,
    readonly feedback: FeedbackSink,
    state: SharedState | undefined,
    private readonly rewriter: FollowUpRewriter | undefined,
    private readonly llm: LlmServices | undefined,
  ) {
    this.conversations = new ConversationStore(config.CONVERSATION_TURNS, config.CONVERSATION_TTL_MINUTES * 60_000, state);
    this.decider = new AnswerabilityDecider(retriever.models.answerability);
    this.subjects = index.documents.map((d) => guideSubject(d.title)).filter(Boolean);
  }

  /** Loads (or, if missing/stale and allowed, builds) the index and prepares retrieval. */
  static async open(config: Config, options: OpenOptions = {}): Promise<CareerAdvisor> {
    const embedder = options.embedder ?? createEmbeddings(config);
    const index = await openIndex({
      knowledgeDir: config.knowledgeDir,
      indexDir: config.indexDir,
      cacheDir: config.cacheDir,
      embedder,
      autoRebuild: config.INDEX_AUTO_REBUILD,
      onRebuild: options.onRebuild,
    });
    // LangChain's OpenAI client and the circuit breaker are imported only when a model is configured.
    const llmModule = config.LLM_PROVIDER === 'openai' ? await import('../llm/index.js') : undefined;
    // The claim check uses USE-lite; when the index does too, one loaded model serves both.
    const similarity = llmModule && embedder instanceof LocalUseEmbeddings ? new llmModule.EmbeddingClaimSimilarity(embedder) : undefined;
    const llm = llmModule?.createLlmServices(config, { logger: options.llmLogger, similarity });
    const writer = options.writer ?? llm?.writer ?? extractiveWriter;
    return new CareerAdvisor(config, index, new HybridRetriever(index, embedder), writer, options.feedback ?? new MemoryFeedbackSink(), options.state, options.rewriter ?? llm?.rewriter, llm);
  }

  /** The language model's circuit breaker (for /healthz and metrics); undefined without LLM_PROVIDER=openai. */
  llmBreakerStatus(): BreakerStatus | undefined {
    return this.llm?.breaker.status();
  }

  /** Throws InputError when a question is empty or too long. */
  validateQuestion(question: unknown): string {
    if (typeof question !== 'string' || question.trim() === '') throw new InputError('The question is empty. Ask something like “How do I get started?”');
    const tooLong = questionLengthProblem(question, this.config.MAX_QUESTION_CHARS);
    if (tooLong) throw new InputError(tooLong);
    return question.trim();
  }

  /** Answers a question in the context of a conversation. */
  async ask(rawQuestion: string, options: AskOptions = {}): Promise<Answer> {
    return (await this.askWithRetrieval(rawQuestion, options)).answer;
  }

  /** Like `ask`, also returning the ranked sections behind the answer (for eval and debugging). */
  async askWithRetrieval(rawQuestion: string, options: AskOptions = {}): Promise<{ answer: Answer; retrieval?: RetrievalResult; decision?: Decision }> {
    const started = performance.now();
    const question = this.validateQuestion(rawQuestion);
    const conversationId = options.conversationId;
    const history = conversationId ? await this.conversations.history(conversationId) : [];

    const chat = smallTalkReply(question, this.subjects);
    if (chat) return { answer: this.finish({ question, answer: chat, abstained: false, citations: [], kind: 'smalltalk' }, started, 0, 0) };
    await options.beforeRetrieval?.();

    // One memo of the model per request: the question's views and its unknown words are embedded in one call.
    const embeddings = options.embeddings ?? new RequestEmbeddings(this.retriever.embedder);
    const retrieveStarted = performance.now();
    const { reading, routed } = await this.readAndRetrieve(question, history, { ...options, embeddings });
    const { standalone, context, query, rewritten, asked } = reading;
    const { retrieval, decision } = routed;
    const retrieveMs = performance.now() - retrieveStarted;
    const answerStarted = performance.now();
    const firstDraft = await this.writeAnswer(asked, routed, history, options.onToken);
    // A follow-up adds to the conversation: what was already shown is not repeated.
    const shownBefore = new Set(history.flatMap((turn) => turn.shown ?? []));
    // Only a message that leans on the conversation ("what then?"); the same question asked again gets its answer again.
    const leansOnHistory = context !== undefined || (standalone !== undefined && standalone !== question);
    const written: typeof firstDraft = leansOnHistory && repeatsConversation(firstDraft, shownBefore, query) ? composeNextLines(retrieval, firstDraft, shownBefore) : firstDraft;
    const answerMs = performance.now() - answerStarted;
    if (conversationId) await this.remember(conversationId, question, query, written);
    const answer = this.finish(
      {
        question,
        answer: written.text,
        abstained: written.abstained,
        citations: written.citations,
        kind: written.related ? 'partial' : written.abstained ? 'abstained' : 'answer',
        ...(written.related ? { related: written.related } : {}),
        ...(decision.outcome !== 'answer' ? { suggestions: refusalSuggestions(retrieval) } : {}),
        ...(rewritten ? { rewritten_question: rewritten } : {}),
        ...(written.notes?.length ? { notes: written.notes } : {}),
        ...(written.usage ? { usage: written.usage } : {}),
      },
      started,
      retrieveMs,
      answerMs,
    );
    return { answer, retrieval, decision };
  }

  /**
   * The question read in its conversation and retrieved. A short message that does not read as a
   * follow-up is also read as one: "how much is the test?" right after a question about one
   * credential most likely means that credential's test, so the conversation's reading is kept
   * whenever the guide answers it, and otherwise the reading the answer decision is surer of.
   */
  private async readAndRetrieve(question: string, history: readonly ConversationTurn[], options: AskOptions & { embeddings: IdentifiedEmbeddings }) {
    const framed = await this.frame(question, history);
    // The conversation's reading first: when the guide answers it, the other is not retrieved.
    const framings = framed.standalone === undefined && mayBeFollowUp(question, history) ? [await this.frame(question, history, true), framed] : [framed];
    // Every reading's views and unseen words in one model call.
    const queries = await this.retriever.readAll(framings.map((f) => f.reading), options.embeddings);
    let best: { reading: Understood; routed: RoutedRetrieval } | undefined;
    for (const [i, framing] of framings.entries()) {
      const reading = understood(framing, queries[i]!, question);
      const routed = await this.retrieveRouted(reading.query, options, reading.context?.guides);
      if (framings.length > 1 && i === 0 && routed.decision.outcome === 'answer') return { reading, routed };
      if (!best || routed.decision.probability > best.routed.decision.probability) best = { reading, routed };
    }
    return best!;
  }

  /**
   * How to read a question in its conversation: the model's standalone question when it gives one,
   * otherwise the question with the context a follow-up carries (the previous question and the
   * names its answer gave, "the other association").
   */
  private async frame(question: string, history: readonly ConversationTurn[], assumeFollowUp = false): Promise<Framing> {
    const standalone = history.length > 0 && !assumeFollowUp ? await this.rewriter?.rewrite(question, history) : undefined;
    if (standalone !== undefined) return { standalone, reading: { question: standalone } };
    const context = followUpContext(question, history, assumeFollowUp);
    if (!context) return { reading: { question } };
    const carried = { question: context.understood, entities: context.entities ?? [], weight: QUALITY.matching.carriedWeight, quantity: context.quantity };
    return { context, reading: { question, carried } };
  }

  /** What the conversation keeps of this turn for later follow-ups. */
  private async remember(conversationId: string, question: string, query: AnalyzedQuery, written: Drafted): Promise<void> {
    await this.conversations.append(conversationId, {
      question,
      understood: query.searchText,
      quantity: query.quantity,
      abstained: written.abstained,
      entities: [...new Set(detectAcronyms(written.text))].slice(0, 6),
      guides: [...new Set(written.citations.map((c) => c.source))],
      shown: quotedLines(written).slice(0, 20),
    });
  }

  /**
   * Retrieval across the guides this question may use. A question that names one guide (or
   * follows up on an answer from one) is searched there. One that names none, with several
   * guides loaded, is searched in each: every guide that answers it gets its own part.
   */
  private async retrieveRouted(query: AnalyzedQuery, options: AskOptions, previousGuides: readonly string[] | undefined): Promise<RoutedRetrieval> {
    const allowed = options.guides ?? this.index.documents.map((d) => d.source);
    const route = this.retriever.router.route(query, allowed);
    const carried = previousGuides?.filter((g) => allowed.includes(g)) ?? [];
    const guides = !route.named && carried.length > 0 ? carried : route.guides;
    const vectors = await this.retriever.embed(query, options.embeddings);
    const search = (sources: readonly string[]): Searched => {
      const retrieval = this.retriever.retrieveWithVector(query, vectors, undefined, sources.length === this.index.documents.length ? undefined : new Set(sources));
      return { source: sources[0]!, retrieval, decision: this.decider.decide(retrieval, options.answerThreshold) };
    };
    const together = search(guides);
    if (guides.length < 2) return together;
    const answering = guides.map((g) => search([g])).filter((g) => g.decision.outcome === 'answer');
    answering.sort((a, b) => b.decision.probability - a.decision.probability);
    if (answering.length === 0) return together;
    // The ranking across the guides stays the retrieval on record (eval's hit@k); each part answers from its own guide.
    return answering.length === 1 ? answering[0]! : { ...together, decision: answering[0]!.decision, perGuide: answering };
  }

  /** The reply's text: a partial answer or refusal, one part per guide, or the writer's answer (streamed when asked). */
  private async writeAnswer(asked: string, routed: RoutedRetrieval, history: readonly ConversationTurn[], onToken?: TokenSink): Promise<Drafted> {
    const { retrieval, decision, perGuide } = routed;
    if (decision.outcome !== 'answer') return composeNonAnswer(retrieval, decision, this.subjects);
    if (perGuide) {
      const parts = await Promise.all(perGuide.map(async (part) => ({ title: this.guideTitle(part.source), answer: await this.writer.write(asked, part.retrieval, history) })));
      return mergeGuideAnswers(parts);
    }
    return onToken && isStreamingWriter(this.writer) ? this.writer.writeStream(asked, retrieval, history, onToken) : this.writer.write(asked, retrieval, history);
  }

  /** A guide's subject, the part of its title before any subtitle ("Pharmacy Technician Career Guide"). */
  private guideTitle(source: string): string {
    const title = this.index.documents.find((d) => d.source === source)?.title;
    return (title && guideSubject(title)) || source;
  }

  /** Records a 👍/👎 vote on an earlier answer. */
  recordFeedback(feedback: Feedback): void {
    this.feedback.record({ ...feedback, question: this.recentAnswers.get(feedback.answerId), at: Date.now() });
  }

  /** Forgets a conversation (e.g. "/reset" in chat). */
  forget(conversationId: string): Promise<void> {
    return this.conversations.clear(conversationId);
  }

  /** With several guides loaded, each citation names its guide's title (one guide needs no name). */
  private namedGuides(citations: Citation[]): Citation[] {
    if (this.index.documents.length < 2) return citations;
    const titles = new Map(this.index.documents.map((d) => [d.source, d.title || d.source]));
    return citations.map((c) => ({ ...c, guide: titles.get(c.source) ?? c.source }));
  }

  private finish(partial: Omit<Answer, 'timings'>, started: number, retrieveMs: number, answerMs: number): Answer {
    const round = (ms: number) => Math.round(ms * 100) / 100;
    const id = randomUUID();
    this.recentAnswers.set(id, partial.question);
    // Each section cited once, and only what the text cites.
    const unified = citeOnce({ ...partial, timings: { retrieve_ms: 0, answer_ms: 0, total_ms: 0 } });
    return answerSchema.parse({
      id,
      ...unified,
      citations: this.namedGuides(unified.citations),
      ...(partial.related ? { related: this.namedGuides(partial.related) } : {}),
      timings: { retrieve_ms: round(retrieveMs), answer_ms: round(answerMs), total_ms: round(performance.now() - started) },
    });
  }
}

/** A way to read the question (see `CareerAdvisor.frame`), before its words are read. */
interface Framing {
  standalone?: string;
  context?: ConversationTurn;
  reading: QuestionReading;
}

type Understood = ReturnType<typeof understood>;

/** A framing with its read query: what is searched, what is answered, and how it was rewritten. */
function understood({ standalone, context }: Framing, query: AnalyzedQuery, question: string) {
  const rewritten = standalone !== undefined ? (standalone !== question ? standalone : undefined) : context ? query.searchText : undefined;
  // As in LangChain's conversational retrieval chain, the model's standalone question is also the one answered.
  return { standalone, context, query, rewritten, asked: standalone ?? question };
}
