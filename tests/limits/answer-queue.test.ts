import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BusyError, createAnswerQueue, isBusyError, LimitConfigError } from '../../src/limits/index.js';

/** A promise the test resolves or rejects by hand. */
function deferred<T = string>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets pending promise callbacks run (no timers involved). */
const flush = async () => {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
};

describe('createAnswerQueue', () => {
  it('runs up to `concurrency` tasks at once and queues the rest in order', async () => {
    const queue = createAnswerQueue({ concurrency: 2, maxPending: 5 });
    const tasks = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const results = tasks.map((d, i) =>
      queue.run(() => {
        started.push(i);
        return d.promise;
      }),
    );
    expect(started).toEqual([0, 1]);
    expect([queue.active, queue.pending]).toEqual([2, 2]);

    tasks[1]!.resolve('one');
    await flush();
    expect(started).toEqual([0, 1, 2]);
    tasks[0]!.resolve('zero');
    await flush();
    expect(started).toEqual([0, 1, 2, 3]);
    tasks[2]!.resolve('two');
    tasks[3]!.resolve('three');
    await expect(Promise.all(results)).resolves.toEqual(['zero', 'one', 'two', 'three']);
    expect([queue.active, queue.pending]).toEqual([0, 0]);
  });

  it('rejects immediately with a typed BusyError when full, and accepts again once there is room', async () => {
    const queue = createAnswerQueue({ concurrency: 1, maxPending: 1 });
    const running = deferred();
    const first = queue.run(() => running.promise);
    const second = queue.run(async () => 'queued');
    let ran = false;
    const third = queue.run(async () => {
      ran = true;
      return 'never';
    });

    const err = await third.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BusyError);
    expect(isBusyError(err)).toBe(true);
    expect((err as BusyError).code).toBe('BUSY');
    expect(ran).toBe(false);
    expect([queue.active, queue.pending]).toEqual([1, 1]);

    running.resolve('done');
    await expect(first).resolves.toBe('done');
    await expect(second).resolves.toBe('queued');
    await expect(queue.run(async () => 'again')).resolves.toBe('again');
  });

  it('with maxPending 0 only the running slots exist', async () => {
    const queue = createAnswerQueue({ concurrency: 1, maxPending: 0 });
    const running = deferred();
    const first = queue.run(() => running.promise);
    await expect(queue.run(async () => 'x')).rejects.toBeInstanceOf(BusyError);
    running.resolve('ok');
    await expect(first).resolves.toBe('ok');
  });

  it('passes task failures through and frees the slot', async () => {
    const queue = createAnswerQueue({ concurrency: 1, maxPending: 2 });
    const failing = queue.run(async () => {
      throw new Error('model timeout');
    });
    const throwingSync = queue.run(() => {
      throw new Error('sync boom');
    });
    const next = queue.run(() => 'fine');
    await expect(failing).rejects.toThrow('model timeout');
    await expect(throwingSync).rejects.toThrow('sync boom');
    await expect(next).resolves.toBe('fine');
    expect([queue.active, queue.pending]).toEqual([0, 0]);
  });

  it('onIdle resolves once everything has finished', async () => {
    const queue = createAnswerQueue({ concurrency: 1, maxPending: 3 });
    await queue.onIdle(); // already idle
    const a = deferred();
    const b = deferred();
    void queue.run(() => a.promise);
    void queue.run(() => b.promise);
    let idle = false;
    void queue.onIdle().then(() => (idle = true));
    a.resolve('a');
    await flush();
    expect(idle).toBe(false);
    b.resolve('b');
    await flush();
    expect(idle).toBe(true);
  });

  it.each([
    [{ concurrency: 0, maxPending: 1 }],
    [{ concurrency: 1.5, maxPending: 1 }],
    [{ concurrency: 1, maxPending: -1 }],
    [{ concurrency: 1, maxPending: Number.NaN }],
  ])('rejects config %j', (options) => {
    expect(() => createAnswerQueue(options)).toThrow(LimitConfigError);
  });

  it('isBusyError recognises the code, not just the class', () => {
    expect(isBusyError(Object.assign(new Error('x'), { code: 'BUSY' }))).toBe(true);
    expect(isBusyError(new Error('x'))).toBe(false);
    expect(isBusyError('BUSY')).toBe(false);
  });
});

describe('createAnswerQueue — properties', () => {
  type Op = { kind: 'submit' } | { kind: 'finish'; pick: number };
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.constant<Op>({ kind: 'submit' }),
    fc.nat({ max: 50 }).map<Op>((pick) => ({ kind: 'finish', pick })),
  );

  it('stays within bounds, refuses only when full, and completes every accepted task', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(op, { maxLength: 60 }),
        async (concurrency, maxPending, ops) => {
          const queue = createAnswerQueue({ concurrency, maxPending });
          const running: Array<{ id: number; finish: (id: number) => void }> = [];
          const outcomes: Array<Promise<string>> = [];
          const expected: string[] = [];
          const submit = (id: number) => {
            expected.push(queue.active >= concurrency && queue.pending >= maxPending ? 'busy' : 'done');
            const task = () => {
              const d = deferred<number>();
              running.push({ id, finish: d.resolve });
              return d.promise;
            };
            outcomes.push(
              queue.run(task).then(
                (v) => (v === id ? 'done' : `wrong result ${v}`),
                (e: unknown) => (isBusyError(e) ? 'busy' : 'other error'),
              ),
            );
          };
          const finish = (pick: number) => {
            const [task] = running.splice(pick % running.length, 1);
            task?.finish(task.id);
          };

          for (const o of ops) {
            if (o.kind === 'submit') submit(expected.length);
            else if (running.length > 0) finish(o.pick);
            await flush();
            expect(queue.active).toBeLessThanOrEqual(concurrency);
            expect(queue.pending).toBeLessThanOrEqual(maxPending);
          }
          while (running.length > 0) {
            finish(0);
            await flush();
          }
          expect(await Promise.all(outcomes)).toEqual(expected);
          expect([queue.active, queue.pending]).toEqual([0, 0]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
