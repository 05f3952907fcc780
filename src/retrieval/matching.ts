import { QUALITY } from '../quality/index.js';
import type { Quantity, QueryTerm } from './query-analysis.js';

/**
 * How well a set of stemmed terms contains the query term: 1 for the term itself, less for a close
 * stem variant Porter leaves apart ("certif"/"certifi", "exam"/"examin") and for an alternative
 * (lexicon relation or spelling fix, each with its own strength), else 0.
 */
export function matchStrength(queryTerm: QueryTerm, terms: ReadonlySet<string>): number {
  if (terms.has(queryTerm.term)) return 1;
  let best = 0;
  if (queryTerm.term.length >= 4) {
    for (const t of terms) {
      if (t.length >= 4 && (t.startsWith(queryTerm.term) || queryTerm.term.startsWith(t)) && Math.abs(t.length - queryTerm.term.length) <= 3) {
        best = QUALITY.matching.relation.stemVariant;
        break;
      }
    }
  }
  for (const [alt, strength] of queryTerm.alternatives) if (strength > best && terms.has(alt)) best = strength;
  return best;
}

/** True when the terms contain the query term in any form (see `matchStrength`). */
export function termMatches(queryTerm: QueryTerm, terms: ReadonlySet<string>): boolean {
  return matchStrength(queryTerm, terms) > 0;
}

const MONTHS = /\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b/i;

const STANDALONE_NUMBER = /\d\s*%|(?<![A-Za-z]-?)\b\d+(?:[.,]\d+)?\b(?!-?[A-Za-z])/;

const QUANTITY_PATTERNS: Record<Quantity, RegExp> = {
  money: /\$\s?\d/,
  duration: /\b\d+(?:-\d+)?\+?\s*(?:months?|years?|weeks?|hours?)\b|\b(?:two|three|four)-year\b/i,
  // A month, a day, or a year ("founded in 1923"): "when was it founded?" asks for the year.
  date: new RegExp(`${MONTHS.source}|\\b\\d{1,2}(?:st|nd|rd|th)\\b|(?<![\\d–-])\\b(?:1[6-9]|20)\\d{2}\\b(?![–-]?\\d)`, 'i'),
  // A figure of its own: "36-48 credits", "8-10%", "70 percent"; not the digits of a code's name ("ICD-10", "10th").
  count: STANDALONE_NUMBER,
  number: STANDALONE_NUMBER,
  organization: /\b(?:[A-Z]{4,}|Association|Academy|Institute|Council|Board|Commission|Society)\b/,
};

/** True when a line states a value of the kind the question asks for. */
export function hasQuantity(text: string, quantity: Quantity): boolean {
  return QUANTITY_PATTERNS[quantity].test(text);
}
