import { describe, expect, it } from 'vitest';
import { shownSources } from '../../src/answer/index.js';

const cite = (n: number) => ({ n, section: `S${n}`, source: 'g.md', quote: `q${n}` });

describe('shownSources', () => {
  it('lists an answer’s citations, else a partial answer’s related lines, else nothing', () => {
    expect(shownSources({ citations: [cite(1)], related: [cite(2)] })).toEqual({ title: 'Sources', citations: [cite(1)] });
    expect(shownSources({ citations: [], related: [cite(2)] })).toEqual({ title: 'Related in the guide', citations: [cite(2)] });
    expect(shownSources({ citations: [] })).toBeUndefined();
  });
});
