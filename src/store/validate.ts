import { z } from 'zod';
import { StoreConfigError } from '../errors.js';
import { isFeatureAction } from './feature-use.js';
import type { FeatureUseRecord, FeedbackRecord, QuestionRecord, StoreOptions } from './store-types.js';

const timestamp = z.number().int().nonnegative();
const nonEmpty = z.string().min(1);

const questionSchema = z.object({
  id: nonEmpty,
  ts: timestamp,
  platform: nonEmpty,
  conversationId: nonEmpty,
  userId: nonEmpty,
  question: z.string(),
  outcome: z.enum(['answered', 'abstained']),
  citedSections: z.array(z.string()),
  latencyMs: z.number().nonnegative().finite(),
});

const feedbackSchema = z.object({
  questionId: nonEmpty,
  userId: nonEmpty,
  vote: z.enum(['up', 'down']),
  ts: timestamp,
});

// Only the fixed vocabulary of feature-use.ts gets in: no free text reaches this table.
const featureUseSchema = z
  .object({
    feature: nonEmpty,
    action: nonEmpty,
    ts: timestamp,
    platform: nonEmpty.max(40),
    userId: nonEmpty,
    /** A guide's file name, never text someone typed. */
    guide: nonEmpty.max(200).optional(),
  })
  .refine((r) => isFeatureAction(r.feature, r.action), { path: ['action'], message: 'not an action of this feature' });

const optionsSchema = z.object({
  path: nonEmpty,
  retentionDays: z.number().positive().finite(),
  idSalt: z.string().min(16, 'idSalt should be a real secret (16+ characters)').optional(),
});

/** Problems with a record, as field paths only: values may hold PHI and must not reach logs. */
export type RecordProblems = string[];

/** Returns the invalid fields of a question record, or an empty list. */
export function questionProblems(record: QuestionRecord): RecordProblems {
  return problems(questionSchema.safeParse(record));
}

/** Returns the invalid fields of a feedback record, or an empty list. */
export function feedbackProblems(record: FeedbackRecord): RecordProblems {
  return problems(feedbackSchema.safeParse(record));
}

/** Returns the invalid fields of a feature-use record, or an empty list. */
export function featureUseProblems(record: FeatureUseRecord): RecordProblems {
  return problems(featureUseSchema.safeParse(record));
}

/** Throws {@link StoreConfigError} for unusable options: a startup bug, not a runtime failure. */
export function assertValidOptions(options: StoreOptions): void {
  const result = optionsSchema.safeParse(options);
  if (!result.success) throw new StoreConfigError(`invalid store options: ${result.error.message}`);
}

/** A positive integer limit, capped so a report query can't ask for the whole table. */
export function clampLimit(limit: number | undefined, fallback = 10): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.min(1_000, Math.max(1, Math.floor(limit)));
}

function problems(result: { success: boolean; error?: z.ZodError }): RecordProblems {
  return result.success ? [] : (result.error?.issues ?? []).map((i) => i.path.join('.') || '(record)');
}
