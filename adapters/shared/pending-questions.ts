import type { Config } from '../../src/config/index.js';
import { recoveryOptions, type PendingQuestion, type QuestionInbox } from '../../src/inbox/index.js';
import { minimizePhi } from '../../src/privacy/index.js';

/**
 * A question's text as the inbox may keep it: minimized like the store's copy (patient data
 * redacted, identifier-shaped leftovers masked), so a question waiting for a restart never puts
 * patient data on disk. Platform markup in angle brackets (Slack's `<@U123>` mentions) is kept.
 */
export function inboxText(text: string): string {
  return text
    .split(/(<[^<>\n]*>)/)
    .map((part) => (part.startsWith('<') && part.endsWith('>') ? part : minimizePhi(part).text))
    .join('');
}

/** Something that can log a line (Bolt's logger and pino both fit through this adapter-free shape). */
export interface InboxLog {
  info(message: string): void;
  warn(message: string): void;
}

/**
 * Records a question before it is acknowledged. Returns false only for a redelivery of a question
 * already recorded (the caller drops it); when the inbox itself fails, the question is still
 * answered (true), just not durably, and the failure is logged.
 */
export async function recordQuestion(inbox: QuestionInbox | undefined, question: PendingQuestion, log: InboxLog): Promise<boolean> {
  if (!inbox) return true;
  try {
    return await inbox.record(question);
  } catch (error) {
    log.warn(`inbox: could not record ${question.id} (${describe(error)}); answering it without a restart guarantee`);
    return true;
  }
}

/** Marks a question answered; a failure only means it may be answered again after a restart. */
export async function completeQuestion(inbox: QuestionInbox | undefined, id: string, log: InboxLog): Promise<void> {
  if (!inbox) return;
  await inbox.complete(id).catch((error: unknown) => log.warn(`inbox: could not mark ${id} answered (${describe(error)})`));
}

/** How one front end answers a question recovered from the inbox (posting in the original place). */
export type RecoverQuestion = (question: PendingQuestion) => Promise<void>;

/**
 * On start, *before* the front ends take new questions: claims the questions acknowledged before a
 * restart, not answered and not older than INBOX_MAX_AGE_MINUTES, each leased to this process for
 * INBOX_LEASE_SECONDS. Claiming first matters: a claim made after the bot went live could take
 * (and lease) a question this process is answering right now. Never throws.
 */
export async function claimPendingQuestions(inbox: QuestionInbox | undefined, config: Config, log: InboxLog): Promise<PendingQuestion[]> {
  if (!inbox) return [];
  try {
    return await inbox.claimPending(recoveryOptions(config));
  } catch (error) {
    log.warn(`inbox: could not read the questions pending from before the restart (${describe(error)})`);
    return [];
  }
}

/**
 * Once the front ends run: hands each claimed question to the front end it came from, a few at a
 * time. Questions of a platform this process does not run stay leased to it for
 * INBOX_LEASE_SECONDS; then another process may claim them. Never throws.
 */
export async function answerPendingQuestions(pending: readonly PendingQuestion[], recoverers: Partial<Record<PendingQuestion['platform'], RecoverQuestion>>, log: InboxLog, concurrency = 4): Promise<number> {
  const mine = pending.filter((q) => recoverers[q.platform]);
  if (pending.length > 0) log.info(`inbox: answering ${mine.length} question(s) acknowledged before the restart${pending.length > mine.length ? ` (${pending.length - mine.length} left for a process running their platform)` : ''}`);
  let next = 0;
  const lane = async () => {
    while (next < mine.length) {
      const question = mine[next++]!;
      await recoverers[question.platform]!(question).catch((error: unknown) => log.warn(`inbox: could not answer recovered question ${question.id} (${describe(error)})`));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return mine.length;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
