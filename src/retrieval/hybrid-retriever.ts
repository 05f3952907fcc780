import type { IdentifiedEmbeddings } from '../embeddings/index.js';
import { getWordNet } from '../lexicon/index.js';
import { linearScore, loadQualityModels, QUALITY, type QualityModels, type QualityParameters } from '../quality/index.js';
import { leadLine, rankLines, type RankedLine } from './line-ranking.js';
import { otherOccupations, ownOccupation, type OwnOccupation } from './other-occupations.js';
import type { KnowledgeIndex } from '../index/index.js';
import { hasQuantity, matchStrength } from './matching.js';
import { analyzeQuery, askingPart, type AnalyzedQuery, type QueryTerm } from './query-analysis.js';
import { QueryExpander } from './query-expansion.js';
import { WordNeighbours } from './word-neighbours.js';
import type { RankedSection, ScoredUnit, SectionFeatures } from './ranked-section.js';
import { GuideRouter } from './guide-router.js';
import { SectionCatalog, type CatalogSection, type Unit } from './section-catalog.js';
import { escapeRegExp, plainApostrophes } from '../text/index.js';

/** What the previous turns add to a follow-up: the previous question, how much it weighs, the value type it asked for, the names its answer gave. */
export type CarriedContext = NonNullable<Parameters<typeof analyzeQuery>[1]>;

/** One way to read a message: as typed, or with the conversation it may lean on. */
export interface QuestionReading {
  question: string;
  carried?: CarriedContext;
}

export interface RetrievalResult {
  query: AnalyzedQuery;
  sections: RankedSection[];
  /** Lines of the top sections, best first by the line model: what an answer quotes from. */
  lines: RankedLine[];
  retrieveMs: number;
  /** Whole-query evidence the answerability decision reads (see src/answer/answerability.ts). */
  signals: RetrievalSignals;
}

export interface RetrievalSignals {
  /** Cosine similarity of the question to its nearest chunk anywhere in the guides. */
  denseTop: number;
  /** 1-based rank of the top reranked section in the dense-only and keyword-only section orders (0 = absent). */
  denseRankOfTop: number;
  keywordRankOfTop: number;
  /** Share of the question's own term weight that nothing in the guides matches, even through the lexicon. */
  unknownShare: number;
  /** Each query term's weight (its own weight × IDF over sections), parallel to `query.terms`. */
  termWeights: number[];
  /** Whether the searched guides use each query term itself (in any form or spelling), parallel to `query.terms`. */
  inGuides: boolean[];
  /**
   * What the question names that no searched guide speaks of, as written: codes and acronyms in
   * capitals ("CMAA", "E11"), and words the asking sentence capitalises ("in Texas").
   */
  unknownNames: string[];
  /** The codes and acronyms the question names that a searched guide defines or uses ("CPC"): the question is on the guides' topic. */
  knownAcronyms: string[];
  /** Occupations a pay question asks about that are not the guides' own and the lead line does not name (other-occupations.ts). */
  otherOccupations: string[];
}

/** Per-query values shared by every unit's scoring, computed once. */
interface ScoringContext {
  /** The question's unit-length embeddings: the whole question, then each of its sentences when it has several. */
  vectors: number[][];
  /** "(CCS)" for each acronym asked about: the unit that defines exactly it. */
  acronymPatterns: RegExp[];
}

/**
 * Hybrid retrieval: dense (hnswlib) and BM25 (MiniSearch) over section and unit chunks, fused by
 * reciprocal rank, mapped back to sections (small-to-big), then reranked with what the question
 * asks: heading matches, glossary acronyms, the value type ("how much" → money), list shape and
 * the best single line's evidence.
 */
export class HybridRetriever {
  readonly catalog: SectionCatalog;

  readonly expander: QueryExpander;

  /** Guide words nearest in meaning to question words the guides never use. */
  private readonly neighbours: WordNeighbours;

  /** Tells loaded guides apart by the words only one of them uses. */
  readonly router: GuideRouter;

  /** What the loaded guides call their own occupation ("technician", "pt"). */
  private readonly ownOccupation: OwnOccupation;

  constructor(
    readonly index: KnowledgeIndex,
    readonly embedder: IdentifiedEmbeddings,
    /** The ranking and line models fitted for this embedder (src/quality/models). */
    readonly models: QualityModels = loadQualityModels(embedder.id),
    private readonly params: QualityParameters['retrieval'] = QUALITY.retrieval,
  ) {
    this.catalog = new SectionCatalog(index);
    this.expander = new QueryExpander(this.catalog);
    this.neighbours = new WordNeighbours(index.words);
    this.router = new GuideRouter(index, this.catalog);
    this.ownOccupation = ownOccupation(this.catalog, index.documents);
  }

  /** Reads a question with this knowledge base's vocabulary (lexicon and spelling help where the guides use other words). */
  analyze(question: string, carried?: CarriedContext): AnalyzedQuery {
    return analyzeQuery(this.catalog.truecase(question), carried, this.expander);
  }

  /** Reads a question as `readAll` does, for one reading of it. */
  async read(question: string, carried?: CarriedContext, embedder?: IdentifiedEmbeddings): Promise<AnalyzedQuery> {
    return (await this.readAll([{ question, ...(carried ? { carried } : {}) }], embedder))[0]!;
  }

  /**
   * Reads one or more readings of a message as `analyze` does, and also matches the words the
   * guides never use to the guide words nearest in meaning. With a request's embedder (a memo of
   * this retriever's model), the unseen words and every reading's views are embedded in one model
   * call, so `embed` then finds the views already made: one call per message.
   */
  async readAll(readings: readonly QuestionReading[], embedder?: IdentifiedEmbeddings): Promise<AnalyzedQuery[]> {
    const asked = readings.map((r) => ({ ...r, question: this.catalog.truecase(r.question) }));
    const plain = asked.map((r) => analyzeQuery(r.question, r.carried, this.expander));
    const tokens = plain.flatMap((q) => q.terms.flatMap((t) => (t.token && this.expander.needsNeighbours(t.token) ? [t.token] : [])));
    const model = this.modelFor(embedder);
    // The views depend on the question's text only, not on its words' alternatives.
    const views = model === embedder ? [...new Set(plain.flatMap((q) => queryViews(q)))] : [];
    let viewsMade = false;
    const nearby = await this.neighbours.lookup(tokens, async (words) => {
      viewsMade = true;
      return (await model.embedDocuments([...views, ...words])).slice(views.length);
    });
    // No word to look up: one reading's views are made by `embed` (as a query when there is one
    // view); several readings' views are made here, together.
    if (!viewsMade && readings.length > 1 && views.length > 0) await model.embedDocuments(views);
    return tokens.length === 0 ? plain : asked.map((r) => analyzeQuery(r.question, r.carried, this.expander.withNeighbours(nearby)));
  }

  /** Embeds the query once and retrieves; `sources`, when given, limits retrieval to those guide files. */
  async retrieve(query: AnalyzedQuery, limit = 5, sources?: ReadonlySet<string>): Promise<RetrievalResult> {
    const started = performance.now();
    const result = this.retrieveWithVector(query, await this.embed(query), limit, sources);
    return { ...result, retrieveMs: performance.now() - started };
  }

  /**
   * The question's views embedded in one call (reused when one question is searched in several
   * guides), by `embedder` when it is this retriever's model (a request's memo of it), else by its own.
   */
  async embed(query: AnalyzedQuery, embedder?: IdentifiedEmbeddings): Promise<number[][]> {
    const views = queryViews(query);
    const model = this.modelFor(embedder);
    return views.length === 1 ? [await model.embedQuery(views[0]!)] : await model.embedDocuments(views);
  }

  /** A request's embedder when it is this retriever's model (a memo of it), else the retriever's own. */
  private modelFor(embedder: IdentifiedEmbeddings | undefined): IdentifiedEmbeddings {
    return embedder?.id === this.embedder.id ? embedder : this.embedder;
  }

  /** Retrieval given an already computed query vector (no embedding cost). */
  retrieveWithVector(query: AnalyzedQuery, vectorOrViews: number[] | number[][] | undefined, limit = 5, sources?: ReadonlySet<string>): RetrievalResult {
    const started = performance.now();
    const vectors = unitVectors(vectorOrViews);
    const { denseHits, keywordHits } = this.candidateHits(query, vectors, sources);
    const termWeights = query.terms.map((t) => t.weight * this.catalog.termWeight(t.term));
    const orders = { dense: this.sectionOrder(denseHits), keyword: this.sectionOrder(keywordHits) };
    const ranked = this.rerank(this.fuseBySection(denseHits, keywordHits), orders, query, termWeights, vectors);
    const rankOf = (order: Array<CatalogSection | undefined>) => (ranked[0] ? order.indexOf(ranked[0].entry) + 1 : 0);
    const inGuides = query.terms.map((t) => this.catalog.knows(t.term) || [...t.alternatives].some(([alt, strength]) => strength >= QUALITY.matching.relation.spelling && this.catalog.knows(alt)));
    const sections = ranked.slice(0, limit);
    const lines = rankLines(query, sections, this.models.lines);
    const acronyms = namedAcronyms(query, this.catalog);
    const signals: RetrievalSignals = {
      denseTop: denseHits[0]?.similarity ?? 0,
      denseRankOfTop: rankOf(orders.dense),
      keywordRankOfTop: rankOf(orders.keyword),
      unknownShare: this.unknownShare(query),
      termWeights,
      inGuides,
      unknownNames: [...acronyms.unknown, ...unknownProperNames(query, inGuides)],
      knownAcronyms: acronyms.known,
      otherOccupations: otherOccupations(query, leadLine(lines, query), this.ownOccupation),
    };
    return { query, sections, lines, retrieveMs: performance.now() - started, signals };
  }

  /** The dense and keyword candidate chunks, best first, each list limited to the allowed guides. */
  private candidateHits(query: AnalyzedQuery, vectors: number[][], sources: ReadonlySet<string> | undefined) {
    // With a guide filter, look further down both lists so the allowed guides still fill the candidates.
    const candidates = sources ? this.params.candidates * 4 : this.params.candidates;
    // A guide filter (a place allowed only some guides) drops other guides' chunks before ranking.
    const allowed = <H extends { label: number }>(hits: H[]) => (sources ? hits.filter((h) => sources.has(this.index.chunks[h.label]!.source)) : hits);
    const denseHits = allowed(this.denseSearch(vectors, candidates));
    const keywordTerms = query.terms.flatMap((t) => {
      // The guide's own subject words ("coder") are true of every section: they count as little here as in the rerank.
      const weight = t.weight * this.catalog.topicalFactor(t.term);
      return [{ term: t.term, weight }, ...[...t.alternatives].map(([alt, strength]) => ({ term: alt, weight: weight * strength * QUALITY.matching.keywordAlternativeWeight }))];
    });
    const keywordHits = allowed(this.index.keywords.query(keywordTerms, candidates));
    return { denseHits, keywordHits };
  }

  /** Reciprocal-rank fusion of both lists per chunk, then per section at its best chunk. */
  private fuseBySection(denseHits: Array<{ label: number; similarity: number }>, keywordHits: Array<{ label: number }>) {
    const { rrfK } = this.params;
    const denseByLabel = new Map(denseHits.map((h) => [h.label, h.similarity]));
    const rrfByLabel = new Map<number, number>();
    const addRank = (label: number, rank: number) => rrfByLabel.set(label, (rrfByLabel.get(label) ?? 0) + 1 / (rrfK + rank));
    denseHits.forEach((h, rank) => addRank(h.label, rank));
    keywordHits.forEach((h, rank) => addRank(h.label, rank));

    // Small-to-big: a section is as strong as its best chunk, whether that is the whole section or one line.
    const rrf = new Map<CatalogSection, number>();
    const dense = new Map<CatalogSection, number>();
    for (const [label, score] of rrfByLabel) {
      const entry = this.catalog.forChunk(this.index.chunks[label]!);
      if (!entry) continue;
      rrf.set(entry, Math.max(rrf.get(entry) ?? 0, score));
      dense.set(entry, Math.max(dense.get(entry) ?? 0, denseByLabel.get(label) ?? 0));
    }
    return { rrf, dense };
  }

  /** Sections in the order their chunks appear in one hit list (for reciprocal ranks and signals). */
  private sectionOrder(hits: Array<{ label: number }>): Array<CatalogSection | undefined> {
    return [...new Set(hits.map((h) => this.catalog.forChunk(this.index.chunks[h.label]!)))];
  }

  /** Every fused section scored with the ranking model, best first. */
  private rerank(
    fused: { rrf: Map<CatalogSection, number>; dense: Map<CatalogSection, number> },
    orders: { dense: Array<CatalogSection | undefined>; keyword: Array<CatalogSection | undefined> },
    query: AnalyzedQuery,
    termWeights: number[],
    vectors: number[][],
  ): RankedSection[] {
    const ctx: ScoringContext = { vectors, acronymPatterns: query.acronyms.map((a) => new RegExp(`\\(${escapeRegExp(a)}\\)`, 'i')) };
    const ranked = [...fused.rrf].map(([entry, rrf]) =>
      this.rankSection(entry, { rrf, dense: fused.dense.get(entry) ?? 0, dense_rr: reciprocalRank(orders.dense, entry), keyword_rr: reciprocalRank(orders.keyword, entry) }, query, termWeights, ctx),
    );
    ranked.sort((a, b) => b.score - a.score);
    return ranked;
  }

  /** Nearest chunks over every view of the question, each label at its best similarity. */
  private denseSearch(vectors: number[][], k: number): Array<{ label: number; similarity: number }> {
    const best = new Map<number, number>();
    for (const v of vectors) for (const h of this.index.vectors.searchLabels(v, k)) best.set(h.label, Math.max(best.get(h.label) ?? -1, h.similarity));
    return [...best].map(([label, similarity]) => ({ label, similarity })).sort((a, b) => b.similarity - a.similarity).slice(0, k);
  }

  /**
   * Weight share of the question's own terms the guides lack: a term they use counts 0, one
   * reached only through an alternative counts what the alternative's strength leaves (a loose
   * WordNet relation says less than a synonym), one with no alternative counts 1.
   */
  private unknownShare(query: AnalyzedQuery): number {
    let total = 0;
    let unknown = 0;
    for (const t of query.terms) {
      if (t.weight < 1 || t.hint) continue;
      const w = this.catalog.idf(t.term);
      total += w;
      if (!this.catalog.knows(t.term)) unknown += w * (1 - Math.max(0, ...t.alternatives.values()));
    }
    return total === 0 ? 0 : unknown / total;
  }

  private rankSection(
    entry: CatalogSection,
    fused: Pick<SectionFeatures, 'rrf' | 'dense' | 'dense_rr' | 'keyword_rr'>,
    query: AnalyzedQuery,
    termWeights: number[],
    ctx: ScoringContext,
  ): RankedSection {
    const units = entry.units
      .map((unit) => this.scoreUnit(unit, entry, query, termWeights, ctx))
      .sort((a, b) => b.score - a.score);
    const isList = entry.units.filter((u) => u.kind === 'bullet').length >= 3 || entry.children.length >= 3;
    const features: SectionFeatures = {
      ...fused,
      centroid: cosine(ctx.vectors, entry.centroid),
      heading_sim: cosine(ctx.vectors, entry.headingVector),
      title: coverage(query.terms, termWeights, entry.titleTerms),
      best_unit: units[0]?.score ?? 0,
      best_support: Math.max(0, ...units.map((u) => u.support)),
      best_line_sim: Math.max(0, ...units.map((u) => u.dense)),
      // Only a section that defines the acronym is about it; one that merely expands it in passing is not.
      // Definitions in the layouts read since round 15 (`form`: acronym first, or acronym and name in one
      // table cell) came after this model was fitted; counted here, they moved whole sections up on the
      // tune splits ("EMT" defined in a levels table outranked the prerequisites) and cost answers.
      acronym: query.acronyms.some((a) => entry.glossary.some((g) => g.kind === 'definition' && !g.form && g.acronym?.toUpperCase() === a.toUpperCase())) ? 1 : 0,
      list: query.wantsList && isList ? 1 : 0,
      value_match: query.quantity ? (units.some((u) => u.hasQuantity) ? 1 : -1) : 0,
    };
    return { entry, score: linearScore(this.models.ranking, features), units, features };
  }

  private scoreUnit(unit: Unit, entry: CatalogSection, query: AnalyzedQuery, termWeights: number[], ctx: ScoringContext): ScoredUnit {
    // A question the guide asks right before the line titles it, as the heading does.
    const titles = unit.askedBy ? union(entry.headingTerms, unit.askedBy) : entry.headingTerms;
    const terms = union(unit.terms, titles);
    const cov = coverage(query.terms, termWeights, terms);
    // What was asked is the question's own words; context carried from earlier turns helps rank but is not required.
    const hasOwnTerms = query.terms.some((t) => t.weight >= 1 && !t.hint);
    const support = coverage(query.terms, termWeights, terms, hasOwnTerms ? 1 : 0, false);
    const quantity = query.quantity ? hasQuantity(unit.text, query.quantity) : false;
    const dense = cosine(ctx.vectors, unit.vector);
    // Absolute evidence: rare question words found in the line count most, so a line of only
    // generic words ("clinical coding specialists") cannot outrank one that names what was asked.
    const evidence = matchedWeight(query.terms, termWeights, unit.terms) + this.params.line.headingEvidence * matchedWeight(query.terms, termWeights, titles, unit.terms);
    const w = this.params.line;
    const quantityBonus = query.quantity ? (quantity ? w.quantity : -w.quantity / 2) : 0;
    // A definition bullet whose term names what was asked ("EHR Systems: Epic, …") is about it.
    const about = unit.labelTerms ? coverage(query.terms, termWeights, unit.labelTerms) : 0;
    // "What does CCS stand for?": the line that defines exactly CCS, not CCS-P.
    const definesAcronym = ctx.acronymPatterns.some((p) => p.test(unit.text)) ? w.definesAcronym : 0;
    const score = w.evidence * evidence + w.coverage * cov + w.about * about + definesAcronym + quantityBonus + w.dense * dense;
    return { unit, coverage: cov, support, hasQuantity: quantity, dense, about, score };
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

/** Best cosine between the question's views and a stored vector (all unit length, so a dot product); 0 when missing. */
function cosine(views: number[][], stored: Float32Array | undefined): number {
  if (!stored) return 0;
  let best = 0;
  for (const query of views) {
    if (stored.length !== query.length) continue;
    let dot = 0;
    for (let i = 0; i < stored.length; i++) dot += query[i]! * stored[i]!;
    best = Math.max(best, dot);
  }
  return best;
}

/**
 * The texts embedded for a question: the whole question, plus each sentence of a question of
 * several ("I spent years as an X-ray tech. Is there a niche where that helps?"), so the asking
 * sentence is matched on its own as well as in its scenario.
 */
export function queryViews(query: AnalyzedQuery): string[] {
  // As the intent reader embeds the message: one text, one embedding per request.
  const text = plainApostrophes(query.searchText);
  const sentences = text.split(/(?<=[.!?;])\s+/).filter((s) => s.split(/\s+/).length >= 3);
  if (sentences.length < 2) return [text];
  // The sentence that asks comes first among the parts: in a long scenario it may be the last one.
  const asking = askingPart(text);
  const parts = [...new Set([asking, ...sentences])].filter((s) => s !== text);
  return [text, ...parts.slice(0, QUALITY.retrieval.maxViews - 1)];
}

function unitLength(vector: number[]): number[] {
  const norm = Math.hypot(...vector);
  return norm > 0 ? vector.map((v) => v / norm) : vector;
}

function reciprocalRank(order: Array<CatalogSection | undefined>, entry: CatalogSection): number {
  const i = order.indexOf(entry);
  return i === -1 ? 0 : 1 / (i + 1);
}

function union(a: ReadonlySet<string>, b: ReadonlySet<string>): ReadonlySet<string> {
  if (b.size === 0) return a;
  const out = new Set(a);
  for (const t of b) out.add(t);
  return out;
}

/** One vector or several views, each scaled to unit length. */
function unitVectors(vectorOrViews: number[] | number[][] | undefined): number[][] {
  return (vectorOrViews === undefined ? [] : Array.isArray(vectorOrViews[0]) ? (vectorOrViews as number[][]) : [vectorOrViews as number[]]).map(unitLength);
}

/**
 * The question's codes and acronyms, as the searched guides know them or not. Capitals right
 * after a number are a unit ("9 AM", "5 MG"), not a thing the question names.
 */
function namedAcronyms(query: AnalyzedQuery, catalog: SectionCatalog): { known: string[]; unknown: string[] } {
  const units = new Set([...query.question.matchAll(/\d\s*([A-Z]{2,})\b/g)].map((m) => m[1]!));
  const named = query.acronyms.filter((a) => !units.has(a));
  // Credentials written in mixed case ("CPhT-Adv", "ExCPT") count when a guide uses them as written.
  const mixed = catalog.mixedCaseAcronymsIn(query.question).filter((a) => !named.includes(a));
  return { known: [...named.filter((a) => catalog.knowsAcronym(a)), ...mixed], unknown: named.filter((a) => !catalog.knowsAcronym(a)) };
}

/**
 * The names the asking sentence capitalises that no searched guide uses: a place, employer or
 * product the guides never mention is something they cannot speak to. Names in a sentence that
 * only sets the scene ("I work at Mercy General. …") and days and months do not count.
 */
function unknownProperNames(query: AnalyzedQuery, inGuides: readonly boolean[]): string[] {
  const written = new Map(query.properNames.map((n) => [n.toLowerCase(), n]));
  // Days and months are capitalised too, but say when, not what ("what do I do on Monday?").
  const isTime = (token: string) => getWordNet().nounClasses(token).includes('noun.time');
  return query.terms.flatMap((t, i) => (t.token && !t.setup && !inGuides[i] && written.has(t.token) && !isTime(t.token) ? [written.get(t.token)!] : []));
}
