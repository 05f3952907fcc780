import { AnswerabilityDecider, answerSchema, extractiveWriter, isStreamingWriter, type AnswerWriter, type TokenSink, composeExtractiveAnswer, composeNonAnswer, followUpContext, smallTalkReply, type Answer, type Citation, type ComposedAnswer, type ConversationTurn, type Decision } from '../answer/index.js';
import { boundedCache } from '../cache/index.js';
import type { Config } from '../config/index.js';
import { createEmbeddings, type IdentifiedEmbeddings } from '../embeddings/index.js';
import { randomUUID } from 'node:crypto';
import type { Feedback } from '../commands/types.js';
import { InputError } from '../errors.js';
import { createLlmWriter, type LlmLogger } from '../llm/index.js';
import { openIndex, type BuildSummary, type KnowledgeIndex } from '../index/index.js';
import { QUALITY } from '../quality/index.js';
import { questionLengthProblem } from '../text/index.js';
import { HybridRetriever, type RetrievalResult } from '../retrieval/index.js';
import { ConversationStore } from './conversation-store.js';

export interface AskOptions {
  /** Conversation (session, thread, channel+user) whose earlier turns give follow-ups their context. */
  conversationId?: string;
  /** Receives answer text as a language model writes it (only when an LLM is configured). */
  onToken?: TokenSink;
  /** Guide files (sources) this question may be answered from; all loaded guides when absent. */
  guides?: readonly string[];
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
  /** Progress and rebuild messages (the CLI prints them to stderr). */
  log?: (message: string) => void;
  onRebuild?: (reason: string, summary?: BuildSummary) => void;
}

/**
 * The core entry point: a question and a conversation in, an answer with citations out.
 * Adapters (CLI, Discord, Slack) only translate transport around `ask`.
 */
export class CareerAdvisor {
  private readonly conversations: ConversationStore;
  /** Recent answers by id, so feedback can name the question it rates. */
  private readonly recentAnswers = boundedCache<string, string>({ max: 5000 });
  private readonly decider = new AnswerabilityDecider();
  /** What the loaded guides are about, for replies that say what the bot can help with. */
  readonly subjects: string[];

  private constructor(
    readonly config: Config,
    readonly index: KnowledgeIndex,
    readonly retriever: HybridRetriever,
    private readonly writer: AnswerWriter,
    readonly feedback: FeedbackSink,
  ) {
    this.conversations = new ConversationStore(config.CONVERSATION_TURNS, config.CONVERSATION_TTL_MINUTES * 60_000);
    this.subjects = index.documents.map((d) => d.title.split(/[:|–—]/)[0]!.trim()).filter(Boolean);
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
    return new CareerAdvisor(config, index, new HybridRetriever(index, embedder), options.writer ?? (config.LLM_PROVIDER === 'openai' ? createLlmWriter(config, { logger: options.llmLogger }) : extractiveWriter), options.feedback ?? new MemoryFeedbackSink());
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
    const history = conversationId ? this.conversations.history(conversationId) : [];

    const chat = smallTalkReply(question, this.subjects);
    if (chat) return { answer: this.finish({ question, answer: chat, abstained: false, citations: [], kind: 'smalltalk' }, started, 0, 0) };

    const context = followUpContext(question, history);
    const query = this.retriever.analyze(question, context ? { question: context.understood, weight: QUALITY.matching.carriedWeight, quantity: context.quantity } : undefined);
    const retrieval = await this.retriever.retrieve(query, undefined, options.guides ? new Set(options.guides) : undefined);
    const answerStarted = performance.now();
    const decision = this.decider.decide(retrieval);
    const written: ComposedAnswer & Partial<Pick<Answer, 'notes' | 'usage'>> & { related?: Citation[] } =
      decision.outcome !== 'answer'
        ? composeNonAnswer(retrieval, decision, this.subjects)
        : options.onToken && isStreamingWriter(this.writer)
          ? await this.writer.writeStream(question, retrieval, history, options.onToken)
          : await this.writer.write(question, retrieval, history);
    const answerMs = performance.now() - answerStarted;

    if (conversationId) {
      this.conversations.append(conversationId, { question, understood: query.searchText, quantity: query.quantity, abstained: written.abstained });
    }
    const answer = this.finish(
      {
        question,
        answer: written.text,
        abstained: written.abstained,
        citations: written.citations,
        kind: written.related ? 'partial' : written.abstained ? 'abstained' : 'answer',
        ...(written.related ? { related: written.related } : {}),
        ...(context ? { rewritten_question: query.searchText } : {}),
        ...(written.notes?.length ? { notes: written.notes } : {}),
        ...(written.usage ? { usage: written.usage } : {}),
      },
      started,
      retrieval.retrieveMs,
      answerMs,
    );
    return { answer, retrieval, decision };
  }

  /** Records a 👍/👎 vote on an earlier answer. */
  recordFeedback(feedback: Feedback): void {
    this.feedback.record({ ...feedback, question: this.recentAnswers.get(feedback.answerId), at: Date.now() });
  }

  /** Forgets a conversation (e.g. "/reset" in chat). */
  forget(conversationId: string): void {
    this.conversations.clear(conversationId);
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
    return answerSchema.parse({
      id,
      ...partial,
      citations: this.namedGuides(partial.citations),
      ...(partial.related ? { related: this.namedGuides(partial.related) } : {}),
      timings: { retrieve_ms: round(retrieveMs), answer_ms: round(answerMs), total_ms: round(performance.now() - started) },
    });
  }
}
