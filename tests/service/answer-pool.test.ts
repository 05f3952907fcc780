import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from 'node:worker_threads';
import { pino } from 'pino';
import { loadConfig } from '../../src/config/index.js';
import { AnswerWorkerPool, affinity } from '../../src/service/answer-pool/index.js';
import { RateLimitedError } from '../../src/errors.js';

/**
 * The answer worker pool with the real (built) worker script, the package's USE-lite index and
 * two threads: answers come back as from the in-process command layer, a conversation stays on
 * one worker, and a worker that dies fails only its own requests and is replaced.
 */
let pool: AnswerWorkerPool;
const request = (text: string, conversationId = `c-${Math.random()}`) => ({ text, conversationId, userId: 'u1', platform: 'cli' as const });

beforeAll(async () => {
  const config = loadConfig({ WORKER_THREADS: '2', INDEX_AUTO_REBUILD: 'false', LOG_LEVEL: 'silent' });
  pool = await AnswerWorkerPool.start(config, pino({ level: 'silent' }));
}, 120_000);

afterAll(async () => {
  await pool?.close();
});

describe('AnswerWorkerPool', () => {
  it('answers on a worker thread, with citations', async () => {
    const result = await pool.handle(request('How much do entry-level coders make?'));
    expect(result.kind).toBe('answer');
    if (result.kind !== 'answer') return;
    expect(result.answer.answer).toContain('$28,000');
    expect(result.answer.citations.length).toBeGreaterThan(0);
  });

  it('runs commands too, and returns coded errors as error results', async () => {
    expect((await pool.handle(request('cert CPC'))).kind).toBe('cert');
    expect(await pool.handle(request('   '))).toMatchObject({ kind: 'error', code: 'INPUT_INVALID' });
  });

  it('keeps a conversation on one worker, so follow-ups have their context', async () => {
    const id = 'follow-up-conversation';
    await pool.handle(request('Which AHIMA credential is for inpatient coding?', id));
    const followUp = await pool.handle(request('And the one for physician offices?', id));
    expect(followUp.kind).toBe('answer');
    if (followUp.kind === 'answer') expect(followUp.answer.rewritten_question).toContain('Which AHIMA credential is for inpatient coding?');
  });

  it('asks the main thread before retrieval (its rate limit): greetings, cards and quiz answers never ask, a refusal comes back coded', async () => {
    const asked: string[] = [];
    const gate = (text: string, refuse = false) => async () => {
      asked.push(text);
      if (refuse) throw new RateLimitedError("You're asking faster than I can keep up; please try again in 9 s.");
    };
    const send = (text: string, refuse = false) => pool.handle({ ...request(text, 'gated'), solo: true, beforeRetrieval: gate(text, refuse) });
    expect(await send('hi!')).toMatchObject({ kind: 'answer', answer: { kind: 'smalltalk' } });
    expect((await send('quiz 1')).kind).toBe('quiz-question');
    expect((await send('B')).kind).toBe('quiz-round');
    expect((await send('How much do entry-level coders make?')).kind).toBe('answer');
    // A credential named alone gets its card (no retrieval), so it never asks either.
    expect((await send('What is a CPC?')).kind).toBe('cert');
    expect(await send('How long does certification take?', true)).toMatchObject({ kind: 'error', code: 'RATE_LIMITED', message: expect.stringContaining('try again in 9 s') });
    expect(asked).toEqual(['How much do entry-level coders make?', 'How long does certification take?']);
  });

  it('spreads conversations over the workers', () => {
    const counts = [0, 0];
    for (let i = 0; i < 1000; i++) counts[affinity(`slack:C${i % 10}:${1700000000 + i}.000100`, 2)]!++;
    expect(Math.min(...counts)).toBeGreaterThan(350);
  });

  it('a worker that dies fails only its own requests and is replaced', async () => {
    const id = 'conversation-on-a-dying-worker';
    const index = affinity(id, pool.size);
    const slots = (pool as unknown as { slots: Array<{ worker: Worker }> }).slots;
    const inFlight = pool.handle(request('What is a CPC?', id));
    await slots[index]!.worker.terminate();
    await expect(inFlight).rejects.toThrow(/answer worker \d stopped/);
    // "What is a CPC?" names a credential alone, so the replacement worker shows its card.
    const again = await pool.handle(request('What is a CPC?', id));
    expect(again).toMatchObject({ kind: 'cert', card: { acronym: 'CPC' } });
  }, 60_000);
});
