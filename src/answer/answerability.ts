import { linearScore, QUALITY, sigmoid, type AnswerabilityModel } from '../quality/index.js';
import { missingSpecific } from './specific-words.js';
import { candidateUnits, leadLine, matchStrength, type RankedSection, type RetrievalResult } from '../retrieval/index.js';

/**
 * Answer, partial (the guide covers the topic but not the specific thing asked) or abstain
 * (off-topic). One decision for every writer, extractive or generated.
 */
export type Outcome = 'answer' | 'partial' | 'abstain';

export interface Decision {
  outcome: Outcome;
  /** The model's probability that the guide answers the question. */
  probability: number;
  features: AnswerabilityFeatures;
}

/**
 * The evidence the decision weighs. Every feature is guide-independent: similarities in the
 * embedding space, lexical coverage with lexicon and spelling help, and agreement between the
 * dense and keyword rankings.
 */
export interface AnswerabilityFeatures {
  /** Best cosine between the question and one line of the top sections. */
  line_sim: number;
  /** Cosine between the question and the top section's best chunk. */
  section_sim: number;
  /** Cosine between the question and its nearest chunk anywhere. */
  dense_top: number;
  /** Best share of what was asked (the question's own words, IDF-weighted) found in one line with its headings. */
  lex_support: number;
  /** Best weighted coverage including shape hints and carried context. */
  lex_coverage: number;
  /** Share of the question's term weight that no guide word matches at all. */
  unknown_share: number;
  /** 1 when the question asks for a value type (money, duration, date…) that none of the top lines states. */
  quantity_missing: number;
  /** How far the top section is also on top of the dense-only and keyword-only rankings (0–1). */
  rank_agreement: number;
  /** log(1 + number of the question's own content terms): short questions are vaguer. */
  question_terms: number;
  /** The heaviest question word the best-supported line (with its headings) lacks, relative to the heaviest word asked. */
  unmatched_max: number;
  /** 1 when a word the best line lacks pins something down: another occupation, a place, or a number. */
  unmatched_entity: number;
  /** Share of what was asked that the line the answer would lead with states (with its headings), and that line's cosine. */
  lead_support: number;
  lead_line_sim: number;
  /** Weighted share of the question's own words that the top section (all its lines and headings) lacks. */
  section_unmatched: number;
  /** The heaviest question word that none of the top sections contains, relative to the heaviest word asked. */
  sections_unmatched_max: number;
  /** Like lex_support, counting only the sentence that asks (a scenario's setup sentences left out). */
  ask_support: number;
  /** Share of the question's own term weight that only sets the scene. */
  setup_share: number;
}

export const FEATURE_NAMES = [
  'line_sim',
  'section_sim',
  'dense_top',
  'lex_support',
  'lex_coverage',
  'unknown_share',
  'quantity_missing',
  'rank_agreement',
  'question_terms',
  'unmatched_max',
  'unmatched_entity',
  'section_unmatched',
  'sections_unmatched_max',
  'lead_support',
  'lead_line_sim',
  'ask_support',
  'setup_share',
] as const satisfies ReadonlyArray<keyof AnswerabilityFeatures>;

export function answerabilityFeatures(result: RetrievalResult): AnswerabilityFeatures {
  const candidates = candidateUnits(result.sections);
  const lead = leadLine(result.lines, result.query);
  const max = (values: number[]) => values.reduce((a, b) => Math.max(a, b), 0);
  const quantity = result.query.quantity;
  const agree = (rank: number) => (rank >= 1 && rank <= 3 ? 1 / rank : 0);
  return {
    line_sim: max(candidates.map((c) => c.unit.dense)),
    section_sim: result.sections[0]?.features.dense ?? 0,
    dense_top: result.signals.denseTop,
    lex_support: max(candidates.map((c) => c.unit.support)),
    lex_coverage: max(candidates.map((c) => c.unit.coverage)),
    unknown_share: result.signals.unknownShare,
    quantity_missing: quantity && !candidates.some((c) => c.unit.hasQuantity && c.unit.coverage > 0) ? 1 : 0,
    rank_agreement: (agree(result.signals.denseRankOfTop) + agree(result.signals.keywordRankOfTop)) / 2,
    question_terms: Math.log1p(result.query.terms.filter((t) => t.weight >= 1 && !t.hint).length),
    ...unmatchedFeatures(result, candidates),
    ...sectionCoverageFeatures(result),
    lead_support: lead?.unit.support ?? 0,
    lead_line_sim: lead?.unit.dense ?? 0,
    ...askFeatures(result, candidates),
  };
}

/** How well the best line covers what the asking sentence asks, and how much of the question only sets the scene. */
function askFeatures(result: RetrievalResult, candidates: ReturnType<typeof candidateUnits>): Pick<AnswerabilityFeatures, 'ask_support' | 'setup_share'> {
  const own = ownTerms(result);
  const asking = own.filter((o) => !o.term.setup);
  const weight = (terms: typeof own) => terms.reduce((a, o) => a + o.weight, 0);
  const total = weight(asking);
  if (total === 0) return { ask_support: 0, setup_share: own.length ? 1 : 0 };
  const supportIn = (c: (typeof candidates)[number]) => {
    const terms = new Set([...c.unit.unit.terms, ...c.section.entry.headingTerms]);
    return asking.reduce((a, o) => a + o.weight * matchStrength(o.term, terms), 0) / total;
  };
  return { ask_support: Math.max(0, ...candidates.map(supportIn)), setup_share: 1 - total / (weight(own) || 1) };
}

/** How much of the question the top sections cover as wholes (a near miss asks for something they never mention). */
function sectionCoverageFeatures(result: RetrievalResult): Pick<AnswerabilityFeatures, 'section_unmatched' | 'sections_unmatched_max'> {
  const own = ownTerms(result);
  const sectionTerms = (s: RankedSection) => new Set([...s.entry.headingTerms, ...s.entry.units.flatMap((u) => [...u.terms])]);
  const top = result.sections.slice(0, QUALITY.answer.sectionsConsidered).map(sectionTerms);
  if (own.length === 0 || top.length === 0) return { section_unmatched: own.length ? 1 : 0, sections_unmatched_max: own.length ? 1 : 0 };
  const total = own.reduce((a, o) => a + o.weight, 0) || 1;
  const heaviest = Math.max(...own.map((o) => o.weight)) || 1;
  return {
    section_unmatched: own.reduce((a, o) => a + o.weight * (1 - matchStrength(o.term, top[0]!)), 0) / total,
    sections_unmatched_max: Math.max(0, ...own.map((o) => (o.weight * (1 - Math.max(...top.map((t) => matchStrength(o.term, t))))) / heaviest)),
  };
}

/** The question's own terms (not hints, not carried context) with their IDF weights. */
function ownTerms(result: RetrievalResult): Array<{ term: RetrievalResult['query']['terms'][number]; weight: number }> {
  return result.query.terms.map((term, i) => ({ term, weight: result.signals.termWeights[i] ?? 0 })).filter(({ term }) => term.weight >= 1 && !term.hint);
}

/** What the best-supported line lacks of the question's own words, and whether that pins down an entity. */
function unmatchedFeatures(result: RetrievalResult, candidates: ReturnType<typeof candidateUnits>): Pick<AnswerabilityFeatures, 'unmatched_max' | 'unmatched_entity'> {
  const best = candidates.reduce<(typeof candidates)[number] | undefined>((a, c) => (!a || c.unit.support > a.unit.support ? c : a), undefined);
  const own = ownTerms(result);
  if (!best || own.length === 0) return { unmatched_max: own.length ? 1 : 0, unmatched_entity: 0 };
  const terms = new Set([...best.unit.unit.terms, ...best.section.entry.headingTerms]);
  const heaviest = Math.max(...own.map((o) => o.weight)) || 1;
  const missing = own.map((o) => ({ ...o, strength: matchStrength(o.term, terms) })).filter((o) => o.strength < 1);
  return {
    unmatched_max: Math.max(0, ...missing.map((o) => (o.weight * (1 - o.strength)) / heaviest)),
    // Another occupation or a place is named by its own word: a lexicon relation ("nurse" → "professional") does not count.
    // What only sets the scene ("I'm an EMT making about $38k and …") is not asked for.
    unmatched_entity: missing.some((o) => !o.term.setup && missingSpecific(o.term.token, o.strength)) ? 1 : 0,
  };
}

/** Logistic probability from standardised features. */
export function answerProbability(features: AnswerabilityFeatures, model: AnswerabilityModel): number {
  return sigmoid(linearScore(model, { ...features }));
}

/** Decides whether to answer; when not, whether the guide at least covers the topic (partial). */
export class AnswerabilityDecider {
  constructor(private readonly model: AnswerabilityModel) {}

  decide(result: RetrievalResult, threshold = this.model.threshold): Decision {
    const features = answerabilityFeatures(result);
    const probability = answerProbability(features, this.model);
    // A code, acronym or name the guides never use is something they cannot speak to, however close the rest is;
    // so is the pay of an occupation that is not the guide's own.
    const { unknownNames, knownAcronyms, otherOccupations } = result.signals;
    if (probability >= threshold && unknownNames.length === 0 && otherOccupations.length === 0) return { outcome: 'answer', probability, features };
    // A question naming a credential or code the guides define is on their topic however it is worded.
    const onTopic = knownAcronyms.length > 0 || (features.line_sim >= QUALITY.answer.partialMinSimilarity && features.lex_support > 0);
    return { outcome: onTopic ? 'partial' : 'abstain', probability, features };
  }
}
