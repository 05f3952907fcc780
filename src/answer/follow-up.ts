import type { Quantity } from '../retrieval/index.js';
import { QUALITY } from '../quality/index.js';
import { contentTerms } from '../text/index.js';

/** What a conversation remembers of an earlier turn. */
export interface ConversationTurn {
  question: string;
  /** The question as understood in context (equal to `question` unless it was a follow-up). */
  understood: string;
  quantity?: Quantity;
  abstained: boolean;
  /** Names the reply gave (credentials, organisations: its acronyms), so "what about the other one?" can refer to them. */
  entities?: string[];
  /** The guide files the reply cited, so a follow-up that names no career stays with the same guide. */
  guides?: string[];
  /** The guide lines the reply quoted, so a follow-up can add lines instead of repeating them. */
  shown?: string[];
}

const FOLLOW_UP_START = /^(?:and|also|but|so|then|what about|how about|what of|same for|and for|ok(?:ay)?,? (?:and|what about))\b/i;
const PRONOUN = /\b(?:it|its|it's|that|this|those|these|they|them|their|one|ones|other|others|there|he|she)\b/i;

/**
 * True when a question leans on the previous turn: it starts like "and…/what about…", or it
 * refers back with a pronoun and names too little to stand alone.
 */
export function isFollowUp(question: string): boolean {
  const q = question.trim();
  if (startsLikeFollowUp(q)) return true;
  const terms = contentTerms(q);
  // A message naming nothing at all ("what then?", "and next?") can only mean the conversation's topic.
  return terms.length === 0 || (PRONOUN.test(q) && terms.length <= 4);
}

/** True when a message opens like a continuation ("and…", "what about…", "then…"). */
export function startsLikeFollowUp(text: string): boolean {
  return FOLLOW_UP_START.test(text.trim());
}

/** The context a follow-up carries from the conversation: the last understood question. */
export function followUpContext(question: string, history: readonly ConversationTurn[], assumeFollowUp = false): ConversationTurn | undefined {
  const previous = [...history].reverse().find((t) => !t.abstained) ?? history.at(-1);
  if (!previous || (!assumeFollowUp && !isFollowUp(question))) return undefined;
  return previous;
}

/**
 * True when a short message that does not read as a follow-up may still be one ("how do I
 * qualify?" after a question about a credential): few words of its own and a conversation to lean on.
 */
export function mayBeFollowUp(question: string, history: readonly ConversationTurn[]): boolean {
  return history.length > 0 && !isFollowUp(question) && contentTerms(question).length <= QUALITY.followUps.shortQuestionTerms;
}
