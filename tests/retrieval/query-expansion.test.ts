import { describe, expect, it } from 'vitest';
import { QueryExpander, type Vocabulary } from '../../src/retrieval/index.js';
import { QUALITY } from '../../src/quality/index.js';
import { stem } from '../../src/text/index.js';

/** A tiny guide vocabulary: what a guide about any career might say. */
function vocabulary(words: string[]): Vocabulary {
  const stems = new Set(words.map(stem));
  return { knows: (t) => stems.has(t), words };
}

describe('QueryExpander', () => {
  const vocab = vocabulary(['salary', 'beginner', 'certification', 'remote', 'pharmacy', 'technician', 'experience', 'unclear']);
  const expander = new QueryExpander(vocab);

  it('reaches a guide word through WordNet when the question uses another ("rookie" → "beginner", "wage" → "salary")', () => {
    expect(expander.alternatives('rookie').get(stem('beginner'))).toBeGreaterThan(0);
    expect(expander.alternatives('wage').get(stem('salary'))).toBeGreaterThan(0);
    expect(expander.alternatives('vague').get(stem('unclear'))).toBeGreaterThan(0);
  });

  it('fixes a typo against the guide vocabulary, with the spelling strength', () => {
    const fixed = expander.alternatives('certifcation');
    expect([...fixed.keys()]).toContain(stem('certification'));
    expect(expander.alternatives('technicain').get(stem('technician'))).toBeCloseTo(0.9);
  });

  it('reads a chat abbreviation as the guide word it clips or drops the vowels of', () => {
    const guide = new QueryExpander(vocabulary(['weeks', 'level', 'manager', 'dermatology', 'neurology', 'neurosurgery', 'neurons', 'workshops']));
    expect([...guide.alternatives('wks').keys()]).toEqual([stem('weeks')]);
    expect([...guide.alternatives('lvl').keys()]).toEqual([stem('level')]);
    expect([...guide.alternatives('mngr').keys()]).toEqual([stem('manager')]);
    expect([...guide.alternatives('derm').keys()]).toEqual([stem('dermatology')]);
    // Ambiguous: the most frequent readings, at most QUALITY.matching.abbreviationReadings of them.
    expect([...guide.alternatives('neuro').keys()]).toEqual([stem('neurology'), stem('neurosurgery')]);
    expect(guide.alternatives('wks').get(stem('weeks'))).toBe(QUALITY.matching.relation.abbreviation);
    // Dropping vowels keeps every consonant ("wks" is not "workshops"); two letters could stand for too many words.
    expect(guide.alternatives('wrk').size).toBe(0);
    expect(guide.alternatives('ad').size).toBe(0);
  });

  it('reads a rare English word or a plural clipping as one of the guide\'s frequent words, never a rare one', () => {
    // Most frequent first, as guideWords orders them: "paralegal" and "credential" lead, "paragraph" trails.
    const frequent = ['the', 'paralegal', 'credential', 'california', 'litigation', 'firm'];
    const rare = Array.from({ length: 40 }, (_, i) => `filler${String.fromCharCode(97 + (i % 26))}${i}`);
    const guide = new QueryExpander(vocabulary([...frequent, ...rare, 'paragraph', 'medicine']));
    expect([...guide.alternatives('para').keys()]).toEqual([stem('paralegal')]);
    expect([...guide.alternatives('paras').keys()]).toEqual([stem('paralegal')]);
    expect([...guide.alternatives('creds').keys()]).toEqual([stem('credential')]);
    // Too short to say which word it clips, and "medic" clips only a rare word here.
    expect(guide.alternatives('lit').has(stem('litigation'))).toBe(false);
    expect(guide.alternatives('medic').has(stem('medicine'))).toBe(false);
  });

  it('leaves words the guide already uses alone (no other senses added)', () => {
    expect(expander.alternatives('salary').size).toBe(0);
  });

  it('offers only words the guide uses, with strengths in (0, 1)', () => {
    for (const token of ['rookie', 'wage', 'newbie', 'gig', 'couch', 'zzqx']) {
      for (const [term, strength] of expander.alternatives(token)) {
        expect(vocab.knows(term)).toBe(true);
        expect(strength).toBeGreaterThan(0);
        expect(strength).toBeLessThan(1);
      }
    }
  });

  it('does not guess a fix for short tokens or far-off words', () => {
    expect(expander.alternatives('cn').size).toBe(0);
    expect(expander.alternatives('zzqxwv').size).toBe(0);
  });

  it('adds the guide words nearest in meaning to a word the guide never uses, weaker than any lexicon relation', () => {
    const nearby = new Map([['coworker', ['experience']], ['salary', ['pharmacy']]]);
    const found = expander.withNeighbours(nearby).alternatives('coworker');
    expect(found.get(stem('experience'))).toBe(QUALITY.matching.relation.embedding);
    expect(Math.max(...Object.values(QUALITY.matching.relation).filter((v) => v !== QUALITY.matching.relation.embedding))).toBeGreaterThan(QUALITY.matching.relation.embedding);
    // A word the guide uses keeps its own matches only.
    expect(expander.withNeighbours(nearby).alternatives('salary')).toEqual(expander.alternatives('salary'));
    expect(expander.needsNeighbours('salary')).toBe(false);
    expect(expander.needsNeighbours('coworker')).toBe(true);
    // Numbers, codes and short tokens are never looked up by meaning.
    expect(['99213', 'ab', 'the'].some((t) => expander.needsNeighbours(t))).toBe(false);
  });
});

