import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { FeatureUseRecord, FeedbackRecord, QuestionRecord, StoreLogger } from '../../src/store/index.js';

export const DAY = 86_400_000;
/** 2025-03-10T12:00:00Z — a fixed "now" so tests never depend on the real clock. */
export const NOW = Date.UTC(2025, 2, 10, 12);

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temp directory, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'career-advisor-store-'));
  dirs.push(dir);
  return dir;
}

/** A logger that remembers its warnings. */
export function captureLogger(): StoreLogger & { warnings: Array<{ obj: Record<string, unknown>; msg: string }> } {
  const warnings: Array<{ obj: Record<string, unknown>; msg: string }> = [];
  return { warnings, warn: (obj, msg) => warnings.push({ obj, msg }) };
}

let seq = 0;
/** A valid question record; override what the test cares about. */
export function question(overrides: Partial<QuestionRecord> = {}): QuestionRecord {
  seq += 1;
  return {
    id: `q-${seq}`,
    ts: NOW,
    platform: 'discord',
    conversationId: 'channel-123456789',
    userId: 'user-987654321',
    question: 'How do I become a CPC?',
    outcome: 'answered',
    citedSections: ['certifications'],
    latencyMs: 850,
    ...overrides,
  };
}

/** A valid feedback record. */
export function feedback(overrides: Partial<FeedbackRecord> = {}): FeedbackRecord {
  return { questionId: 'q-1', userId: 'user-987654321', vote: 'up', ts: NOW, ...overrides };
}

/** A valid feature-use record (a card shown on Discord); override what the test cares about. */
export function featureUse(overrides: Partial<FeatureUseRecord> = {}): FeatureUseRecord {
  return { feature: 'card', action: 'shown', ts: NOW, platform: 'discord', userId: 'user-987654321', guide: 'guide.md', ...overrides } as FeatureUseRecord;
}
