import { describe, expect, it } from 'vitest';
import { analyzeQuery, detectQuantity } from '../../src/retrieval/index.js';
import { hasQuantity } from '../../src/retrieval/matching.js';
import { stem } from '../../src/text/index.js';

const terms = (q: string) => analyzeQuery(q).terms.filter((t) => !t.hint).map((t) => t.term);

describe('analyzeQuery', () => {
  it('marks figures the asker gives about themselves as scene-setting, and figures asked about as asked', () => {
    const setup = (q: string) => analyzeQuery(q).terms.filter((t) => t.setup).map((t) => t.token);
    expect(setup("I'm making about $41k and wondering whether the course is worth it")).toEqual(['$41k']);
    expect(setup('my offer is 52k, is that low?')).toEqual(['52k']);
    expect(setup('what does a tech make in year 3?')).toEqual([]);
    expect(setup('how do I get from 41k to 60k?')).toEqual([]);
  });

  it('reads a small number in digits and in words as one term, except a figure the asker gives about themselves', () => {
    const four = analyzeQuery('is a 4 yr degree worth it?').terms.find((t) => t.token === '4');
    expect(four?.alternatives.has('four')).toBe(true);
    expect(analyzeQuery('failed the exam 3x, now what?').terms.find((t) => t.token === '3x')?.alternatives.has('three')).toBe(true);
    const two = analyzeQuery("I'm two years into the job. How long until I lead a team?").terms.find((t) => t.token === 'two');
    expect(two?.setup).toBe(true);
    expect(two?.alternatives.size).toBe(0);
  });

  it('reads "what\'s the range" as asking for a number, and does not require the word "range"', () => {
    expect(detectQuantity('year end bonus for techs, whats the range')).toBe('number');
    expect(detectQuantity('What is the normal range for PaCO2?')).toBe('number');
    expect(terms('year end bonus for techs, whats the range')).not.toContain(stem('range'));
    expect(terms('which range of motion exercises are taught?')).toContain(stem('range'));
  });

  it('reads interjections and stance markers as nothing ("tbh", "wtf")', () => {
    expect(terms('does accreditation even matter tbh')).toEqual(terms('does accreditation even matter'));
    expect(terms('wtf is an MAR')).toEqual(terms('is an MAR'));
  });

  it('spells out chat shorthand before reading the question', () => {
    expect(terms('wat r the reqs 4 this')).toEqual(terms('what are the requirements 4 this'));
    expect(analyzeQuery('cn i wfh').terms.map((t) => t.term)).toContain('home');
  });

  it('reads words joined by a slash as separate terms, and a hyphenated compound as one', () => {
    expect(terms('do techs work nights/weekends?')).toEqual(expect.arrayContaining([stem('nights'), stem('weekends')]));
    expect(terms('do techs work nights/weekends?')).not.toContain('nights/weekends');
    expect(terms('is an entry-level job ok')).toContain('entry-level');
  });

  it('keeps the word as asked beside its stem, for saying what the guide lacks', () => {
    const t = analyzeQuery('How much do newbies earn?').terms.find((x) => x.term === 'newbi');
    expect(t?.token).toBe('newbies');
  });

  it('adds value-type hints for money and duration questions, never required', () => {
    const money = analyzeQuery('what do rookies make');
    expect(money.quantity).toBe('money');
    expect(money.terms.filter((t) => t.hint).map((t) => t.term)).toEqual(expect.arrayContaining(['salari', 'pay']));
    expect(analyzeQuery('how long is the program').terms.some((t) => t.hint && t.term === 'year')).toBe(true);
  });

  it('reads "when" and "what year" as asking for a date, and a year in a line as stating one', () => {
    expect(analyzeQuery('When was the national association founded?').quantity).toBe('date');
    expect(analyzeQuery('what year did the credential start?').quantity).toBe('date');
    expect(hasQuantity('the national professional group, founded in 1923', 'date')).toBe(true);
    expect(hasQuantity('a 2-year program; 2023-2033 projections', 'date')).toBe(false);
  });

  it('gives a question about what something costs no pay words as hints', () => {
    const hints = (q: string) => analyzeQuery(q).terms.filter((t) => t.hint).map((t) => t.term);
    for (const q of ['how much is the test?', 'What does the exam cost?', "what's the renewal fee"]) {
      expect(analyzeQuery(q).quantity).toBe('money');
      expect(hints(q)).not.toContain('salari');
    }
    expect(hints('how much is the starting salary?')).toContain('pay');
    expect(hints('how much do techs make?')).toContain('salari');
  });

  it("weighs the previous question's words above the names its answer gave", () => {
    const query = analyzeQuery('how much is the test?', { question: 'Tell me about the RMA credential.', entities: ['NCMA', 'NCCT'], weight: 0.5 });
    const weight = (term: string) => query.terms.find((t) => t.term === term)?.weight;
    expect(weight('test')).toBe(1);
    expect(weight('rma')).toBe(0.5);
    expect(weight('ncma')).toBeLessThan(0.5);
    expect(weight('ncct')).toBeGreaterThan(0);
  });

  it('reads the value type a question asks for', () => {
    expect(detectQuantity('how much does it pay')).toBe('money');
    expect(detectQuantity('what is the annual registration fee for the exam?')).toBe('money');
    expect(detectQuantity('what is the difference between the two exams?')).toBeUndefined();
    expect(detectQuantity('just finished my program, what kind of salary should I expect?')).toBe('money');
    expect(detectQuantity('and what does a lead role pay?')).toBe('money');
    expect(detectQuantity('how long does training take')).toBe('duration');
    expect(detectQuantity('when do the updates take effect')).toBe('date');
    expect(detectQuantity('who offers the credential')).toBe('organization');
    expect(detectQuantity('is it stressful')).toBeUndefined();
  });

  it('reads a question written as a noun phrase about money as asking how much, and a yes/no question about cost as not', () => {
    expect(detectQuantity('state license fee?')).toBe('money');
    expect(detectQuantity('cost of the review course')).toBe('money');
    expect(detectQuantity('salary for night shift?')).toBe('money');
    expect(detectQuantity('is the course worth the cost?')).toBeUndefined();
  });

  it('reads a currency sign with no amount as asking how much', () => {
    expect(detectQuantity('the exam $$?? im broke')).toBe('money');
    expect(detectQuantity('do night shifts get extra $?')).toBe('money');
    expect(detectQuantity('a school quoted me $35,000 for the program. is that typical?')).toBeUndefined();
    expect(detectQuantity('is it worth it at £ 24,000 a year?')).toBeUndefined();
  });

  it('reads "how fast does X grow" as asking a rate, and "how fast can I …" as asking how long', () => {
    expect(detectQuantity('How fast is employment in this field expected to grow over the next decade?')).toBe('number');
    expect(detectQuantity('How quickly are salaries rising?')).toBe('number');
    expect(detectQuantity('how quickly will my pay grow')).toBe('number');
    expect(detectQuantity('how fast can I get certified?')).toBe('duration');
    expect(detectQuantity('How quickly can a new technician move up?')).toBe('duration');
    expect(detectQuantity('How quickly must a patient receive copies of their records?')).toBe('duration');
  });
});
