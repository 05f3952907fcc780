import type { IdentifiedEmbeddings } from '../embeddings/index.js';
import type { KnowledgeIndex } from '../index/index.js';
import { hasQuantity, matchStrength } from './matching.js';
import type { AnalyzedQuery, QueryTerm } from './query-analysis.js';
import { SectionCatalog, type CatalogSection, type Unit } from './section-catalog.js';

export interface ScoredUnit {
  unit: Unit;
  /** Weighted share of the question's terms found in the line or its headings (0–1). */
  coverage: number;
  /** Coverage without shape hints: how much of what was asked this line answers (drives abstention). */
  support: number;
  hasQuantity: boolean;
  dense: number;
  score: number;
}

export interface RankedSection {
  entry: CatalogSection;
  score: number;
  /** Units in descending score. */
  units: ScoredUnit[];
  features: { rrf: number; dense: number; title: number; bestUnit: number; acronym: number; list: number };
}

export interface RetrievalResult {
  query: AnalyzedQuery;
  sections: RankedSection[];
  retrieveMs: number;
}

/** Tunable weights of the rerank stage (defaults measured on the dev set; see README). */
export interface RerankWeights {
  rrf: number;
  dense: number;
  title: number;
  bestUnit: number;
  quantity: number;
  acronym: number;
  list: number;
}

export const DEFAULT_WEIGHTS: RerankWeights = { rrf: 12, dense: 0.5, title: 0.6, bestUnit: 1.5, quantity: 0.5, acronym: 0.5, list: 0.4 };

/** Per-query values shared by every unit's scoring, computed once. */
interface ScoringContext {
  denseByLabel: Map<number, number>;
  /** "(CCS)" for each acronym asked about: the unit that defines exactly it. */
  acronymPatterns: RegExp[];
}

const CANDIDATES = 80;
const RRF_K = 20;

/**
 * Hybrid retrieval: dense (hnswlib) and BM25 (MiniSearch) over section and unit chunks, fused by
 * reciprocal rank, mapped back to sections (small-to-big), then reranked with what the question
 * asks: heading matches, glossary acronyms, the value type ("how much" → money), list shape and
 * the best single line's evidence.
 */
export class HybridRetriever {
  readonly catalog: SectionCatalog;

  constructor(
    readonly index: KnowledgeIndex,
    readonly embedder: IdentifiedEmbeddings,
    private readonly weights: RerankWeights = DEFAULT_WEIGHTS,
  ) {
    this.catalog = new SectionCatalog(index);
  }

  /** Embeds the query once and retrieves. */
  async retrieve(query: AnalyzedQuery, limit = 5): Promise<RetrievalResult> {
    const started = performance.now();
    const vector = await this.embedder.embedQuery(query.searchText);
    const result = this.retrieveWithVector(query, vector, limit);
    return { ...result, retrieveMs: performance.now() - started };
  }

  /** Retrieval given an already computed query vector (no embedding cost). */
  retrieveWithVector(query: AnalyzedQuery, vector: number[] | undefined, limit = 5): RetrievalResult {
    const started = performance.now();
    const denseHits = vector ? this.index.vectors.searchLabels(vector, CANDIDATES) : [];
    const keywordTerms = query.terms.flatMap((t) => [
      { term: t.term, weight: t.weight },
      ...[...t.alternatives].map((alt) => ({ term: alt, weight: t.weight * 0.4 })),
    ]);
    const keywordHits = this.index.keywords.query(keywordTerms, CANDIDATES);

    const denseByLabel = new Map(denseHits.map((h) => [h.label, h.similarity]));
    const rrfByLabel = new Map<number, number>();
    const addRank = (label: number, rank: number) => rrfByLabel.set(label, (rrfByLabel.get(label) ?? 0) + 1 / (RRF_K + rank));
    denseHits.forEach((h, rank) => addRank(h.label, rank));
    keywordHits.forEach((h, rank) => addRank(h.label, rank));

    // Small-to-big: a section is as strong as its best chunk, whether that is the whole section or one line.
    const rrfBySection = new Map<CatalogSection, number>();
    const denseBySection = new Map<CatalogSection, number>();
    for (const [label, rrf] of rrfByLabel) {
      const entry = this.catalog.forChunk(this.index.chunks[label]!);
      if (!entry) continue;
      rrfBySection.set(entry, Math.max(rrfBySection.get(entry) ?? 0, rrf));
      denseBySection.set(entry, Math.max(denseBySection.get(entry) ?? 0, denseByLabel.get(label) ?? 0));
    }

    const termWeights = query.terms.map((t) => t.weight * this.catalog.termWeight(t.term));
    const ctx: ScoringContext = { denseByLabel, acronymPatterns: query.acronyms.map((a) => new RegExp(`\\(${escapeRegExp(a)}\\)`, 'i')) };
    const ranked = [...rrfBySection].map(([entry, rrf]) => this.rankSection(entry, rrf, denseBySection.get(entry) ?? 0, query, termWeights, ctx));
    ranked.sort((a, b) => b.score - a.score);
    return { query, sections: ranked.slice(0, limit), retrieveMs: performance.now() - started };
  }

  private rankSection(
    entry: CatalogSection,
    rrf: number,
    dense: number,
    query: AnalyzedQuery,
    termWeights: number[],
    ctx: ScoringContext,
  ): RankedSection {
    const w = this.weights;
    const units = entry.units
      .map((unit) => this.scoreUnit(unit, entry, query, termWeights, ctx))
      .sort((a, b) => b.score - a.score);
    const title = coverage(query.terms, termWeights, entry.titleTerms);
    const bestUnit = units[0]?.score ?? 0;
    // Only a section that defines the acronym is about it; one that merely expands it in passing is not.
    const acronym = query.acronyms.some((a) => entry.glossary.some((g) => g.kind === 'definition' && g.acronym?.toUpperCase() === a.toUpperCase())) ? 1 : 0;
    const isList = entry.units.filter((u) => u.kind === 'bullet').length >= 3 || entry.children.length >= 3;
    const list = query.wantsList && isList ? 1 : 0;
    const score = w.rrf * rrf + w.dense * dense + w.title * title + w.bestUnit * bestUnit + w.acronym * acronym + w.list * list;
    return { entry, score, units, features: { rrf, dense, title, bestUnit, acronym, list } };
  }

  private scoreUnit(unit: Unit, entry: CatalogSection, query: AnalyzedQuery, termWeights: number[], ctx: ScoringContext): ScoredUnit {
    const { denseByLabel } = ctx;
    const terms = union(unit.terms, entry.headingTerms);
    const cov = coverage(query.terms, termWeights, terms);
    // What was asked is the question's own words; context carried from earlier turns helps rank but is not required.
    const hasOwnTerms = query.terms.some((t) => t.weight >= 1 && !t.hint);
    const support = coverage(query.terms, termWeights, terms, hasOwnTerms ? 1 : 0, false);
    const quantity = query.quantity ? hasQuantity(unit.text, query.quantity) : false;
    const dense = unit.label === undefined ? 0 : (denseByLabel.get(unit.label) ?? 0);
    // Absolute evidence: rare question words found in the line count most, so a line of only
    // generic words ("clinical coding specialists") cannot outrank one that names what was asked.
    const evidence = matchedWeight(query.terms, termWeights, unit.terms) + 0.7 * matchedWeight(query.terms, termWeights, entry.headingTerms, unit.terms);
    const quantityBonus = query.quantity ? (quantity ? this.weights.quantity : -this.weights.quantity / 2) : 0;
    // A definition bullet whose term names what was asked ("EHR Systems: Epic, …") is about it.
    const about = unit.labelTerms ? coverage(query.terms, termWeights, unit.labelTerms) : 0;
    // "What does CCS stand for?": the line that defines exactly CCS, not CCS-P.
    const definesAcronym = ctx.acronymPatterns.some((p) => p.test(unit.text)) ? 0.3 : 0;
    const score = 0.15 * evidence + 0.3 * cov + 0.3 * about + definesAcronym + quantityBonus + 0.3 * dense;
    return { unit, coverage: cov, support, hasQuantity: quantity, dense, score };
  }
}

/** Weighted share of query terms matched in `terms`; with `minWeight`, only terms at least that heavy count. */
export function coverage(queryTerms: QueryTerm[], weights: number[], terms: ReadonlySet<string>, minWeight = 0, withHints = true): number {
  let total = 0;
  let found = 0;
  queryTerms.forEach((qt, i) => {
    if (qt.weight < minWeight || (qt.hint && !withHints)) return;
    total += weights[i]!;
    found += weights[i]! * matchStrength(qt, terms);
  });
  return total === 0 ? 0 : found / total;
}

/** Sum of the weights of query terms matched in `terms`, skipping those already matched in `except`. */
function matchedWeight(queryTerms: QueryTerm[], weights: number[], terms: ReadonlySet<string>, except?: ReadonlySet<string>): number {
  let sum = 0;
  queryTerms.forEach((qt, i) => {
    if (except && matchStrength(qt, except) > 0) return;
    sum += weights[i]! * matchStrength(qt, terms);
  });
  return sum;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function union(a: ReadonlySet<string>, b: ReadonlySet<string>): ReadonlySet<string> {
  if (b.size === 0) return a;
  const out = new Set(a);
  for (const t of b) out.add(t);
  return out;
}
