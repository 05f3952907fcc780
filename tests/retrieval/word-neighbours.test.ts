import { describe, expect, it } from 'vitest';
import { WordNeighbours } from '../../src/retrieval/index.js';

/** A three-word guide vocabulary in a 3-d space: each word on its own axis. */
const table = {
  words: ['colleagues', 'salary', 'radiology'],
  vectors: [Float32Array.from([1, 0, 0]), Float32Array.from([0, 1, 0]), Float32Array.from([0, 0, 1])],
};

/** Question words placed near (or far from) the guide words, and a count of embedding calls. */
function fakeEmbedder(space: Record<string, number[]>) {
  const calls: string[][] = [];
  const embed = async (texts: string[]) => {
    calls.push(texts);
    return texts.map((t) => space[t] ?? [0, 0, 0]);
  };
  return { embed, calls };
}

const params = { minSimilarity: 0.55, perWord: 2 };

describe('WordNeighbours', () => {
  it('returns the guide words at least minSimilarity close, nearest first, at most perWord', async () => {
    const { embed } = fakeEmbedder({ coworker: [0.9, 0.3, 0], paycheck: [0.2, 0.9, 0.1], weather: [0.3, 0.3, 0.3] });
    const near = await new WordNeighbours(table, params).lookup(['coworker', 'paycheck', 'weather'], embed);
    expect(near.get('coworker')).toEqual(['colleagues']);
    expect(near.get('paycheck')).toEqual(['salary']);
    // Equally far from everything (cosine 0.577 to each) but still above 0.55: the two closest are kept, no more.
    expect(near.get('weather')).toHaveLength(2);
  });

  it('leaves out words with nothing close enough', async () => {
    const { embed } = fakeEmbedder({ pizza: [0.5, -0.5, -0.7] });
    const near = await new WordNeighbours(table, params).lookup(['pizza'], embed);
    expect(near.has('pizza')).toBe(false);
  });

  it('embeds each word once, in one call per lookup, however often it is asked about', async () => {
    const { embed, calls } = fakeEmbedder({ coworker: [1, 0, 0], boss: [0.8, 0.2, 0] });
    const neighbours = new WordNeighbours(table, params);
    await neighbours.lookup(['coworker', 'coworker'], embed);
    await neighbours.lookup(['coworker', 'boss'], embed);
    expect(calls).toEqual([['coworker'], ['boss']]);
    expect((await neighbours.lookup(['boss'], embed)).get('boss')).toEqual(['colleagues']);
    expect(calls).toHaveLength(2);
  });

  it('does not embed at all when the index has no word vectors (an index of an empty folder)', async () => {
    const { embed, calls } = fakeEmbedder({});
    const near = await new WordNeighbours({ words: [], vectors: [] }, params).lookup(['coworker'], embed);
    expect(near.size).toBe(0);
    expect(calls).toHaveLength(0);
  });
});
