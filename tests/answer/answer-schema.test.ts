import { beforeAll, describe, expect, it } from 'vitest';
import { answerSchema, type Answer } from '../../src/answer/index.js';
import type { CareerAdvisor } from '../../src/core/index.js';
import { formatHeadingPath } from '../../src/ingest/index.js';
import { openTestAdvisor } from '../helpers/test-advisor.js';
import { citationProblems, markersIn } from '../helpers/guide-files.js';

const QUESTIONS = [
  'How much do entry-level coders make?',
  'Which AHIMA certification is for hospital inpatient coding?',
  'What is the CPC certification?',
  'What are the main work settings for clinical coders?',
  'How long does it take to become a clinical coding specialist?',
  'What are the steps to start a clinical coding career?',
  'Can I work remotely as a coder?',
  'What is the salary range for coding managers or directors?',
  'How much does the CPC exam cost?',
  'Who won the 2022 World Cup?',
  'hello',
];

let advisor: CareerAdvisor;
let answers: Answer[];
let sectionPaths: Map<string, string[]>;

beforeAll(async () => {
  advisor = await openTestAdvisor();
  answers = [];
  for (const q of QUESTIONS) answers.push(await advisor.ask(q));
  sectionPaths = new Map(advisor.index.documents.flatMap((d) => d.sections.map((s) => [formatHeadingPath(s.headingPath), s.blocks.map((b) => b.text)] as const)));
});

describe('the answer JSON contract', () => {
  it('every answer from advisor.ask parses with answerSchema, also after a JSON round trip', () => {
    for (const answer of answers) {
      expect(answerSchema.safeParse(answer).error).toBeUndefined();
      expect(answerSchema.parse(JSON.parse(JSON.stringify(answer)))).toEqual(answer);
    }
    // The set covers answers, small talk and at least one reply that does not answer (abstained or partial).
    const kinds = new Set(answers.map((a) => a.kind));
    for (const kind of kinds) expect(['answer', 'partial', 'abstained', 'smalltalk']).toContain(kind);
    expect(kinds.has('answer') && kinds.has('smalltalk') && (kinds.has('abstained') || kinds.has('partial'))).toBe(true);
  });

  it('echoes the question, gives each answer a unique id and non-negative timings', () => {
    answers.forEach((a, i) => expect(a.question).toBe(QUESTIONS[i]));
    expect(new Set(answers.map((a) => a.id)).size).toBe(answers.length);
    for (const a of answers) {
      const { retrieve_ms, answer_ms, total_ms } = a.timings;
      for (const t of [retrieve_ms, answer_ms, total_ms]) expect(Number.isFinite(t) && t >= 0).toBe(true);
      expect(total_ms).toBeGreaterThanOrEqual(Math.max(retrieve_ms, answer_ms) - 0.02);
    }
  });

  it('numbers citations 1..n in order; every [n] in the text has a citation and every citation is used', () => {
    const answered = answers.filter((a) => a.kind === 'answer');
    expect(answered.length).toBeGreaterThanOrEqual(5);
    for (const a of answered) {
      expect(a.citations.length, a.question).toBeGreaterThan(0);
      expect(citationProblems(a), a.question).toEqual([]);
    }
    for (const a of answers.filter((x) => x.kind !== 'answer')) {
      expect(a.citations).toEqual([]);
      // A partial answer's markers point at the related lines it offers; other replies have none.
      if (a.kind === 'partial') expect(citationProblems({ ...a, citations: a.related ?? [] }), a.question).toEqual([]);
      else expect(markersIn(a.answer)).toEqual([]);
    }
  });

  it('cites sections as their heading path joined with " › ", from the guide file', () => {
    const cited = answers.flatMap((a) => a.citations);
    expect(cited.length).toBeGreaterThan(0);
    for (const c of cited) {
      expect(sectionPaths.has(c.section), `unknown section "${c.section}"`).toBe(true);
      expect(c.source).toBe('clinical-coding-specialist-guide.md');
    }
    // Nested sections show their parent: the separator really is " › ".
    expect(cited.some((c) => c.section === 'Salary and Compensation › Compensation Overview')).toBe(true);
  });

  it('quotes only the guide\'s own lines, from the cited section', () => {
    for (const a of answers) {
      for (const c of a.citations) {
        const blocks = sectionPaths.get(c.section) ?? [];
        expect(c.quote.length).toBeGreaterThan(0);
        for (const line of c.quote.split('\n')) {
          // A quote is a whole block, a sentence of one, or (for list answers) a child heading.
          const inSection = blocks.some((b) => b === line || b.includes(line));
          const childHeading = [...sectionPaths.keys()].some((p) => p === `${c.section} › ${line}`);
          expect(inSection || childHeading, `"${line}" is not in ${c.section}`).toBe(true);
        }
      }
    }
  });

  it('answerSchema rejects malformed answers', () => {
    const good = answers.find((a) => a.kind === 'answer')!;
    expect(answerSchema.safeParse({ ...good, citations: [{ ...good.citations[0], n: 0 }] }).success).toBe(false);
    expect(answerSchema.safeParse({ ...good, abstained: 'no' }).success).toBe(false);
    expect(answerSchema.safeParse({ ...good, kind: 'poem' }).success).toBe(false);
    const { timings: _t, ...noTimings } = good;
    expect(answerSchema.safeParse(noTimings).success).toBe(false);
  });
});
