import { describe, expect, it } from 'vitest';
import { contentTerms, isStopWord } from '../../src/text/index.js';

describe('content terms', () => {
  it('drops indefinite pronouns and adverbs: a guide seldom writes them, so as terms they would weigh most', () => {
    for (const word of ['something', 'anything', 'everyone', 'somewhere', 'anyway', 'whatever']) expect(isStopWord(word), word).toBe(true);
    expect(contentTerms('Could I switch to something I do from home?')).toEqual(['switch', 'home']);
  });

  it('drops words of contrast and comparison: chat ends with "tho" and compares with "vs"', () => {
    expect(contentTerms('how much do leads make though')).toEqual(['lead', 'make']);
    expect(contentTerms('day shift vs night shift, whether')).toEqual(['day', 'shift', 'night', 'shift']);
  });

  it('drops focusing and stance adverbs chat adds to a question', () => {
    expect(contentTerms('who even reads the reports, is it actually hard')).toEqual(contentTerms('who reads the reports, is it hard'));
  });

  it('drops lone letters (chat "n" for "and") but keeps lone digits', () => {
    expect(contentTerms('cn i start in jan n go full time for 6 months')).not.toContain('n');
    expect(contentTerms('level 2 or 3')).toEqual(['level', '2', '3']);
  });

  it('keeps the words the stop list would drop but questions mean ("make" = earn)', () => {
    expect(contentTerms('How much do they make')).toEqual(['make']);
  });

  it('reads "10%" as "10 percent": guides and questions write either', () => {
    expect(contentTerms('top 10% of technicians')).toEqual(contentTerms('top 10 percent of technicians'));
    expect(contentTerms('raises of 8-10%')).toEqual(contentTerms('raises of 8-10 percent'));
  });
});
