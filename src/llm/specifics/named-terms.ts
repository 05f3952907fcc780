import { escapeRegExp, isStopWord } from '../../text/index.js';

/**
 * Names in text that a grounded answer must not invent: acronyms and codes ("CPC", "CCS-P",
 * "ICD-10-CM") and capitalised multi-word names of credentials and organisations ("Certified
 * Coding Specialist", "American Academy of Professional Coders"). Found by their shape alone,
 * so they work for any guide. Text is expected to be normalised first (normalizeForMatching).
 */

export interface NamedTerm {
  kind: 'acronym' | 'name';
  /** As written, for messages. */
  text: string;
  /** For a name that opens a sentence: the same name without its first word ("Obtaining Certified Coder" → "Certified Coder"). */
  withoutFirstWord?: string;
}

/** Two or more capitals (digits and hyphenated parts allowed), a plural "s" allowed after it. */
const ACRONYM = /(?<![\p{L}\p{N}]|[\p{L}\p{N}]-)([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*)s?(?![\p{L}\p{N}]|-[\p{L}\p{N}])/gu;
const CAPITALISED = "[A-Z][a-z]+(?:['-][A-Za-z]+)*";
const CONNECTOR = '(?:of|for|and|the|in|on|&)';
const NAME = new RegExp(`(?<![\\p{L}\\p{N}'-])${CAPITALISED}(?: (?:${CONNECTOR} )*${CAPITALISED})+`, 'gu');
const SENTENCE_START = /(?:^|[.!?:;(] |\n|^- )$/;

/** Acronyms and capitalised names in `text`, each once. */
export function findNamedTerms(text: string): NamedTerm[] {
  const terms = new Map<string, NamedTerm>();
  for (const m of text.matchAll(ACRONYM)) {
    const acronym = m[1]!;
    if ((acronym.match(/[A-Z]/g) ?? []).length >= 2) terms.set(`a:${acronym}`, { kind: 'acronym', text: acronym });
  }
  for (const m of text.matchAll(NAME)) {
    const words = m[0].split(' ');
    // "The American Academy…" → "American Academy…": leading function words are not part of a name.
    let skipped = 0;
    while (skipped < words.length && isStopWord(words[skipped]!.toLowerCase())) skipped++;
    const name = words.slice(skipped);
    if (capitalisedWords(name) < 2) continue;
    const opensSentence = skipped === 0 && SENTENCE_START.test(text.slice(0, m.index));
    const rest = name.slice(1);
    terms.set(`n:${name.join(' ')}`, {
      kind: 'name',
      text: name.join(' '),
      ...(opensSentence && capitalisedWords(rest) >= 2 ? { withoutFirstWord: rest.join(' ') } : {}),
    });
  }
  return [...terms.values()];
}

/** Text prepared for `termOccurs`: the excerpt once, with names folded for comparison. */
export interface TermHaystack {
  text: string;
  folded: string;
}

export function termHaystack(text: string): TermHaystack {
  return { text, folded: ` ${foldName(text)} ` };
}

/**
 * True when the term occurs in the excerpt: an acronym as the same token (so "CCS" does not
 * match inside "CCS-P"), a name as the same words in order, ignoring case, hyphens, possessives
 * and a plural "s". A sentence-opening name may also match without its first word.
 */
export function termOccurs(term: NamedTerm, haystack: TermHaystack): boolean {
  if (term.kind === 'acronym') {
    const escaped = escapeRegExp(term.text);
    return new RegExp(`(?<![\\p{L}\\p{N}]|[\\p{L}\\p{N}]-)${escaped}s?(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])`, 'u').test(haystack.text);
  }
  const found = (name: string) => haystack.folded.includes(` ${foldName(name)} `);
  if (found(term.text) || (term.withoutFirstWord !== undefined && found(term.withoutFirstWord))) return true;
  // "Epic, Cerner and Athenahealth", "3M Encoder and Optum Encoder": a list joined by "and" is
  // several names; each part that is a name by itself (two capitalised words or more) must occur.
  const parts = term.text.split(/ (?:and|&) /);
  return parts.length > 1 && parts.every((part) => capitalisedWords(part.split(' ')) < 2 || found(part));
}

function capitalisedWords(words: readonly string[]): number {
  return words.filter((w) => /^[A-Z]/.test(w)).length;
}

/**
 * Lower case, punctuation as spaces, possessive and plural "s" dropped. Hyphens stay inside
 * words, so "Certified Coding Specialist" does not match inside "Certified Coding Specialist-Physician".
 */
function foldName(text: string): string {
  return text
    .toLowerCase()
    .replace(/'s\b/g, '')
    .replace(/[^\p{L}\p{N}&-]+/gu, ' ')
    .split(' ')
    .map((w) => w.replace(/^-+|-+$/g, ''))
    .filter(Boolean)
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w))
    .join(' ');
}
