import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { buildReport, emptyReport, reportSchema, type Report, type ReportSource } from '../../src/report/index.js';
import { openStore } from '../../src/store/index.js';
import { NOW, openAt, seedStore, tempDir } from './helpers.js';

const open: Array<{ close(): void }> = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

function seededReport(options: Partial<{ days: number; limit: number; similarity: number }> = {}): Report {
  const store = openAt(seedStore());
  open.push(store);
  return buildReport(store, { days: 7, now: NOW, ...options });
}

describe('buildReport on a seeded store', () => {
  it('covers the last 7 UTC days, today included', () => {
    const report = seededReport();
    expect(report.window).toEqual({
      days: 7,
      since: '2025-03-04T00:00:00.000Z',
      until: '2025-03-10T12:00:00.000Z',
      firstDay: '2025-03-04',
      lastDay: '2025-03-10',
    });
    expect(report.generatedAt).toBe('2025-03-10T12:00:00.000Z');
    expect(report.store).toBe('ok');
  });

  it('counts questions and abstentions per day, with empty days as zeros', () => {
    const report = seededReport();
    expect(report.perDay).toEqual([
      { day: '2025-03-04', total: 3, answered: 3, abstained: 0 },
      { day: '2025-03-05', total: 0, answered: 0, abstained: 0 },
      { day: '2025-03-06', total: 4, answered: 2, abstained: 2 },
      { day: '2025-03-07', total: 2, answered: 1, abstained: 1 },
      { day: '2025-03-08', total: 5, answered: 3, abstained: 2 },
      { day: '2025-03-09', total: 1, answered: 1, abstained: 0 },
      { day: '2025-03-10', total: 3, answered: 1, abstained: 2 },
    ]);
  });

  it('reports the abstention rate over the window, consistent with the daily counts', () => {
    const report = seededReport();
    expect(report.totals).toEqual({ questions: 18, answered: 11, abstained: 7, abstentionRate: 7 / 18 });
    expect(report.perDay.reduce((n, d) => n + d.total, 0)).toBe(report.totals.questions);
    expect(report.perDay.reduce((n, d) => n + d.abstained, 0)).toBe(report.totals.abstained);
  });

  it('breaks questions down by platform', () => {
    expect(seededReport().platforms).toEqual([
      { platform: 'discord', total: 10, abstained: 4, abstentionRate: 0.4 },
      { platform: 'slack', total: 6, abstained: 2, abstentionRate: 2 / 6 },
      { platform: 'cli', total: 2, abstained: 1, abstentionRate: 0.5 },
    ]);
  });

  it('groups similar unanswered questions, led by the most asked wording', () => {
    const { unanswered } = seededReport();
    expect(unanswered.groupCount).toBe(4);
    expect(unanswered.groups[0]).toEqual({
      representative: 'How much does the CPC exam cost?',
      count: 4, // asked twice in that wording (case differs), plus two rephrasings
      lastAskedAt: '2025-03-08T11:00:00.000Z',
      variants: [
        { question: 'How much does the CPC exam cost?', count: 2 },
        { question: 'CPC exam price?', count: 1 },
        { question: 'what is the cost of the CPC exam', count: 1 },
      ],
    });
    // Same count: most recently asked first.
    expect(unanswered.groups.slice(1).map((g) => [g.representative, g.count])).toEqual([
      ['<script>alert("x")</script> & Ohio?', 1],
      ['Are there coding jobs in Ohio?', 1],
      ['Can I take the CPC exam online?', 1],
    ]);
  });

  it('lists answers with a thumbs down, worst net score first', () => {
    expect(seededReport().lowestRated).toEqual([
      { questionId: 'a8', question: 'How long is CPC training?', up: 0, down: 2, score: -2, citedSections: ['Getting started › Education', 'Certifications › CPC'] },
      { questionId: 'a2', question: 'What does a medical coder earn?', up: 1, down: 2, score: -1, citedSections: ['Salary › By experience'] },
      { questionId: 'a7', question: 'entry level salary?', up: 0, down: 1, score: -1, citedSections: ['Salary › By experience'] },
      { questionId: 'a5', question: 'Can coders work remotely?', up: 2, down: 1, score: 1, citedSections: ['Work settings › Remote work', 'Certifications › CPC'] },
    ]);
  });

  it('ranks the most cited guide sections', () => {
    expect(seededReport().topCitedSections).toEqual([
      { section: 'Certifications › CPC', count: 6 },
      { section: 'Getting started › Education', count: 2 },
      { section: 'Salary › By experience', count: 2 },
      { section: 'Work settings › Remote work', count: 2 },
      { section: 'Certifications › CCS', count: 1 },
    ]);
  });

  it('counts card, plan and quiz use per action, zeros included, with people and platforms', () => {
    const line = (feature: string, action: string, count: number, users: number, platforms: Array<[string, number]>) => ({ feature, action, count, users, platforms: platforms.map(([platform, n]) => ({ platform, count: n })) });
    expect(seededReport().featureUse).toEqual([
      line('card', 'shown', 3, 3, [['discord', 2], ['slack', 1]]),
      line('card', 'compared', 1, 1, [['slack', 1]]),
      line('plan', 'started', 1, 1, [['discord', 1]]),
      line('plan', 'finished', 1, 1, [['discord', 1]]),
      line('quiz', 'started', 1, 1, [['slack', 1]]),
      line('quiz', 'answered', 3, 3, [['slack', 2], ['discord', 1]]),
      line('quiz', 'finished', 0, 0, []),
    ]);
    expect(seededReport({ days: 30 }).featureUse![0]!.count).toBe(4);
  });

  it('includes older data when the window is wider', () => {
    const report = seededReport({ days: 30 });
    expect(report.perDay).toHaveLength(30);
    expect(report.perDay.find((d) => d.day === '2025-03-02')).toEqual({ day: '2025-03-02', total: 2, answered: 1, abstained: 1 });
    expect(report.totals.questions).toBe(20);
    expect(report.unanswered.groups[0]!.count).toBe(5); // "CPC exam fee?" joins the cost group
    expect(report.topCitedSections[0]).toEqual({ section: 'Certifications › CPC', count: 7 });
  });

  it('limits every list to `limit` rows but still counts all groups', () => {
    const report = seededReport({ limit: 2 });
    expect(report.unanswered.groups).toHaveLength(2);
    expect(report.unanswered.groupCount).toBe(4);
    expect(report.lowestRated.map((r) => r.questionId)).toEqual(['a8', 'a2']);
    expect(report.topCitedSections).toHaveLength(2);
  });

  it('uses the similarity threshold it is given', () => {
    const report = seededReport({ similarity: 0.9 });
    expect(report.unanswered.groups[0]!.count).toBe(4); // "price" is a synonym of "cost" (1.0), so it still joins, as does "cost of" (1.0)
    expect(report.unanswered.groupCount).toBe(4);
  });
});

describe('report JSON shape', () => {
  it('survives a JSON round trip and validates against the schema', () => {
    const report = seededReport();
    const parsed = JSON.parse(JSON.stringify(report)) as unknown;
    expect(reportSchema.parse(parsed)).toEqual(report);
    expect(Object.keys(report).sort()).toEqual(
      ['featureUse', 'generatedAt', 'lowestRated', 'perDay', 'platforms', 'ratings', 'store', 'topCitedSections', 'totals', 'unanswered', 'version', 'window'].sort(),
    );
    expect(report.version).toBe(1);
  });

  it('rejects a report with a wrong field type', () => {
    const bad = { ...seededReport(), totals: { questions: -1, answered: 0, abstained: 0, abstentionRate: 0 } };
    expect(reportSchema.safeParse(bad).success).toBe(false);
  });
});

describe('empty and broken stores', () => {
  it('reports zeros for an empty store, with every day present', () => {
    const store = openStore({ path: join(tempDir(), 'empty.db'), retentionDays: 90, now: () => NOW });
    open.push(store);
    const report = buildReport(store, { days: 3, now: NOW });
    expect(report.store).toBe('ok');
    expect(report.totals).toEqual({ questions: 0, answered: 0, abstained: 0, abstentionRate: 0 });
    expect(report.perDay.map((d) => [d.day, d.total])).toEqual([
      ['2025-03-08', 0],
      ['2025-03-09', 0],
      ['2025-03-10', 0],
    ]);
    expect(report.unanswered).toEqual({ groupCount: 0, groups: [] });
    expect(report.lowestRated).toEqual([]);
    expect(report.topCitedSections).toEqual([]);
    expect(report.platforms).toEqual([]);
    expect(report.featureUse!.map((l) => l.count)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('marks the report unavailable when the file is not a database', () => {
    const path = join(tempDir(), 'not-a.db');
    writeFileSync(path, 'this is not sqlite, just text '.repeat(200));
    const store = openStore({ path, retentionDays: 90, now: () => NOW, logger: { warn: () => {} } });
    open.push(store);
    const report = buildReport(store, { days: 7, now: NOW });
    expect(report.store).toBe('unavailable');
    expect(report.totals.questions).toBe(0);
  });

  it('emptyReport has the same shape as a real report', () => {
    const report = emptyReport({ days: 2, now: NOW }, 'missing');
    expect(reportSchema.parse(report)).toEqual(report);
    expect(report.store).toBe('missing');
    expect(report.perDay).toEqual([
      { day: '2025-03-09', total: 0, answered: 0, abstained: 0 },
      { day: '2025-03-10', total: 0, answered: 0, abstained: 0 },
    ]);
  });

  it('works with any store that answers the report queries', () => {
    const fake: ReportSource = {
      healthy: true,
      abstentionRate: () => ({ total: 2, abstained: 1, rate: 0.5 }),
      dailyActivity: () => [{ day: '2025-03-10', total: 2, abstained: 1 }],
      platformBreakdown: () => [{ platform: 'slack', total: 2, abstained: 1 }],
      topUnanswered: () => [{ question: 'Is there a CPC study group?', count: 1, lastTs: NOW }],
      lowestRated: () => [],
      topCitedSections: () => [{ section: 'Certifications › CPC', count: 1 }],
    };
    const report = buildReport(fake, { days: 1, now: NOW });
    expect(report.perDay).toEqual([{ day: '2025-03-10', total: 2, answered: 1, abstained: 1 }]);
    expect(report.unanswered.groups[0]!.representative).toBe('Is there a CPC study group?');
  });

  it('rejects a window that is not a whole number of days', () => {
    const store = openStore({ path: ':memory:', retentionDays: 90, now: () => NOW });
    open.push(store);
    for (const days of [0, -1, 1.5, Number.NaN, 100_000]) {
      expect(() => buildReport(store, { days, now: NOW })).toThrow(InputError);
    }
  });
});
