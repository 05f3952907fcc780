export { analyzeQuery, detectQuantity, detectAcronyms } from './query-analysis.js';
export type { AnalyzedQuery, Quantity, QueryTerm } from './query-analysis.js';
export { SectionCatalog } from './section-catalog.js';
export type { CatalogSection, Unit } from './section-catalog.js';
export { HybridRetriever, coverage } from './hybrid-retriever.js';
export type { RankedSection, RetrievalResult, RetrievalSignals, ScoredUnit } from './hybrid-retriever.js';
export { QueryExpander, type Vocabulary, type Alternatives } from './query-expansion.js';
export { termMatches, matchStrength, hasQuantity } from './matching.js';
export { SectionRetriever } from './langchain-retriever.js';
