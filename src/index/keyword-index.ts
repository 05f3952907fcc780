import MiniSearch from 'minisearch';
import { isStopWord, stem, wordTokens } from '../text/tokenize.js';

interface KeywordDoc {
  id: number;
  heading: string;
  text: string;
}

const OPTIONS = {
  idField: 'id',
  fields: ['heading', 'text'],
  tokenize: (text: string) => wordTokens(text),
  // Stop words would otherwise decide BM25 rankings on short questions.
  processTerm: (term: string) => (isStopWord(term) ? null : stem(term)),
};

/** A weighted query term (already stemmed). */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/**
 * BM25 keyword search over chunks (MiniSearch), with stop words removed and Porter stemming.
 * Headings are a separate, boosted field so "Compensation Overview" ranks its own bullets.
 */
export class KeywordIndex {
  private constructor(private readonly search: MiniSearch<KeywordDoc>) {}

  static build(docs: Array<{ heading: string; text: string }>): KeywordIndex {
    const search = new MiniSearch<KeywordDoc>(OPTIONS);
    search.addAll(docs.map((d, id) => ({ id, ...d })));
    return new KeywordIndex(search);
  }

  static fromJSON(json: string): KeywordIndex {
    return new KeywordIndex(MiniSearch.loadJSON<KeywordDoc>(json, OPTIONS));
  }

  toJSON(): string {
    return JSON.stringify(this.search);
  }

  /** Top labels for weighted, stemmed terms; a term's weight multiplies its BM25 contribution. */
  query(terms: WeightedTerm[], limit: number): Array<{ label: number; score: number }> {
    if (terms.length === 0) return [];
    const weights = new Map<string, number>();
    for (const { term, weight } of terms) weights.set(term, Math.max(weights.get(term) ?? 0, weight));
    const results = this.search.search([...weights.keys()].join(' '), {
      boost: { heading: 1.5 },
      combineWith: 'OR',
      // Terms arrive stemmed: only drop stop words, never stem twice.
      processTerm: (t: string) => (isStopWord(t) ? null : t),
      tokenize: (q: string) => q.split(' '),
      boostTerm: (term: string) => weights.get(term) ?? 1,
    });
    return results.slice(0, limit).map((r) => ({ label: r.id as number, score: r.score }));
  }
}
