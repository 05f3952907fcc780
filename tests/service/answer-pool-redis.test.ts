import { afterAll, beforeAll, expect, it } from 'vitest';
import { pino } from 'pino';
import { loadConfig } from '../../src/config/index.js';
import { AnswerWorkerPool } from '../../src/service/answer-pool/index.js';
import { describeWithService, services, uniquePrefix } from '../helpers/services.js';

/**
 * Worker threads and shared state together: with REDIS_URL every answer worker opens the same
 * Redis, so two pools (standing in for two processes, one thread each) share conversations,
 * quizzes and plans. Without Redis only conversation affinity keeps a conversation together,
 * which cannot span processes.
 */
describeWithService('Redis', services.redisUrl, 'AnswerWorkerPool with REDIS_URL', (url) => {
  const pools: AnswerWorkerPool[] = [];
  const request = (text: string, conversationId: string, userId = 'u1') => ({ text, conversationId, userId, platform: 'slack' as const });

  beforeAll(async () => {
    const config = loadConfig({ WORKER_THREADS: '1', INDEX_AUTO_REBUILD: 'false', LOG_LEVEL: 'silent', REDIS_URL: url, REDIS_PREFIX: uniquePrefix('answer-pool') });
    pools.push(await AnswerWorkerPool.start(config, pino({ level: 'silent' })), await AnswerWorkerPool.start(config, pino({ level: 'silent' })));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });

  it('a follow-up answered by another process has the first question as context', async () => {
    const [a, b] = pools as [AnswerWorkerPool, AnswerWorkerPool];
    const id = 'slack:C1:1700000000.000100';
    await a.handle(request('Which AHIMA credential is for inpatient coding?', id));
    const followUp = await b.handle(request('And the one for physician offices?', id));
    expect(followUp.kind).toBe('answer');
    if (followUp.kind === 'answer') expect(followUp.answer.rewritten_question).toContain('Which AHIMA credential is for inpatient coding?');
  });

  it('a quiz started on one process is answered on the other', async () => {
    const [a, b] = pools as [AnswerWorkerPool, AnswerWorkerPool];
    const id = 'slack:C2:1700000000.000200';
    expect((await a.handle(request('quiz', id))).kind).toBe('quiz-question');
    expect((await b.handle(request('quiz answer A', id, 'u2'))).kind).toBe('quiz-answer');
    // The other process sees the answer: the same player cannot answer twice there.
    expect(await a.handle(request('quiz answer B', id, 'u2'))).toMatchObject({ kind: 'error', code: 'QUIZ_ALREADY_ANSWERED' });
  });
});
