import { beforeAll, describe, expect, it } from 'vitest';
import { AnswerabilityDecider, composeNonAnswer } from '../../src/answer/index.js';
import type { CareerAdvisor } from '../../src/core/index.js';
import type { AnswerabilityModel } from '../../src/quality/index.js';
import { detectProperNames } from '../../src/retrieval/index.js';
import { openTestAdvisor } from '../helpers/test-advisor.js';

// A code or acronym the question writes in capitals names something specific. When no searched
// guide uses it, in any form or spelled out, the guide cannot speak to it, however close the rest is.
describe('codes and acronyms the guides never use', () => {
  let advisor: CareerAdvisor;
  beforeAll(async () => {
    advisor = await openTestAdvisor();
  });
  const signals = async (q: string) => (await advisor.retriever.retrieve(advisor.retriever.analyze(q))).signals;

  it('are told apart from the ones the guide uses, spells out or cannot hold', async () => {
    const catalog = advisor.retriever.catalog;
    expect(catalog.knowsAcronym('CPC')).toBe(true); // used as written
    expect(catalog.knowsAcronym('ICD-10')).toBe(true);
    expect(catalog.knowsAcronym('HIM')).toBe(true); // no content word to look for ("him")
    expect(catalog.knowsAcronym('CMAA')).toBe(false);
    expect(catalog.knowsAcronym('PTO')).toBe(false);
    expect((await signals('How many PTO days do hospital coders get?')).unknownNames).toEqual(['PTO']);
    expect((await signals('What does the CPC exam cover?')).unknownNames).toEqual([]);
    // The ones it knows put the question on the guide's topic; a unit after a number is neither.
    expect((await signals('What does the CPC exam cover?')).knownAcronyms).toEqual(['CPC']);
    expect((await signals('Do coding shifts start at 7 AM?')).knownAcronyms).toEqual([]);
  });

  it("are read in the guide's capitals when typed in lower case, unless the word is English", () => {
    const catalog = advisor.retriever.catalog;
    expect(catalog.truecase('is the cpc or ccs harder? and the cpmA?')).toBe('is the CPC or CCS harder? and the cpmA?');
    expect(catalog.truecase('him and her')).toBe('him and her'); // "HIM" in the guide, "him" in English
    expect(advisor.retriever.analyze('whats a ccs').acronyms).toEqual(['CCS']);
  });

  it('count as spelled out from two content words, or from three or more capitalised ones', async () => {
    // The coding guide writes "Electronic Health Records" and "health information" but never "EHRX" or "HIX".
    const catalog = advisor.retriever.catalog;
    expect(catalog.knowsAcronym('EHR')).toBe(true);
    expect(catalog.knowsAcronym('HI')).toBe(true);
    expect(catalog.knowsAcronym('EHRX')).toBe(false);
  });

  it('in a Title Case heading, only from words that end a phrase: the capitals there are style, not a name', () => {
    const catalog = advisor.retriever.catalog;
    // "Core Responsibilities of Clinical Coding Specialists": "CRC" would cross "of" into another phrase.
    expect(catalog.knowsAcronym('CRC')).toBe(false);
    // "Step 7: Pursue Continuous Professional Development": the name ends the phrase, the verb leads it.
    expect(catalog.knowsAcronym('CPD')).toBe(true);
  });

  it('skip capitals right after a number, which are units ("9 AM")', async () => {
    expect((await signals('I work 9 AM to 5 PM, can coding fit part time?')).unknownNames).toEqual([]);
  });

  it('turn an answer the model would give into a partial one', async () => {
    const result = await advisor.retriever.retrieve(advisor.retriever.analyze('What is on the CMAA exam?'));
    const alwaysAnswers = { ...advisor.retriever.models.answerability, threshold: 0 } as AnswerabilityModel;
    expect(new AnswerabilityDecider(alwaysAnswers).decide(result).outcome).not.toBe('answer');
    const known = await advisor.retriever.retrieve(advisor.retriever.analyze('What is on the CPC exam?'));
    expect(new AnswerabilityDecider(alwaysAnswers).decide(known).outcome).toBe('answer');
  });
});

// A place, employer or product the question names, capitalised mid-sentence, is as specific as a code.
describe('names the guides never use', () => {
  let advisor: CareerAdvisor;
  beforeAll(async () => {
    advisor = await openTestAdvisor();
  });
  const signals = async (q: string) => (await advisor.retriever.retrieve(advisor.retriever.analyze(q))).signals;

  it('are the words capitalised mid-sentence, unless the question is in title case', () => {
    expect(detectProperNames('What do coders earn in Texas, or in New Mexico?')).toEqual(['Texas', 'New', 'Mexico']);
    expect(detectProperNames('Kaiser pays coders well?')).toEqual([]); // sentence-initial capitals say nothing
    expect(detectProperNames("is the pay at Kaiser's good? Ask Bob.")).toEqual(['Kaiser', 'Bob']); // "Ask" starts a sentence
    expect(detectProperNames('What Does A Coder Earn In Texas')).toEqual([]);
  });

  it('count only when no searched guide uses them and the asking sentence names them', async () => {
    expect((await signals('What is the average coder salary in Texas?')).unknownNames).toEqual(['Texas']);
    expect((await signals('Do coders log in to Epic every day?')).unknownNames).toEqual([]); // the guide names Epic
    expect((await signals('I moved to Texas last year. What is the average coder salary?')).unknownNames).toEqual([]);
  });

  it('turn an answer the model would give into a partial one that says what is missing', async () => {
    const alwaysAnswers = { ...advisor.retriever.models.answerability, threshold: 0 } as AnswerabilityModel;
    const decide = async (q: string) => new AnswerabilityDecider(alwaysAnswers).decide(await advisor.retriever.retrieve(advisor.retriever.analyze(q))).outcome;
    expect(await decide('What is the average coder salary in Texas?')).not.toBe('answer');
    expect(await decide('What is the average coder salary?')).toBe('answer');
    const answer = await advisor.ask('What is the average clinical coder salary in Texas?');
    expect(answer.abstained).toBe(true);
    expect(answer.kind).toBe('partial');
    expect(answer.answer).toMatch(/^The guide doesn't mention “Texas”\. What it says under/);
    expect(answer.related?.length).toBeGreaterThan(0);
  });

  it('are named one by one, each once, unless the question writes them together', async () => {
    // "3/14" is also read as its parts "3" and "14"; only the whole is named.
    const partial = async (q: string) => {
      const result = await advisor.retriever.retrieve(advisor.retriever.analyze(q));
      return composeNonAnswer(result, { ...new AnswerabilityDecider(advisor.retriever.models.answerability).decide(result), outcome: 'partial' }, []).text;
    };
    expect(await partial('Can I sit the CPC exam on 3/14 in Nebraska?')).toMatch(/^The guide doesn't mention “3\/14” or “Nebraska”\./);
    expect(await partial('Do clinical coders in Texas or Ohio earn a higher salary?')).toMatch(/^The guide doesn't mention “Texas” or “Ohio”\./);
  });
});

describe('days and months', () => {
  it('are capitalised but name no thing the guide lacks', async () => {
    const advisor = await openTestAdvisor();
    const { signals } = await advisor.retriever.retrieve(advisor.retriever.analyze('The encoder was down all weekend, what should coders do on Monday in Texas?'));
    expect(signals.unknownNames).toEqual(['Texas']);
  });
});
