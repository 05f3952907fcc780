import type { Answer, Citation } from '../answer/index.js';
import type { ErrorCode } from '../errors.js';

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
  /** What it is for: inpatient, outpatient, physician office, audit, entry level… */
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
};

type CommandResultBody =
  | { kind: 'answer'; answer: Answer }
  | { kind: 'cert'; card: CertCard }
  | { kind: 'cert-compare'; left: CertCard; right: CertCard; differences: string[]; /** Both cards' sources, numbered once across the reply. */ citations?: Citation[] }
  | { kind: 'cert-list'; message: string; certifications: Array<{ acronym: string; name: string }> }
  | { kind: 'plan-question'; question: string; step: number; totalSteps: number }
  | { kind: 'plan'; summary: string; steps: PlanStep[]; citations: Citation[] }
  | { kind: 'topics'; outline: Array<{ title: string; depth: number; section: string; guide?: string }> }
  | { kind: 'topic'; section: string; text: string; citations: Citation[] }
  | { kind: 'quiz-question'; question: QuizQuestionView; intro?: string }
  | { kind: 'quiz-feedback'; userId: string; correct: boolean; answer: string; explanation: string; citation: Citation; next?: QuizQuestionView; scoreboard?: ScoreLine[] }
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
