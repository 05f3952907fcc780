import type { Answer, Citation } from '../answer/index.js';
import type { ErrorCode } from '../errors.js';
import type { FeatureUse } from '../store/index.js';

/** Where a request came from; adapters fill it in, the core never imports an adapter. */
export type Platform = 'cli' | 'discord' | 'slack';

/** One user message or command addressed to the bot. */
export interface CommandRequest {
  /** Free text ("how much does this job pay?") or a command line ("cert ABC", "quiz answer B"). */
  text: string;
  /** Conversation scope: a CLI session, a Discord thread, a channel+user, a Slack thread. */
  conversationId: string;
  /** The channel it was asked in (a thread's parent channel, not the thread); rate limits per channel use it. Default: conversationId. */
  channelId?: string;
  userId: string;
  userName?: string;
  platform: Platform;
  /** Discord server or Slack workspace, and channel: decides which guides may answer (GUIDES_BY_PLACE). */
  place?: { workspace?: string; channel?: string };
  /** Receives answer text as a language model writes it, for front ends that can show it live. */
  onToken?: (token: string) => void;
  /** One person is talking to the bot (a DM, the terminal): a quiz question closes at their answer. */
  solo?: boolean;
  /**
   * Called once just before the request runs retrieval (the only work that costs): the rate limit
   * counts here, so greetings, clicks and quiz or plan answers never do. Throws a coded error to refuse.
   */
  beforeRetrieval?: () => Promise<void>;
}

/** A certification card built from the glossary. */
export interface CertCard {
  acronym: string;
  name: string;
  organization: string;
  /** The organisation's full name when `organization` is an acronym ("National Board of Examiners"). */
  organizationName?: string;
  /** "entry level" or "advanced", when the guide says so. */
  level?: string;
  /** What it is for: its level ("entry level", "advanced") and the guide's focus areas its definition names ("hospital"…). */
  focus: string[];
  /** The defining guide line. */
  summary: string;
  /** Related guide lines (continuing education, exam preparation, career path), each cited. */
  related: Array<{ text: string; n: number }>;
  citations: Citation[];
}

export interface PlanStep {
  title: string;
  detail: string;
  /** Time the step takes, as the guide states it, if it does. */
  duration?: string;
  /** Salary band at this stage, as the guide states it, if it does. */
  salary?: string;
  /** Citation numbers into the result's citations. */
  cites: number[];
}

export interface QuizQuestionView {
  quizId: string;
  index: number;
  total: number;
  question: string;
  /** Options labelled A, B, C, D in order. */
  options: string[];
  /** When the question closes by itself (epoch ms); absent when only an answer closes it (the terminal). */
  closesAt?: number;
  /** Answers that close the question early (0: only the time does). */
  closesAfter: number;
}

/** A closed quiz question: its answer with the proof, and who answered what. */
export interface QuizRoundView {
  quizId: string;
  index: number;
  total: number;
  question: string;
  /** "B. PTCB". */
  answer: string;
  explanation: string;
  citation: Citation;
  /** Each player's first answer, in the order they came. */
  answers: Array<{ userId: string; userName?: string; option: string; correct: boolean }>;
  /** What closed it: its time ran out, enough players answered, or someone skipped it. */
  closedBy: 'time' | 'players' | 'skip';
}

export interface ScoreLine {
  userId: string;
  userName?: string;
  correct: number;
  answered: number;
}

/**
 * Everything a command can return; front ends render each kind (text in the terminal, rich in chat apps).
 * `reminder`, when set, is shown to the asker alone (ephemeral in Slack and Discord), never in the public reply.
 */
export type CommandResult = CommandResultBody & {
  reminder?: string;
  /** The question an open session (a plan) still waits for, asked again after this reply to a message that was not its answer. */
  resume?: string;
  /** Card, plan and quiz use this reply stands for; the service records it for the report (front ends ignore it). */
  usage?: FeatureUse[];
};

type CommandResultBody =
  | { kind: 'answer'; answer: Answer }
  | { kind: 'cert'; card: CertCard }
  | { kind: 'cert-compare'; left: CertCard; right: CertCard; differences: string[]; /** Both cards' sources, numbered once across the reply. */ citations?: Citation[] }
  | { kind: 'cert-list'; message: string; certifications: Array<{ acronym: string; name: string }> }
  | { kind: 'plan-question'; question: string; step: number; totalSteps: number; /** The check before building: "yes" builds, anything else corrects. */ confirm?: true }
  | { kind: 'plan'; summary: string; steps: PlanStep[]; citations: Citation[] }
  | { kind: 'topics'; outline: Array<{ title: string; depth: number; section: string; guide?: string }> }
  | { kind: 'topic'; section: string; text: string; citations: Citation[] }
  | { kind: 'quiz-question'; question: QuizQuestionView; intro?: string }
  /** A player's answer was taken (shown to them alone); the question is still open for the others. */
  | { kind: 'quiz-answer'; userId: string; option: string; question: QuizQuestionView; answered: number }
  /** A question closed: its answer, the cited line and the scores for everyone, then the next question or the end. `notice` is for the person whose message closed it. */
  | { kind: 'quiz-round'; round: QuizRoundView; scoreboard: ScoreLine[]; next?: QuizQuestionView; finished: boolean; notice?: string }
  | { kind: 'quiz-score'; scoreboard: ScoreLine[]; finished: boolean }
  | { kind: 'help'; text: string; examples: string[] }
  | { kind: 'error'; code: ErrorCode; message: string };

/** The command layer's entry point, implemented in the core and called by every front end. */
export interface CommandHandler {
  handle(request: CommandRequest): Promise<CommandResult>;
}

/** A 👍/👎 vote on an answer, recorded through the core. */
export interface Feedback {
  /** Id of the answered question (adapters keep it in the button's custom id / value). */
  answerId: string;
  userId: string;
  vote: 'up' | 'down';
  platform: Platform;
}
