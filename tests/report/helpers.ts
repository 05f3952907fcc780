import { join } from 'node:path';
import { openStore, type FeatureUseRecord, type FeedbackRecord, type QuestionRecord } from '../../src/store/index.js';
import { NOW, tempDir } from '../store/helpers.js';

// The same fixed clock and self-cleaning temp folders as the store tests.
export { DAY, NOW, tempDir } from '../store/helpers.js';

/** `NOW`'s day plus `dayOffset` days, at `hour`:00 UTC. */
export function at(dayOffset: number, hour: number): number {
  return Date.UTC(2025, 2, 10 + dayOffset, hour);
}

const CPC = 'Certifications › CPC';
const CCS = 'Certifications › CCS';
const SALARY = 'Salary › By experience';
const EDUCATION = 'Getting started › Education';
const REMOTE = 'Work settings › Remote work';

type Seed = [id: string, ts: number, platform: string, question: string, cited: string[] | 'abstained'];

/**
 * Two weeks of a small community's questions. With a 7-day window ending at NOW
 * (2025-03-04 … 2025-03-10) the expected report is:
 * per day 3,0,4,2,5,1,3 (abstained 0,0,2,1,2,0,2) → 18 questions, 7 abstained;
 * discord 10 (4 abstained), slack 6 (2), cli 2 (1).
 */
const QUESTIONS: Seed[] = [
  // 2025-03-02, outside a 7-day window
  ['o1', at(-8, 9), 'discord', 'CPC exam fee?', 'abstained'],
  ['o2', at(-8, 10), 'discord', 'What is CPC?', [CPC]],
  // 2025-03-04
  ['a1', at(-6, 9), 'discord', 'How do I become a CPC?', [CPC]],
  ['a2', at(-6, 10), 'discord', 'What does a medical coder earn?', [SALARY]],
  ['a3', at(-6, 15), 'slack', 'Do I need a degree?', [EDUCATION]],
  // 2025-03-05: nothing
  // 2025-03-06
  ['a4', at(-4, 8), 'discord', 'What is the CPC?', [CPC]],
  ['a5', at(-4, 9), 'slack', 'Can coders work remotely?', [REMOTE, CPC]],
  ['u1', at(-4, 10), 'discord', 'how much does the cpc exam cost', 'abstained'],
  ['u2', at(-4, 11), 'slack', 'what is the cost of the CPC exam', 'abstained'],
  // 2025-03-07
  ['a6', at(-3, 14), 'cli', 'Which certification should I get first?', [CPC]],
  ['u3', at(-3, 15), 'cli', 'CPC exam price?', 'abstained'],
  // 2025-03-08
  ['a7', at(-2, 8), 'discord', 'entry level salary?', [SALARY]],
  ['a8', at(-2, 9), 'discord', 'How long is CPC training?', [EDUCATION, CPC]],
  ['a9', at(-2, 10), 'slack', 'Is remote work common?', [REMOTE]],
  ['u4', at(-2, 11), 'discord', 'How much does the CPC exam cost?', 'abstained'],
  ['u5', at(-2, 12), 'slack', 'Can I take the CPC exam online?', 'abstained'],
  // 2025-03-09
  ['a10', at(-1, 16), 'discord', 'What is CCS?', [CCS]],
  // 2025-03-10 (before NOW)
  ['a11', at(0, 7), 'slack', 'How do I renew my CPC?', [CPC]],
  ['u6', at(0, 8), 'discord', 'Are there coding jobs in Ohio?', 'abstained'],
  ['u7', at(0, 9), 'discord', '<script>alert("x")</script> & Ohio?', 'abstained'],
];

type Vote = [questionId: string, userId: string, vote: 'up' | 'down', ts: number];

/**
 * Expected lowest rated (window on vote time): a8 (0 up, 2 down), a2 (1, 2),
 * a7 (0, 1), a5 (2, 1). a1 has no down vote; the o2 vote is outside the window.
 */
const VOTES: Vote[] = [
  ['a1', 'u-1', 'up', at(-6, 12)],
  ['a2', 'u-1', 'down', at(-6, 11)],
  ['a2', 'u-2', 'down', at(-6, 12)],
  ['a2', 'u-3', 'up', at(-5, 9)],
  ['a5', 'u-1', 'up', at(-4, 10)],
  ['a5', 'u-2', 'up', at(-4, 11)],
  ['a5', 'u-3', 'down', at(-4, 12)],
  ['a7', 'u-4', 'down', at(-2, 9)],
  ['a8', 'u-4', 'down', at(-2, 10)],
  ['a8', 'u-5', 'down', at(-2, 11)],
  ['o2', 'u-1', 'down', at(-8, 11)],
];

type Use = [feature: string, action: string, platform: string, userId: string, ts: number];

/**
 * Expected feature use in the 7-day window: cards shown 3 (3 people; discord 2, slack 1),
 * compared 1 (slack); plans started 1, finished 1 (discord); quizzes started 1 (slack), answers
 * given 3 (3 people; slack 2, discord 1), finished 0. The first card is outside the window.
 */
const USES: Use[] = [
  ['card', 'shown', 'discord', 'u-9', at(-8, 9)],
  ['card', 'shown', 'discord', 'u-1', at(-6, 9)],
  ['card', 'shown', 'discord', 'u-2', at(-4, 9)],
  ['card', 'shown', 'slack', 'u-3', at(-2, 9)],
  ['card', 'compared', 'slack', 'u-3', at(-2, 10)],
  ['plan', 'started', 'discord', 'u-1', at(-1, 9)],
  ['plan', 'finished', 'discord', 'u-1', at(-1, 10)],
  ['quiz', 'started', 'slack', 'u-4', at(0, 7)],
  ['quiz', 'answered', 'slack', 'u-4', at(0, 7) + 1],
  ['quiz', 'answered', 'slack', 'u-5', at(0, 7) + 2],
  ['quiz', 'answered', 'discord', 'u-1', at(0, 8)],
];

/** Writes the seed data into a new store file and returns its path (the store is closed). */
export function seedStore(dir = tempDir()): string {
  const path = join(dir, 'advisor.db');
  const store = openStore({ path, retentionDays: 90, now: () => NOW, idSalt: 'report-test-salt-0123456789' });
  for (const [id, ts, platform, question, cited] of QUESTIONS) {
    const record: QuestionRecord = {
      id,
      ts,
      platform,
      conversationId: `${platform}-channel-1`,
      userId: `${platform}-user-${id}`,
      question,
      outcome: cited === 'abstained' ? 'abstained' : 'answered',
      citedSections: cited === 'abstained' ? [] : cited,
      latencyMs: 420,
    };
    store.recordQuestion(record);
  }
  for (const [questionId, userId, vote, ts] of VOTES) store.recordFeedback({ questionId, userId, vote, ts } satisfies FeedbackRecord);
  for (const [feature, action, platform, userId, ts] of USES) store.recordFeatureUse({ feature, action, platform, userId, ts, guide: 'guide.md' } as FeatureUseRecord);
  if (!store.healthy) throw new Error('seed store failed');
  store.close();
  return path;
}

/** Opens a seeded (or any) store file for reading at NOW. */
export function openAt(path: string) {
  return openStore({ path, retentionDays: 90, now: () => NOW });
}
