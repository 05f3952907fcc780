export { analyzeQuery, detectQuantity, detectAcronyms } from './query-analysis.js';
export type { AnalyzedQuery, Quantity, QueryTerm } from './query-analysis.js';
export { SectionCatalog } from './section-catalog.js';
export type { CatalogSection, Unit } from './section-catalog.js';
export { HybridRetriever, DEFAULT_WEIGHTS, coverage } from './hybrid-retriever.js';
export type { RankedSection, RetrievalResult, RerankWeights, ScoredUnit } from './hybrid-retriever.js';
export { termMatches, hasQuantity } from './matching.js';
export { SectionRetriever } from './langchain-retriever.js';
