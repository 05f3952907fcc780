import nlp from 'compromise';

// The lexicon of the compromise tagger (about 24,000 words with their part of speech) knows what
// WordNet leaves out: irregular inflections ("took", "went"), pronouns ("anyone", "everyone") and
// function words. Words it files as names, places, organisations or calendar words are no evidence
// of plain English and are ignored.

const NOT_PLAIN_ENGLISH = /Name|Person|Place|Region|Country|City|Organization|Company|ProperNoun|Honorific|Acronym|Demonym|Month|WeekDay|Holiday|Date/;

let lexicon: Record<string, string | string[]> | undefined;

/** True when the tagger's lexicon lists `word` (lower case) as a plain English word, not a name. */
export function isPlainLexiconWord(word: string): boolean {
  lexicon ??= (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  const tags = lexicon[word];
  if (tags === undefined) return false;
  return !(Array.isArray(tags) ? tags : [tags]).some((t) => NOT_PLAIN_ENGLISH.test(t));
}
