import type { CatalogSection, Unit } from './section-catalog.js';

// The ranked-section shapes live apart from the retriever so that line ranking, which reads
// them, and the retriever, which uses line ranking, do not import each other.

export interface ScoredUnit {
  unit: Unit;
  /** Weighted share of the question's terms found in the line or its headings (0–1). */
  coverage: number;
  /** Coverage without shape hints: how much of what was asked this line answers (drives abstention). */
  support: number;
  hasQuantity: boolean;
  /** Cosine of the question to the line. */
  dense: number;
  /** Coverage of the question by the line's label ("EHR Systems" in "EHR Systems: Epic, …"). */
  about: number;
  /** Hand-weighted relevance (QUALITY.retrieval.line); the answer layer's line model refines it. */
  score: number;
}

export interface RankedSection {
  entry: CatalogSection;
  score: number;
  /** Units in descending score. */
  units: ScoredUnit[];
  features: SectionFeatures;
}

/** What the ranking model weighs for one candidate section (see src/quality/ranking-model.json). */
export interface SectionFeatures {
  /** Reciprocal-rank fusion of the section's best chunk in the dense and keyword lists. */
  rrf: number;
  /** Cosine of the question to the section's best chunk among the dense hits. */
  dense: number;
  /** Cosine of the question to the section's centroid (all its chunks) and to its heading path alone. */
  centroid: number;
  heading_sim: number;
  /** Reciprocal rank of the section in the dense-only and keyword-only section orders (0 when absent). */
  dense_rr: number;
  keyword_rr: number;
  /** Weighted share of the question's terms in the section's own title. */
  title: number;
  /** Best line score, best line support and best line cosine within the section. */
  best_unit: number;
  best_support: number;
  best_line_sim: number;
  /** 1 when the section defines an acronym the question names. */
  acronym: number;
  /** 1 when a list is asked for and the section is one. */
  list: number;
  /** When the question asks for a value type (money, duration…): 1 if a line of the section states one, −1 if none does; 0 otherwise. */
  value_match: number;
  [name: string]: number;
}
