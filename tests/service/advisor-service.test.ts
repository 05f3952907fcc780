import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CommandHandler, CommandRequest } from '../../src/commands/types.js';
import { createCommandHandler } from '../../src/commands/index.js';
import type { CareerAdvisor } from '../../src/core/index.js';
import { createAnswerQueue, createRateLimiter } from '../../src/limits/index.js';
import { phiReminder } from '../../src/privacy/index.js';
import { AdvisorService, createLogger, createMetrics, startHealthServer, storeFeedbackSink, type HealthServer } from '../../src/service/index.js';
import Database from 'better-sqlite3';
import { openStore } from '../../src/store/index.js';
import { openTestAdvisor, testConfig } from '../helpers/test-advisor.js';

/** Free text goes to the real advisor; "boom" throws, as a broken command would. */
function askHandler(advisor: CareerAdvisor, seen: string[] = []): CommandHandler {
  return {
    async handle(request) {
      seen.push(request.text);
      if (request.text === 'boom') throw new Error('kaput');
      return { kind: 'answer', answer: await advisor.ask(request.text, { conversationId: request.conversationId, ...(request.beforeRetrieval ? { beforeRetrieval: request.beforeRetrieval } : {}) }) };
    },
  };
}

/** Every stored question text, straight from the database file. */
function readQuestions(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT question FROM questions ORDER BY ts').all() as Array<{ question: string }>).map((r) => r.question);
  } finally {
    db.close();
  }
}

const request = (text: string, userId = 'u1'): CommandRequest => ({ text, conversationId: 'c1', userId, platform: 'slack' });

describe('AdvisorService', () => {
  let advisor: CareerAdvisor;
  let server: HealthServer | undefined;
  beforeAll(async () => {
    advisor = await openTestAdvisor();
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('redacts patient data before the core, the store and the logs see it, and reminds the user', async () => {
    const config = testConfig();
    const store = openStore({ path: config.storePath, retentionDays: 30 });
    const seen: string[] = [];
    const logLines: string[] = [];
    const logger = createLogger({ LOG_LEVEL: 'info' }, new Writable({ write: (chunk, _e, done) => (logLines.push(String(chunk)), done()) }));
    const service = new AdvisorService({ config, advisor, commands: askHandler(advisor, seen), store, logger, metrics: createMetrics() });
    const question = 'Patient John Smith DOB 03/14/1962 MRN 4482913 — how much do entry-level coders make?';
    const result = await service.handle(request(question));
    expect(seen[0]).not.toContain('John Smith');
    expect(seen[0]).not.toContain('4482913');
    expect(result.kind).toBe('answer');
    if (result.kind !== 'answer') return;
    // The reminder is for the asker alone, apart from the (public) answer.
    expect(result.reminder).toBe(phiReminder);
    expect(result.answer.notes ?? []).not.toContain(phiReminder);
    expect(result.answer.answer).toContain('$28,000');
    const unanswered = store.topUnanswered(10);
    expect(unanswered).toEqual([]);
    expect(store.abstentionRate().total).toBe(1);
    expect(logLines.join('')).not.toMatch(/John|Smith|4482913/);
    await service.close();
  });

  it.each([
    ['minimized', '[REDACTED:name] DOB [REDACTED:date] [MASKED] — what is the CPC exam fee?'],
    ['redacted', '[REDACTED:name] DOB [REDACTED:date] ZQ881 — what is the CPC exam fee?'],
    ['none', ''],
  ] as const)('STORE_QUESTION_TEXT=%s decides what the store keeps; the advisor always gets the minimized question', async (mode, stored) => {
    const config = { ...testConfig(), STORE_QUESTION_TEXT: mode };
    const store = openStore({ path: config.storePath, retentionDays: 30 });
    const seen: string[] = [];
    const service = new AdvisorService({ config, advisor, commands: askHandler(advisor, seen), store });
    // "ZQ881" is identifier-shaped but behind no label: only the minimizer masks it, and the answer never sees it.
    const result = await service.handle(request('Harriet Wexley DOB 2/11/1950 ZQ881 — what is the CPC exam fee?'));
    expect(seen[0]).toBe('[REDACTED:name] DOB [REDACTED:date] [MASKED] — what is the CPC exam fee?');
    expect(result.reminder).toBe(phiReminder);
    await service.close();
    expect(readQuestions(config.storePath)).toEqual([stored]);
  });

  it('reminds the asker when only the minimizer masked something, and not when nothing was touched', async () => {
    const config = testConfig();
    const service = new AdvisorService({ config, advisor, commands: askHandler(advisor) });
    const masked = await service.handle(request('can you check ZQ881 for me, is the CPC worth it?'));
    expect(masked.reminder).toBe(phiReminder);
    const clean = await service.handle(request('Is 99214 with modifier 25 worth the CPC at $52,000 a year?', 'u2'));
    expect(clean.reminder).toBeUndefined();
    await service.close();
  });

  it('records abstentions for the knowledge-gap report and feedback for the answer', async () => {
    const config = testConfig();
    const store = openStore({ path: config.storePath, retentionDays: 30 });
    const voting = await openTestAdvisor({ config, feedback: storeFeedbackSink(store) });
    const service = new AdvisorService({ config, commands: askHandler(voting), store });
    const miss = await service.handle(request('Who won the 2022 World Cup?'));
    expect(miss.kind === 'answer' && miss.answer.abstained).toBe(true);
    const hit = await service.handle(request('Which AHIMA certification is for hospital inpatient coding?'));
    if (hit.kind !== 'answer') throw new Error('expected an answer');
    voting.recordFeedback({ answerId: hit.answer.id!, userId: 'u2', vote: 'down', platform: 'slack' });
    expect(store.topUnanswered(5).map((q) => q.question)).toEqual(['Who won the 2022 World Cup?']);
    expect(store.lowestRated(5)[0]).toMatchObject({ question: 'Which AHIMA certification is for hospital inpatient coding?' });
    await service.close();
  });

  it('records the card, plan and quiz use a reply stands for, and a store that throws costs no reply', async () => {
    const config = testConfig();
    const store = openStore({ path: config.storePath, retentionDays: 30 });
    const service = new AdvisorService({ config, advisor, commands: createCommandHandler(advisor, { quizSeed: 'usage' }), store });
    expect((await service.handle(request('quiz 1'))).kind).toBe('quiz-question');
    expect((await service.handle(request('quiz answer A', 'u2'))).kind).toBe('quiz-answer');
    expect((await service.handle(request('plan', 'u2'))).kind).toBe('plan-question');
    expect(store.featureUse()).toEqual([
      { feature: 'plan', action: 'started', platform: 'slack', count: 1, users: 1 },
      { feature: 'quiz', action: 'answered', platform: 'slack', count: 1, users: 1 },
      { feature: 'quiz', action: 'started', platform: 'slack', count: 1, users: 1 },
    ]);
    await service.close();

    const logLines: string[] = [];
    const logger = createLogger({ LOG_LEVEL: 'info' }, new Writable({ write: (chunk, _e, done) => (logLines.push(String(chunk)), done()) }));
    const failing = { healthy: true, recordQuestion: () => {}, recordFeedback: () => {}, recordFeatureUse: () => { throw new Error('disk full'); }, close: () => {} };
    const broken = new AdvisorService({ config, advisor, commands: createCommandHandler(advisor, { quizSeed: 'usage' }), store: failing, logger });
    expect((await broken.handle(request('quiz 1'))).kind).toBe('quiz-question');
    expect(logLines.join('')).toContain('feature use not recorded');
    expect(logLines.join('')).toContain('disk full');
  });

  it('counts only questions answered from the guide toward the rate limit: greetings, quiz and plan answers never do', async () => {
    const limiter = createRateLimiter({ perUser: { points: 2, durationSeconds: 60 }, perChannel: { points: 100, durationSeconds: 60 } });
    const metrics = createMetrics();
    const service = new AdvisorService({ config: testConfig(), advisor, commands: createCommandHandler(advisor, { quizSeed: 'limits' }), limiter, metrics });
    // A DM (solo): each quiz answer closes its question.
    const say = (text: string) => service.handle({ text, conversationId: 'limits-1', userId: 'u-limits', platform: 'discord', solo: true });
    for (const greeting of ['hi!', 'thanks', 'hello there']) expect(await say(greeting)).toMatchObject({ kind: 'answer', answer: { kind: 'smalltalk' } });
    expect((await say('quiz 3')).kind).toBe('quiz-question');
    for (const letter of ['A', 'B', 'C']) expect((await say(letter)).kind).toBe('quiz-round');
    expect((await say('plan')).kind).toBe('plan-question');
    expect((await say('I have a high school diploma')).kind).toMatch(/^plan/);
    expect((await say('plan cancel')).kind).toBe('help');
    expect((await say('cert CPC')).kind).toBe('cert');
    expect((await say('How long does CPC certification take?')).kind).toBe('answer');
    expect((await say('What do coders earn?')).kind).toBe('answer');
    expect(await say('Where do coders work?')).toMatchObject({ kind: 'error', code: 'RATE_LIMITED', message: expect.stringMatching(/try again in \d+ s/) });
    // Refused questions never reached retrieval, and a greeting still gets its reply.
    expect(await say('hi')).toMatchObject({ kind: 'answer', answer: { kind: 'smalltalk' } });
    expect(await metrics.registry.getSingleMetricAsString('career_advisor_rate_limited_total')).toMatch(/platform="discord"} 1/);
  });

  it('answers politely instead of going silent when limited, busy, broken or handed an oversized message', async () => {
    const config = testConfig({ MAX_QUESTION_CHARS: '200' });
    vi.useFakeTimers({ toFake: ['Date'] });
    const limiter = createRateLimiter({ perUser: { points: 2, durationSeconds: 30 }, perChannel: { points: 100, durationSeconds: 60 } });
    const metrics = createMetrics();
    const service = new AdvisorService({ config, advisor, commands: askHandler(advisor), limiter, metrics });
    expect((await service.handle(request('x'.repeat(201)))).kind).toBe('error');
    expect((await service.handle(request('boom')))).toMatchObject({ kind: 'error', code: 'INTERNAL' });
    expect((await service.handle(request('How do I become a CPC?'))).kind).toBe('answer');
    expect((await service.handle(request('And then?'))).kind).toBe('answer');
    const limited = await service.handle(request('What does a CPC earn?'));
    expect(limited).toMatchObject({ kind: 'error', code: 'RATE_LIMITED' });
    expect(limited.kind === 'error' && limited.message).toMatch(/try again in \d+ s/);
    vi.advanceTimersByTime(31_000);
    expect((await service.handle(request('What is the CPC certification?'))).kind).toBe('answer');
    vi.useRealTimers();
    expect(await metrics.registry.getSingleMetricAsString('career_advisor_errors_total')).toMatch(/platform="slack"} 1/);

    const queue = createAnswerQueue({ concurrency: 1, maxPending: 0 });
    const slow: CommandHandler = { handle: () => new Promise((resolve) => setTimeout(() => resolve({ kind: 'help', text: 'x', examples: [] }), 50)) };
    const busyService = new AdvisorService({ config, advisor, commands: slow, queue });
    const [first, second] = await Promise.all([busyService.handle(request('a', 'u7')), busyService.handle(request('b', 'u8'))]);
    expect(first.kind).toBe('help');
    expect(second).toMatchObject({ kind: 'error', code: 'BUSY' });
  });

  it('serves /healthz and Prometheus /metrics with answers, abstentions, errors and latency by platform', async () => {
    const config = testConfig();
    const metrics = createMetrics();
    const service = new AdvisorService({ config, advisor, commands: askHandler(advisor), metrics });
    await service.handle(request('How much do entry-level coders make?'));
    await service.handle(request('Who won the 2022 World Cup?'));
    await service.handle(request('boom'));
    server = await startHealthServer({ port: 0, registry: metrics.registry, health: () => service.health() });
    const health = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, store: 'disabled' });
    const text = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
    expect(text).toMatch(/career_advisor_answers_total\{platform="slack",kind="answer"\} 2/);
    expect(text).toMatch(/career_advisor_abstentions_total\{platform="slack"\} 1/);
    expect(text).toMatch(/career_advisor_errors_total\{platform="slack"\} 1/);
    expect(text).toMatch(/career_advisor_answer_seconds_count\{platform="slack"\} 2/);
    expect((await fetch(`http://127.0.0.1:${server.port}/nope`)).status).toBe(404);
  });

  it('keeps answering when the store file is corrupt', async () => {
    const config = testConfig();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(config.storePath, 'this is not a sqlite database');
    const warnings: string[] = [];
    const store = openStore({ path: config.storePath, retentionDays: 30, logger: { warn: (_o, msg) => warnings.push(msg) } });
    const service = new AdvisorService({ config, advisor, commands: askHandler(advisor), store });
    const result = await service.handle(request('How much do entry-level coders make?'));
    expect(result.kind).toBe('answer');
    expect(service.health().store).toBe(false);
    expect(warnings.length).toBe(1);
    void join;
  });
});
