import { Document } from '@langchain/core/documents';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import { formatHeadingPath } from '../ingest/index.js';
import type { HybridRetriever } from './hybrid-retriever.js';

/**
 * The hybrid retriever behind LangChain's `BaseRetriever` interface, so it drops into LCEL
 * chains: `invoke(question)` returns one Document per ranked section (its text, with the heading
 * path, source, line range and score in metadata).
 */
export class SectionRetriever extends BaseRetriever {
  lc_namespace = ['career_advisor', 'retrievers'];

  constructor(
    private readonly hybrid: HybridRetriever,
    private readonly k = 5,
    fields?: BaseRetrieverInput,
  ) {
    super(fields);
  }

  override async _getRelevantDocuments(query: string): Promise<Document[]> {
    const { sections } = await this.hybrid.retrieve(await this.hybrid.read(query), this.k);
    return sections.map(({ entry, score }) => {
      const s = entry.section;
      return new Document({
        pageContent: s.blocks.map((b) => (b.kind === 'bullet' ? `- ${b.text}` : b.text)).join('\n'),
        metadata: { section: formatHeadingPath(s.headingPath), source: s.source, lineStart: s.lineStart, lineEnd: s.lineEnd, score },
      });
    });
  }
}
