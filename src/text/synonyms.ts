import { NUMBER_WORDS } from './number-words.js';
import { stem } from './tokenize.js';

/**
 * Abbreviations no lexicon knows, mapped to the words guides spell out. Groups are symmetric:
 * any member expands to the others. Everything else (synonyms, broader and narrower words) comes
 * from WordNet (src/lexicon) and spelling tolerance against the guides' own vocabulary.
 */
const GROUPS: string[][] = [
  ['ceu', 'ceus', 'ce', 'continuing', 'credit', 'credits'],
  ['pto', 'vacation', 'leave'],
];
// A small number in digits and spelled out are one word ("4 yr degree" / "four years"), and so is a count
// of times as chat writes it ("failed 3x" / "three failures").
for (const [i, word] of NUMBER_WORDS.entries()) GROUPS.push([String(i + 1), `${i + 1}x`, word]);

const EXPANSIONS = new Map<string, Set<string>>();
for (const group of GROUPS) {
  const stems = group.map(stem);
  for (const s of stems) {
    const set = EXPANSIONS.get(s) ?? new Set<string>();
    for (const other of stems) if (other !== s) set.add(other);
    EXPANSIONS.set(s, set);
  }
}

/** Stemmed synonyms of a stemmed term (excluding the term itself). */
export function synonymsOf(stemmedTerm: string): ReadonlySet<string> {
  return EXPANSIONS.get(stemmedTerm) ?? EMPTY;
}

const EMPTY: ReadonlySet<string> = new Set();
