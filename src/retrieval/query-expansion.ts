import { LRUCache } from 'lru-cache';
import { getWordNet, type Relation } from '../lexicon/index.js';
import { QUALITY } from '../quality/index.js';
import { editDistance, isStopWord, stem, synonymsOf } from '../text/index.js';
import type { NearbyWords } from './word-neighbours.js';

/** What the loaded guides say, for deciding which question words need help to match. */
export interface Vocabulary {
  /** True when a stemmed term occurs in some guide. */
  knows(stemmedTerm: string): boolean;
  /** The guides' own lower-case word tokens (unstemmed), for spelling correction. */
  readonly words: readonly string[];
}

/** A question word's matches other than itself: stemmed term → strength (0–1]. */
export type Alternatives = ReadonlyMap<string, number>;

/** What query analysis asks of an expander: a question word's alternatives. */
export interface TermExpander {
  alternatives(token: string): Alternatives;
}

const MAX_ALTERNATIVES = 16;

/**
 * Question words in other words than the guide's: alternatives from WordNet relations and
 * curated abbreviations that the guides actually use, and, for a word that is neither in the
 * guides nor in English, the closest guide word within the typo distance or, failing that, the
 * guide words it abbreviates.
 */
export class QueryExpander implements TermExpander {
  private readonly cache = new LRUCache<string, Alternatives>({ max: 5000 });

  constructor(private readonly vocabulary: Vocabulary) {}

  alternatives(token: string): Alternatives {
    let found = this.cache.get(token);
    if (!found) {
      found = this.compute(token);
      this.cache.set(token, found);
    }
    return found;
  }

  /** A word worth looking up by meaning: a real word the guides never use (typos and codes are handled elsewhere). */
  needsNeighbours(token: string): boolean {
    return /^\p{L}{3,}$/u.test(token) && !isStopWord(token) && !this.vocabulary.knows(stem(token));
  }

  /**
   * This expander with the guide words nearest in meaning to the question's unknown words added,
   * weaker than any lexicon relation: similarity of single words says less than a dictionary.
   */
  withNeighbours(nearby: NearbyWords): TermExpander {
    return {
      alternatives: (token) => {
        const found = this.alternatives(token);
        const near = this.needsNeighbours(token) ? nearby.get(token) : undefined;
        if (!near) return found;
        const out = new Map(found);
        const strength = QUALITY.matching.relation.embedding;
        for (const word of near) if ((out.get(stem(word)) ?? 0) < strength) out.set(stem(word), strength);
        out.delete(stem(token));
        return out;
      },
    };
  }

  private compute(token: string): Alternatives {
    const own = stem(token);
    const out = new Map<string, number>();
    const add = (term: string, strength: number) => {
      if (term !== own && this.vocabulary.knows(term) && strength > (out.get(term) ?? 0)) out.set(term, strength);
    };
    const { relation } = QUALITY.matching;
    for (const s of synonymsOf(own)) add(s, relation.curated);
    // A word the guides already use matches as it is; relating it further mostly adds other senses ("code" → "fraud").
    if (this.vocabulary.knows(own) || /\d/.test(token)) return new Map([...out]);
    const wordnet = getWordNet();
    if (!wordnet.has(token)) {
      const fix = this.spellingFix(token);
      if (fix) add(stem(fix), relation.spelling);
      else for (const word of this.expandedAbbreviation(token)) add(stem(word), relation.abbreviation);
    } else if (token.replace(/s$/, '').length >= QUALITY.matching.minClippedEnglishWord) {
      // A rare English word the guides never use may still be chat clipping one of their main words
      // ("para" → "paralegal", "cali" → "california", "medic" → "medical").
      for (const word of this.expandedAbbreviation(token, this.frequentWords())) add(stem(word), relation.abbreviation);
    }
    for (const r of wordnet.related(token)) {
      // Multi-word lemmas ("pay off") would need phrase matching; single words carry most of the meaning.
      if (r.word.includes(' ')) continue;
      add(stem(r.word), relation[r.relation satisfies Relation]);
    }
    return new Map([...out].sort((a, b) => b[1] - a[1]).slice(0, MAX_ALTERNATIVES));
  }

  /**
   * The guide words a chat abbreviation may stand for, most frequent first: the two ways English
   * shortens a word in writing, clipping its end ("derm" → "dermatology", "admin" →
   * "administrative") and dropping its vowels ("wks" → "weeks", "lvl" → "level", "mngr" →
   * "manager").
   */
  private expandedAbbreviation(token: string, words: readonly string[] = this.vocabulary.words): string[] {
    // Two letters ("cn", "ws") could stand for too many words.
    if (!/^[a-z]{3,5}$/.test(token)) return [];
    // A clipping takes the plural "s" as a word does ("creds", "paras").
    const base = token.length >= 4 && token.endsWith('s') ? token.slice(0, -1) : token;
    const clipped = (word: string) => word.startsWith(token) || word.startsWith(base);
    const withoutVowels = (word: string) => word.replace(/[aeiou]/g, '').replace(/(.)\1+/g, '$1') === token;
    const found: string[] = [];
    for (const word of words) {
      if (word.length >= token.length + 2 && (clipped(word) || withoutVowels(word))) found.push(word);
      if (found.length === QUALITY.matching.abbreviationReadings) break;
    }
    return found;
  }

  /**
   * The guides' most frequent words (the first `clippedWordShare` of them): the only ones an English
   * word is read as clipping, and only when it has at least `minClippedEnglishWord` letters.
   */
  private frequentWords(): readonly string[] {
    const { clippedWordShare } = QUALITY.matching;
    return this.vocabulary.words.slice(0, Math.ceil(this.vocabulary.words.length * clippedWordShare));
  }

  /** The guide word nearest to a misspelt token, if one is within the allowed distance (ties: the first, i.e. most frequent). */
  private spellingFix(token: string): string | undefined {
    const limit = QUALITY.matching.maxTypoDistance(token.length);
    if (limit === 0) return undefined;
    let best: { word: string; distance: number } | undefined;
    for (const word of this.vocabulary.words) {
      const d = editDistance(token, word, best ? best.distance - 1 : limit);
      if (d <= limit && (!best || d < best.distance)) best = { word, distance: d };
      if (best?.distance === 1) break;
    }
    return best?.word;
  }
}

