import { z } from 'zod';

const count = z.number().int().nonnegative();
const rate = z.number().min(0).max(1);
const utcDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Where the report's numbers came from: a readable store, no store file yet, or a store that failed. */
export const reportStoreStatusSchema = z.enum(['ok', 'missing', 'unavailable']);

/** Bumped when a field is renamed or removed, so scripts reading `--json` can tell. */
export const REPORT_VERSION = 1;

/** The knowledge-gap report: what `--json` prints and what the text and HTML renderers draw. */
export const reportSchema = z.object({
  version: z.literal(REPORT_VERSION),
  generatedAt: z.iso.datetime(),
  window: z.object({
    days: z.number().int().positive(),
    /** First included instant: the start of `firstDay`, UTC. */
    since: z.iso.datetime(),
    /** Last included instant: the report's `now`. */
    until: z.iso.datetime(),
    firstDay: utcDay,
    lastDay: utcDay,
  }),
  store: reportStoreStatusSchema,
  totals: z.object({ questions: count, answered: count, abstained: count, abstentionRate: rate }),
  /** Every UTC day of the window, oldest first, zeros included so charts have no gaps. */
  perDay: z.array(z.object({ day: utcDay, total: count, answered: count, abstained: count })),
  platforms: z.array(z.object({ platform: z.string(), total: count, abstained: count, abstentionRate: rate })),
  unanswered: z.object({
    /** How many groups of similar unanswered questions there were in total (not just the ones listed). */
    groupCount: count,
    groups: z.array(
      z.object({
        /** The most asked wording in the group. */
        representative: z.string(),
        /** Times any wording in the group was asked. */
        count: count,
        lastAskedAt: z.iso.datetime(),
        /** The group's wordings, most asked first (at most a few). */
        variants: z.array(z.object({ question: z.string(), count })),
      }),
    ),
  }),
  /** 👍/👎 votes cast in the window and the share that were 👍 (0 when none). */
  ratings: z.object({ up: count, down: count, upRate: rate }).optional(),
  /**
   * Card, plan and quiz use in the window: one line per feature action (cards shown, compared;
   * plans started, finished; quizzes started, answers given, finished), zeros included, with how
   * many people and the count per platform. Absent in reports from before it was counted.
   */
  featureUse: z
    .array(z.object({ feature: z.string(), action: z.string(), count, users: count, platforms: z.array(z.object({ platform: z.string(), count })) }))
    .optional(),
  /** Unanswered questions the guides do not cover at all (off-topic), kept apart from knowledge gaps; present when the report could ask the answer path. */
  offTopic: z.object({ count: count, questions: z.array(z.object({ question: z.string(), count })) }).optional(),
  lowestRated: z.array(
    z.object({
      questionId: z.string(),
      /** Null when the question itself was purged. */
      question: z.string().nullable(),
      up: count,
      down: count,
      /** up − down. */
      score: z.number().int(),
      citedSections: z.array(z.string()),
    }),
  ),
  topCitedSections: z.array(z.object({ section: z.string(), count })),
});

export type Report = z.infer<typeof reportSchema>;
export type ReportStoreStatus = z.infer<typeof reportStoreStatusSchema>;
export type UnansweredGroup = Report['unanswered']['groups'][number];
