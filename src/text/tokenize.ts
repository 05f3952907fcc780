import { stemmer } from 'stemmer';
import { eng } from 'stopword';
import { boundedCache } from '../cache/index.js';

/**
 * Words that carry no topic in a question or a guide line. The `stopword` package's English list
 * plus the filler of questions ("what should I…", "tell me…"); intent words such as "much",
 * "long" and "when" are read from the raw question before this filter applies.
 */
/** Words the stopword list drops that carry meaning in career questions ("make" = earn, "never guess"). */
const KEEP = new Set(['make', 'take', 'many', 'never', 'since', 'still', 'way', 'come', 'came']);

/**
 * English indefinite pronouns and adverbs, a closed grammatical class the `stopword` list leaves
 * out: they name no topic, but a guide seldom writes them, so as terms they would carry a high IDF.
 */
const INDEFINITES = 'something anything everything nothing someone anyone everyone somebody anybody everybody nobody somewhere anywhere everywhere nowhere somehow anyhow anyway anyways whatever whoever whichever whenever wherever'.split(' ');

/**
 * Conjunctions and a preposition of contrast and comparison the `stopword` list leaves out; chat
 * ends questions with "tho" ("though") and compares with "vs": they name no topic.
 */
const CONTRASTS = ['though', 'although', 'however', 'whether', 'versus', 'vs'];

/** Focusing and stance adverbs chat adds to a question ("who even reads them", "is it actually hard"): they say how, not what. */
const STANCE = ['even', 'actually', 'literally', 'basically', 'honestly', 'seriously', 'totally', 'definitely', 'probably', 'maybe'];

const STOP_WORDS = new Set<string>([
  ...eng.filter((w) => !KEEP.has(w)),
  ...INDEFINITES,
  ...CONTRASTS,
  ...STANCE,
  ...'a about also am an and any are as at be been being but by can could did do does doing done for from get gets getting give go had has have having he her here hers him his how i if in into is it its itself just let like me might more most much must my need needs of on once one ones only or other our out over own please really s same say she should so some such t tell than that the their them then there these they this those through to too under up us very want was we were what whats when where which while who whom whose why will with would you your yours yourself i\'m i\'d i\'ve you\'re what\'s it\'s don\'t doesn\'t know thanks thank hi hello hey ok okay kind sort lot lots thing things someone somebody anyone people person guy guys'.split(
    ' ',
  ),
]);

/**
 * A token is a run of word characters (letters, digits, and `$%,.'’+/-` inside codes and amounts)
 * that starts with a letter, digit or `$` and ends with a letter, digit, `%` or `+`. Found by
 * splitting the text into maximal runs of word characters and trimming each run's ends, which is
 * linear; the equivalent single regex (`START MIDDLE* END | LETTER`) backtracks quadratically on
 * long runs that hold no valid end ("$,$,$,…").
 */
const RUN = /[\p{L}\p{N}$%,.'’+/-]+/gu;
const START = /[\p{L}\p{N}$]/u;
const END = /^[\p{L}\p{N}%+]$/u;

/** The token inside a run of word characters, or '' when it holds none. */
function tokenInRun(run: string): string {
  const first = START.exec(run)?.index;
  if (first === undefined) return '';
  let end = run.length;
  while (end > first) {
    // the last code point (a surrogate pair counts as one)
    const low = run.charCodeAt(end - 1);
    const high = end - 2 >= 0 ? run.charCodeAt(end - 2) : 0;
    const size = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? 2 : 1;
    if (END.test(run.slice(end - size, end))) break;
    end -= size;
  }
  // A lone START character is a token only when it can also end one (a letter or digit, not "$").
  return end > first ? run.slice(first, end) : '';
}

/** Splits text into lower-case word tokens, keeping codes like `icd-10`, `ccs-p`, `$28,000`; "8-10%" is `8-10`, `percent`. */
export function wordTokens(text: string): string[] {
  const tokens: string[] = [];
  // "10%" and "10 percent" are the same words: guides and questions write either.
  for (const match of text.toLowerCase().replace(/’/g, "'").replace(/(\d)\s?%(?=$|[\s)\]!?;:"]|[.,](?:\s|$))/g, '$1 percent').matchAll(RUN)) {
    // A token never ends in "," or "." (see END), so only a possessive needs trimming.
    const token = tokenInRun(match[0]).replace(/'s$/, '');
    if (!token) continue;
    tokens.push(token);
    // Hyphenated and slashed compounds also match on their parts ("entry-level" ~ "entry level").
    if (/[-/]/.test(token)) for (const part of token.split(/[-/]/)) if (part && part !== token) tokens.push(part);
  }
  return tokens;
}

/** True when a token carries no topic. A lone letter never does ("n" for "and", "x" for "times"); a lone digit may. */
export function isStopWord(token: string): boolean {
  return STOP_WORDS.has(token) || /^\p{L}$/u.test(token);
}

// Bounded: the tokens come from user input, so an unbounded cache would grow with every new word.
const stemCache = boundedCache<string, string>({ max: 50_000 });

/** Porter stem of a lower-case token; codes and numbers are left as they are. */
export function stem(token: string): string {
  if (/[\d$%]/.test(token) || token.length <= 3) return token;
  let cached = stemCache.get(token);
  if (cached === undefined) {
    cached = stemmer(token);
    stemCache.set(token, cached);
  }
  return cached;
}

/** Stemmed content terms of a text: tokens minus stop words, stemmed. Order kept, duplicates kept. */
export function contentTerms(text: string): string[] {
  return wordTokens(text)
    .filter((t) => !isStopWord(t))
    .map(stem);
}
