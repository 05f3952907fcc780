import { contentTerms, synonymsOf } from '../text/index.js';

/** The kind of value a question asks for; answers must contain one to count. */
export type Quantity = 'money' | 'duration' | 'date' | 'count' | 'number';

export interface QueryTerm {
  /** Stemmed term. */
  term: string;
  /** 1 for the question's own words, less for words carried over from earlier turns. */
  weight: number;
  /** Stemmed synonyms that also count as a match. */
  alternatives: ReadonlySet<string>;
}

export interface AnalyzedQuery {
  /** The question as asked. */
  question: string;
  /** Text embedded for dense search: the question, plus the previous question for follow-ups. */
  searchText: string;
  terms: QueryTerm[];
  quantity?: Quantity;
  /** "What is X", "What does X stand for", "Tell me about X". */
  definitional: boolean;
  /** "Which/what are the …s", "list", "steps", "types": a list is a good answer. */
  wantsList: boolean;
  /** Upper-case codes named in the question (CPC, CCS-P, ICD-10). */
  acronyms: string[];
}

const DEFINITIONAL = /^(?:what(?:'s| is| are)\s+(?:an?\s+|the\s+)?[\w-]+(?:\s+[\w-]+){0,3}\??$|what does .+ (?:stand for|mean)|define\b|tell me about|explain\b)/;
const FORM_WORDS = new Set(['stand', 'mean', 'meant', 'defin', 'definit', 'abbrevi', 'acronym', 'short', 'explain']);
const PLACE_TERMS = ['set', 'environ', 'employ'];
const AUXILIARIES = new Set(['are', 'is', 'was', 'were', 'can', 'could', 'do', 'does', 'did', 'should', 'would', 'will', 'might', 'must', 'may', 'has', 'have']);

/** "Which/what are the …", "what <plural noun> …", "list", "steps", "types of", "where": a list answers it. */
function wantsList(q: string): boolean {
  if (/\b(?:which|what) (?:are|kinds?|types?|other)\b|\blist\b|\bsteps\b|\btypes of\b|^where\b/.test(q)) return true;
  const head = /^(?:what|which)\s+((?:[\w-]+\s+){0,2}[\w-]+)/.exec(q)?.[1]?.split(/\s+/) ?? [];
  const nouns = head.slice(0, head.findIndex((w) => AUXILIARIES.has(w)) === -1 ? head.length : head.findIndex((w) => AUXILIARIES.has(w)));
  return nouns.some((w) => /[^s]s$/.test(w) && w.length > 3);
}

const NON_MONEY_MUCH = /how much (?:experience|time|study|studying|school|schooling|education|training|work)/;

/** The value type a question asks for, if any. */
export function detectQuantity(question: string): Quantity | undefined {
  const q = question.toLowerCase();
  if (/how long|how many (?:years|months|weeks|hours)|how much (?:time|experience)|how quickly|how fast|how soon/.test(q)) return 'duration';
  if (/how much|\b(?:salary|salaries|cost|costs|fee|fees|price|wage|wages)\b/.test(q) && !NON_MONEY_MUCH.test(q) && /^(?:how|what|what's|whats)\b/.test(q)) {
    return 'money';
  }
  if (/^when\b|what date|which month|what month/.test(q)) return 'date';
  if (/how many|\bnumber of\b/.test(q)) return 'count';
  if (/\b(?:rate|percent|percentage|score|ratio)\b/.test(q) && /^(?:what|what's|whats|how)\b/.test(q)) return 'number';
  return undefined;
}

/** Upper-case codes and credential acronyms as written in the question. */
export function detectAcronyms(question: string): string[] {
  return [...question.matchAll(/\b[A-Z][A-Z0-9]{1,}(?:-[A-Z0-9]+)*\b/g)].map((m) => m[0]);
}

/**
 * Reads a question: its weighted content terms (stemmed, stop words removed, synonyms attached),
 * the value it asks for, and its shape. `carried` adds context terms from earlier turns.
 */
export function analyzeQuery(question: string, carried?: { question: string; weight: number; quantity?: Quantity }): AnalyzedQuery {
  const q = question.toLowerCase().trim();
  const definitional = DEFINITIONAL.test(q);
  // "stand for", "mean", "define" say what kind of answer is wanted, not what it is about.
  const own = contentTerms(question).filter((t) => !(definitional && FORM_WORDS.has(t)));
  const terms = new Map<string, number>();
  for (const t of own) terms.set(t, 1);
  if (/^where\b/.test(q)) for (const t of PLACE_TERMS) if (!terms.has(t)) terms.set(t, 0.6);
  if (carried) for (const t of contentTerms(carried.question)) if (!terms.has(t)) terms.set(t, carried.weight);
  return {
    question,
    searchText: carried ? `${question} ${carried.question}` : question,
    terms: [...terms].map(([term, weight]) => ({ term, weight, alternatives: synonymsOf(term) })),
    quantity: detectQuantity(question) ?? carried?.quantity,
    definitional,
    wantsList: wantsList(q),
    acronyms: detectAcronyms(question),
  };
}
