import { PHI_PLACEHOLDER_PATTERN } from '../privacy/placeholder.js';
import { getWordNet } from '../lexicon/index.js';
import { QUALITY } from '../quality/index.js';
import { expandShorthand, isNumberWord, isStopWord, stem, synonymsOf, wordTokens } from '../text/index.js';
import type { Alternatives, TermExpander } from './query-expansion.js';

/** The kind of value a question asks for; answers must contain one to count. */
export type Quantity = 'money' | 'duration' | 'date' | 'count' | 'number' | 'organization';

export interface QueryTerm {
  /** Stemmed term. */
  term: string;
  /** 1 for the question's own words, less for words carried over from earlier turns. */
  weight: number;
  /** Other stemmed terms that also count as a match, with their strength (0–1]. */
  alternatives: Alternatives;
  /** Added from the question's shape ("where" → settings); helps ranking, never required. */
  hint?: boolean;
  /** The word as the question spelt it (absent for hints). */
  token?: string;
  /** Only in a sentence that sets the scene ("I'm three weeks into my first job."), not in the one that asks. */
  setup?: boolean;
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
  /** Words the question capitalises mid-sentence ("a coder in Texas"): names of places, people, products. */
  properNames: string[];
}

const DEFINITIONAL = /^(?:what(?:'s| is| are)\s+(?:an?\s+|the\s+)?[\w-]+(?:\s+[\w-]+){0,3}\??$|what does .+ (?:stand for|mean)|define\b|tell me about|explain\b)/;
const FORM_WORDS = new Set(['stand', 'mean', 'meant', 'defin', 'definit', 'abbrevi', 'acronym', 'short', 'explain']);
const PLACE_TERMS = ['set', 'environ', 'employ'];
/** "Why" questions are answered by lines that give causes. */
const REASON_TERMS = ['factor', 'driven', 'reason', 'caus', 'contribut'];
const AUXILIARIES = new Set(['are', 'is', 'was', 'were', 'can', 'could', 'do', 'does', 'did', 'should', 'would', 'will', 'might', 'must', 'may', 'has', 'have']);

/** "Which/what are the …", "what <plural noun> …", "list", "steps", "types of", "where": a list answers it. */
function wantsList(q: string): boolean {
  if (/^(?:what|how) about\b/.test(q)) return false; // "what about managers?" asks for one more item, not a list
  if (/\b(?:which|what) (?:are|kinds?|types?|other)\b|\blist\b|\bsteps\b|\btypes of\b|^where\b/.test(q)) return true;
  const head = /^(?:what|which)\s+((?:[\w-]+\s+){0,2}[\w-]+)/.exec(q)?.[1]?.split(/\s+/) ?? [];
  const nouns = head.slice(0, head.findIndex((w) => AUXILIARIES.has(w)) === -1 ? head.length : head.findIndex((w) => AUXILIARIES.has(w)));
  return nouns.some((w) => /[^s]s$/.test(w) && w.length > 3);
}

/** A follow-up's opening word that joins it to the last turn ("and what does that pay?"). */
const LEADING_CONJUNCTION = /^(?:and|so|but|or|also|then)\s+/;

/** The nouns of money in a question: what something costs or what work pays. */
const MONEY_NOUN = '(?:cost|costs|fee|fees|price|tuition|salary|salaries|pay|wage|wages)';
/** "What is the (average) salary…", "the registration fee", "salary range", "what does X cost", "what do coders earn". */
const MONEY_QUESTION = new RegExp(`^(?:what(?:'s| is| are)? (?:the )?(?:[\\w-]+ ){0,3}${MONEY_NOUN}\\b)|\\b(?:salary|pay|wage) (?:range|band)s?\\b|^what (?:do|does|can|will) .* (?:make|earn|cost|charge|pay)\\b`);

/**
 * Verbs of asking that say nothing about the topic ("what do I need to put on…"). Dropped from
 * the question's terms so an unusual one cannot make an answerable question look unanswerable.
 */
const FILLER = new Set(['need', 'put', 'want', 'becom', 'get', 'go', 'help', 'find', 'use', 'tell', 'give', 'look', 'know', 'like', 'realli', 'actual', 'exactli', 'typic', 'usual', 'gener', 'matter']);

/**
 * Content terms of a question: stop words and filler dropped, stemmed; a hyphenated compound is
 * one term whose parts count as alternatives ("recession-proof" ~ "recession").
 */
function questionTerms(text: string): Array<{ term: string; token: string; parts: string[] }> {
  const out: Array<{ term: string; token: string; parts: string[] }> = [];
  const tokens = wordTokens(text);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const parts = /[-/]/.test(token) && !/\d/.test(token) ? token.split(/[-/]/).filter(Boolean) : [];
    i += parts.length; // wordTokens emits the parts right after the compound
    if (isStopWord(token)) continue;
    // Words joined by a slash are alternatives ("nights/weekends", "CPC/CCS"): each is asked about on its own.
    if (token.includes('/') && parts.length > 1) {
      for (const part of parts) if (!isStopWord(part) && !FILLER.has(stem(part))) out.push({ term: stem(part), token: part, parts: [] });
      continue;
    }
    const term = stem(token);
    if (FILLER.has(term)) continue;
    out.push({ term, token, parts: parts.filter((p) => !isStopWord(p)).map(stem) });
  }
  return out;
}

/**
 * A redaction placeholder with the chart label before it ("DOB [REDACTED:dob]", "Patient
 * [REDACTED:name]"): pasted chart data, not part of what was asked.
 */
const REDACTED_WITH_LABEL = new RegExp(`(?:\\b[\\w#.]+:?\\s+)?${PHI_PLACEHOLDER_PATTERN.source}`, 'g');

/** "Who offers…", "which organization issues…": the answer names an organisation. */
const ORGANIZATION_QUESTION = /^who (?:offers|issues|awards|runs|grants|provides|gives|administers)\b|\b(?:which|what) (?:organi[sz]ation|body|association|group|institution)\b/;
/** A word for a number the question asks for: "what's the pass rate", "biglaw bonus for paras, whats the range". */
const NUMBER_WORD = /\b(?:rate|percent|percentage|score|ratio|range)\b/;
/** "range" only says two numbers are wanted; the value type carries that, so it is not required. */
const RANGE_WORDS = new Set(['rang']);
/** Words that only say an organisation is wanted; the value type carries that, so they are not required. */
const ORGANIZATION_WORDS = new Set(['organ', 'organis', 'offer', 'issu', 'award', 'run', 'grant', 'provid', 'give', 'administ', 'bodi', 'associ', 'group', 'institut']);
/**
 * Words that name each value type in English career writing: a question asking for money is
 * about pay whatever verb it uses ("make", "bring in"), one asking how long about time.
 * Added as hints: they help ranking, never required.
 */
const VALUE_TERMS: Partial<Record<Quantity, string[]>> = {
  money: ['salari', 'pay', 'wage', 'earn', 'compens', 'incom'],
  duration: ['year', 'month', 'week', 'time'],
};
/**
 * A money question about what something costs ("how much is the exam?", "what's the fee?"), not
 * what the work pays: the pay words a money question is given as hints would lead it to pay.
 */
const PRICE_QUESTION = /\b(?:cost|costs|fee|fees|price|prices|tuition|charge|charges)\b|\bhow much (?:is|are|was|were|'s) (?:the|a|an|it|this|that|my)\b/;
const PAY_WORDS = /\b(?:make|makes|making|earn|earns|earning|earnings|salary|salaries|wage|wages|paid|income|compensation)\b/;
const asksPrice = (q: string) => PRICE_QUESTION.test(q) && !PAY_WORDS.test(q);
/** "What do coders do?" asks for duties. */
const DUTY_TERMS = ['respons', 'role', 'duti', 'task'];

/** The question without pasted chart data: redactions and their labels removed, leading punctuation trimmed. */
function withoutRedactions(question: string): string {
  const cleaned = expandShorthand(question.replace(REDACTED_WITH_LABEL, ' ')).replace(/^[\s\p{P}]+/u, '').trim();
  return cleaned || question.trim();
}

/** Longest text embedded for a question with its carried context. */
const MAX_SEARCH_TEXT = 400;

/**
 * A question written as a noun phrase about money, as chat asks it: no question word, and a money
 * noun closing it ("cci exam fee?", "exam cost") or opening it before "of"/"for" ("cost of the cci
 * exam?", "salary for new grads?").
 */
const NO_QUESTION_WORD = '(?!(?:what|how|which|who|when|where|why|is|are|do|does|can|should)\\b)';
const MONEY_PHRASE = new RegExp(`^${NO_QUESTION_WORD}(?:(?:[\\w-]+ ){0,4}${MONEY_NOUN}|(?:the )?${MONEY_NOUN} (?:of|for)\\b.*)[?!.\\s]*$`);
const NON_MONEY_MUCH = /how much (?:experience|time|study|studying|school|schooling|education|training|work)/;
/** A currency sign with no amount after it ("cst exam $$??", "what's the $ like"): chat for "how much does it cost". */
const BARE_CURRENCY = /[$£€](?![\s$£€]*\d)/;

/** A term's alternatives: lexicon relations and spelling fixes (with an expander), curated abbreviations, a compound's parts. */
function alternativesOf(term: string, token: string | undefined, parts: string[], expander?: TermExpander): Alternatives {
  const out = new Map<string, number>(expander && token ? expander.alternatives(token) : []);
  const { curated, stemVariant } = QUALITY.matching.relation;
  for (const s of synonymsOf(term)) if ((out.get(s) ?? 0) < curated) out.set(s, curated);
  for (const p of parts) if ((out.get(p) ?? 0) < stemVariant) out.set(p, stemVariant);
  out.delete(term);
  return out;
}

/**
 * The sentences that ask: those ending in "?", else the last one. A scenario ("I'm three weeks
 * into my first job and slower than everyone. Should I speed up?") sets the scene first; its
 * asking sentence says what an answer must address.
 */
export function askingPart(text: string): string {
  const sentences = text.split(/(?<=[.!?;])\s+/).filter((s) => s.trim());
  if (sentences.length < 2) return text;
  const questions = sentences.filter((s) => /\?\s*$/.test(s));
  return (questions.length > 0 ? questions : sentences.slice(-1)).join(' ');
}

/** A clause whose subject is the asker ("I'm an EMT making about $38k", "my offer is 41k"). */
const FIRST_PERSON_CLAUSE = /^\s*(?:i|i['’]m|im|i['’]ve|ive|i['’]d|my|me)\b/i;
/** Words that make a clause ask something rather than describe the asker. */
const ASKING_WORD = /\b(?:what|how|which|when|where|why|who|whether|should|can|could|would|will|do|does|is it|are there)\b/i;

/**
 * Figures the asker gives about themselves, in digits or words, in a clause that describes rather than asks
 * ("I'm an EMT making about $38k and wondering whether …", "I'm two years into coding."): the scene of the question, not a value it asks
 * the guide for. As written (tokens), so they can be marked as setup.
 */
function selfDescribedFigures(text: string): Set<string> {
  const clauses = text.split(/[,;.!?]+|\s(?:and|but|so)\s/i);
  const described = clauses.filter((c) => FIRST_PERSON_CLAUSE.test(c) && !ASKING_WORD.test(c));
  return new Set(described.flatMap((c) => c.split(/\s+/)).filter((w) => /\d/.test(w) || isNumberWord(w.replace(/\W+$/u, ''))).map((w) => w.replace(/[^\w$%.,-]+$/u, '')));
}

/** "how fast/quickly" and what follows, up to the sentence's end. */
const HOW_FAST = /\bhow (?:fast|quickly|rapidly)\s+([^.?!]*)/;
/** People as the subject of "how fast can … ": the stop words that still say who (the rest say nothing of it). */
const PERSONAL = new Set(['i', 'you', 'we', 'me', 'u', 'he', 'she', 'they', 'someone', 'one']);

/**
 * "How fast is employment expected to grow?" asks for a rate, not a time: the subject is not a
 * person and the verb is one of change (WordNet files one of its first two senses under verb.change).
 * "How fast can I get certified?" and "how quickly can a new coder move up?" ask how long.
 */
function asksRateOfChange(q: string): boolean {
  const words = HOW_FAST.exec(q)?.[1]?.match(/[a-z']+/g) ?? [];
  const wordnet = getWordNet();
  const verb = words.findIndex((w, i) => i > 0 && !AUXILIARIES.has(w) && wordnet.verbClasses(w, 2).includes('verb.change'));
  if (verb === -1) return false;
  const subject = words.slice(0, verb).filter((w) => PERSONAL.has(w) || !isStopWord(w)).slice(0, 2);
  return subject.length > 0 && !subject.some((w) => PERSONAL.has(w) || wordnet.nounClasses(w, 1).includes('noun.person'));
}

/** The value type a question asks for, if any. */
export function detectQuantity(question: string): Quantity | undefined {
  const q = question.toLowerCase();
  if (asksRateOfChange(q)) return 'number';
  if (/how long|how many (?:years|months|weeks|hours)|how much (?:time|experience)|how quickly|how fast|how soon/.test(q)) return 'duration';
  // The asking clause may follow a scene: "fresh out of my course, what kind of salary should I expect".
  if ((/how much/.test(q) && !NON_MONEY_MUCH.test(q)) || BARE_CURRENCY.test(q) || MONEY_PHRASE.test(q.trim()) || q.split(/[,;:.!?]\s*/).some((clause) => MONEY_QUESTION.test(clause.trim().replace(LEADING_CONJUNCTION, '')))) return 'money';
  if (/^when\b|what date|which month|what month|what year|which year/.test(q)) return 'date';
  if (/how many|\bnumber of\b/.test(q)) return 'count';
  if (q.split(/[,;:.!?]\s*/).some((clause) => NUMBER_WORD.test(clause) && /^(?:what|what's|whats|how)\b/.test(clause.trim()))) return 'number';
  if (ORGANIZATION_QUESTION.test(q)) return 'organization';
  return undefined;
}

/** Upper-case codes and credential acronyms as written in the question. */
export function detectAcronyms(question: string): string[] {
  return [...question.matchAll(/\b[A-Z][A-Z0-9]{1,}(?:-[A-Z0-9]+)*\b/g)].map((m) => m[0]);
}

/**
 * Words capitalised mid-sentence, as written: in English only names are ("the salary in Texas",
 * "switching to Epic"). A question that capitalises most of its words (title case) names nothing this way.
 */
export function detectProperNames(question: string): string[] {
  const words = question.match(/[A-Za-z][\w'’-]*/g) ?? [];
  if (words.filter((w) => /^[A-Z]/.test(w)).length * 2 > words.length) return [];
  return [...question.matchAll(/(?<=[\w,;)"'’]\s+)[A-Z][a-z][\w'’-]*/g)].map((m) => m[0].replace(/['’]s$/, ''));
}

/**
 * Reads a question: its weighted content terms (stemmed, stop words removed, synonyms attached),
 * the value it asks for, and its shape. `carried` adds context terms from earlier turns.
 */
export function analyzeQuery(
  question: string,
  carried?: { question: string; weight: number; quantity?: Quantity; entities?: readonly string[] },
  expander?: TermExpander,
): AnalyzedQuery {
  const asked = withoutRedactions(question);
  const q = asked.toLowerCase();
  const definitional = DEFINITIONAL.test(q);
  // "stand for", "mean", "define" say what kind of answer is wanted, not what it is about.
  const quantity = detectQuantity(asked) ?? carried?.quantity;
  const own = questionTerms(asked).filter(
    (t) => !(definitional && FORM_WORDS.has(t.term)) && !(quantity === 'organization' && ORGANIZATION_WORDS.has(t.term)) && !(quantity && quantity !== 'organization' && RANGE_WORDS.has(t.term)),
  );
  const terms = new Map<string, { weight: number; token?: string; parts: string[]; hint?: boolean; setup?: boolean }>();
  const asking = new Set(questionTerms(askingPart(asked)).map((t) => t.term));
  const ownFigures = selfDescribedFigures(asked);
  for (const t of own) terms.set(t.term, { weight: 1, token: t.token, parts: t.parts, ...(asking.has(t.term) && !ownFigures.has(t.token ?? '') ? {} : { setup: true }) });
  if (/^where\b/.test(q)) for (const t of PLACE_TERMS) if (!terms.has(t)) terms.set(t, { weight: QUALITY.matching.shapeHintWeight, parts: [], hint: true });
  if (/^what (?:does|do) (?:an? |the )?[\w\s-]+ do\b/.test(q)) for (const t of DUTY_TERMS) if (!terms.has(t)) terms.set(t, { weight: QUALITY.matching.shapeHintWeight, parts: [], hint: true });
  if (/^why\b/.test(q)) for (const t of REASON_TERMS) if (!terms.has(t)) terms.set(t, { weight: QUALITY.matching.reasonHintWeight, parts: [], hint: true });
  for (const t of (quantity && !(quantity === 'money' && asksPrice(q)) && VALUE_TERMS[quantity]) || []) if (!terms.has(t)) terms.set(t, { weight: QUALITY.matching.reasonHintWeight, parts: [], hint: true });
  if (carried) for (const t of questionTerms(carried.question)) if (!terms.has(t.term)) terms.set(t.term, { weight: carried.weight, token: t.token, parts: t.parts });
  // The previous answer's names come last and weigh less: what was asked before is what a follow-up continues.
  if (carried?.entities) for (const t of questionTerms(carried.entities.join(' '))) if (!terms.has(t.term)) terms.set(t.term, { weight: QUALITY.matching.carriedEntityWeight, token: t.token, parts: t.parts });
  return {
    question,
    // A chain of follow-ups would otherwise grow the carried context turn after turn.
    searchText: carried ? `${asked} ${carried.question}`.slice(0, MAX_SEARCH_TEXT) : asked,
    terms: [...terms].map(([term, { weight, token, parts, hint, setup }]) => ({
      term,
      weight,
      ...(hint ? { hint } : {}),
      ...(setup ? { setup } : {}),
      ...(token ? { token } : {}),
      // A figure the asker gives about themselves matches only as written: "two years into coding" is no "2-3 years".
      alternatives: token && ownFigures.has(token) ? new Map() : alternativesOf(term, token, parts, expander),
    })),
    quantity,
    definitional,
    wantsList: wantsList(q),
    acronyms: detectAcronyms(asked),
    properNames: detectProperNames(asked),
  };
}
