import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerSchema, type Answer } from '../../src/answer/index.js';
import type { CareerAdvisor } from '../../src/core/index.js';
import { InputError } from '../../src/errors.js';
import { formatHeadingPath, listKnowledgeFiles, parseKnowledgeFile } from '../../src/ingest/index.js';
import { openTestAdvisor } from '../helpers/test-advisor.js';
import { anyChar, guideishText, hostileText, SEED } from './arbitraries.js';

let advisor: CareerAdvisor;
let limit: number;
/** Guide text per source file, and every citable heading path per source. */
const guideText = new Map<string, string>();
const headingPaths = new Map<string, Set<string>>();

beforeAll(async () => {
  advisor = await openTestAdvisor();
  limit = advisor.config.MAX_QUESTION_CHARS;
  for (const file of listKnowledgeFiles(advisor.config.knowledgeDir)) {
    guideText.set(file.source, file.text);
    headingPaths.set(file.source, new Set(parseKnowledgeFile(file).sections.map((s) => formatHeadingPath(s.headingPath))));
  }
});

afterAll(() => {
  if (advisor) rmSync(dirname(advisor.config.indexDir), { recursive: true, force: true });
});

const NORMAL_QUESTIONS = [
  'How much do entry-level coders make?',
  'What does CPC stand for?',
  'How long does it take to get certified?',
  'Which certifications should I get first?',
  'Can I work remotely as a medical coder?',
  'What is the difference between CPC and CCS?',
  'what about remote work',
  'and the salary?',
  'hi',
  'thanks!',
  'Is coding a good career?',
  'What are the steps to become a coder?',
];

/** A normal question with hostile characters spliced in at random places. */
const corruptedQuestion = fc
  .tuple(fc.constantFrom(...NORMAL_QUESTIONS), fc.array(fc.tuple(fc.nat(), fc.array(anyChar, { minLength: 1, maxLength: 4 })), { maxLength: 5 }))
  .map(([q, inserts]) => inserts.reduce((acc, [at, cs]) => { const i = at % (acc.length + 1); return acc.slice(0, i) + cs.join('') + acc.slice(i); }, q));

/** Anything a user could paste: noise, near-empty strings, questions, over-long text. */
const anyQuestion = fc.oneof(
  { weight: 3, arbitrary: corruptedQuestion },
  { weight: 2, arbitrary: hostileText(120) },
  { weight: 2, arbitrary: guideishText },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\n\t', '\u3000', '\u200b', '\ufeff', '\u0000', '?', '[1]', '[REDACTED:name]', ...NORMAL_QUESTIONS) },
  // around the length limit (1000 by default): just under, at, just over
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...NORMAL_QUESTIONS), fc.integer({ min: -3, max: 3 })).map(([q, d]) => `${q} `.repeat(200).slice(0, 1_000 + d)) },
);

/** Checks an answer is valid and self-consistent. */
function checkAnswer(answer: Answer, asked: string): void {
  const parsed = answerSchema.safeParse(answer);
  expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
  expect(answer.question).toBe(asked.trim());
  expect(answer.answer.trim()).not.toBe('');
  // every [n] marker in the text has a citation (a partial answer's markers point at its related lines), numbered 1..k
  const cited = answer.kind === 'partial' ? (answer.related ?? []) : answer.citations;
  for (const m of answer.answer.matchAll(/\[(\d+)\]/g)) {
    expect(cited.some((c) => c.n === Number(m[1]))).toBe(true);
  }
  expect(cited.map((c) => c.n)).toEqual(cited.map((_, i) => i + 1));
  for (const c of cited) {
    // cites a real section of a real guide file, quoting the guide's own lines verbatim
    expect(headingPaths.get(c.source)?.has(c.section), `unknown section ${c.source} › ${c.section}`).toBe(true);
    expect(c.quote.trim()).not.toBe('');
    for (const line of c.quote.split('\n')) expect(guideText.get(c.source)!.includes(line), `quote not verbatim: ${line}`).toBe(true);
  }
  if (answer.abstained) {
    expect(answer.citations).toEqual([]);
    expect(['abstained', 'partial']).toContain(answer.kind);
    expect(answer.kind === 'partial').toBe((answer.related?.length ?? 0) > 0);
  }
  if (answer.kind === 'answer') expect(answer.citations.length).toBeGreaterThan(0);
}

/** An Answer, or an InputError for empty/too-long input; any other error fails the property. */
async function askOrInputError(question: string, conversationId?: string): Promise<'answer' | 'input-error'> {
  const invalid = question.trim() === '' || question.length > limit;
  try {
    const answer = await advisor.ask(question, conversationId ? { conversationId } : {});
    expect(invalid, `accepted an ${question.length}-char question that should be rejected`).toBe(false);
    checkAnswer(answer, question);
    return 'answer';
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(invalid, `InputError for a valid question: ${error.message}`).toBe(true);
    expect(error.code).toBe('INPUT_INVALID');
    return 'input-error';
  }
}

describe('CareerAdvisor.ask on arbitrary input', () => {
  it('returns a valid Answer (every [n] cited, abstentions uncited) or throws InputError — never another error', async () => {
    const outcomes = { answer: 0, 'input-error': 0 };
    await fc.assert(
      fc.asyncProperty(anyQuestion, async (q) => {
        outcomes[await askOrInputError(q)] += 1;
      }),
      { seed: SEED, numRuns: 250 },
    );
    // the generator reaches both outcomes
    expect(outcomes.answer).toBeGreaterThan(50);
    expect(outcomes['input-error']).toBeGreaterThan(5);
  });

  it('keeps working across conversations of arbitrary follow-ups (history never breaks a later turn)', async () => {
    let conversation = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(anyQuestion, { minLength: 1, maxLength: 6 }), async (turns) => {
        const id = `prop-${(conversation += 1)}`;
        for (const q of turns) await askOrInputError(q, id);
        advisor.forget(id);
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('control characters and random Unicode inside normal questions do not crash and still answer', async () => {
    await fc.assert(
      fc.asyncProperty(corruptedQuestion.filter((q) => q.trim() !== '' && q.length <= 1_000), async (q) => {
        expect(await askOrInputError(q)).toBe('answer');
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('answers deterministically: the same question in a fresh conversation gets the same answer and citations', async () => {
    await fc.assert(
      fc.asyncProperty(anyQuestion.filter((q) => q.trim() !== '' && q.length <= 1_000), async (q) => {
        const strip = ({ id: _id, timings: _t, ...rest }: Answer) => rest;
        expect(strip(await advisor.ask(q))).toEqual(strip(await advisor.ask(q)));
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('a ~100 KB question gets an InputError that states the length and the limit', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(guideishText, hostileText(50), fc.constantFrom(...NORMAL_QUESTIONS)), async (piece) => {
        const q = (piece.trim() ? piece : 'x').repeat(Math.ceil(100_000 / Math.max(1, piece.length || 1))).slice(0, 100_000);
        const error = await advisor.ask(q).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(InputError);
        const message = (error as InputError).message;
        expect(message).toContain(String(q.length));
        expect(message).toContain(String(limit));
        expect(message).toMatch(/shorten/i);
      }),
      { seed: SEED, numRuns: 10 },
    );
  });

  it('empty and whitespace-only questions get an InputError that says the question is empty', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(' ', '\t', '\n', '\r\n', '\u00a0', '\u3000', '\u2028', '\ufeff', '\u2003'), { maxLength: 20 }), async (ws) => {
        const error = await advisor.ask(ws.join('')).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(InputError);
        expect((error as InputError).message).toMatch(/empty/i);
      }),
      { seed: SEED, numRuns: 50 },
    );
  });

  it('validateQuestion rejects non-strings with InputError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.constant(null), fc.constant(undefined), fc.object(), fc.array(fc.string())), (value) => {
        expect(() => advisor.validateQuestion(value)).toThrow(InputError);
      }),
      { seed: SEED, numRuns: 50 },
    );
  });
});
