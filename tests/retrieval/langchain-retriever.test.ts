import { RunnableLambda } from '@langchain/core/runnables';
import { describe, expect, it } from 'vitest';
import { SectionRetriever } from '../../src/retrieval/index.js';
import { openTestAdvisor } from '../helpers/test-advisor.js';

describe('SectionRetriever (LangChain BaseRetriever)', () => {
  it('returns ranked guide sections as Documents and composes in an LCEL chain', async () => {
    const advisor = await openTestAdvisor();
    const retriever = new SectionRetriever(advisor.retriever, 3);
    const docs = await retriever.invoke('How much do entry-level coders make?');
    expect(docs).toHaveLength(3);
    expect(docs.map((d) => d.metadata.section)).toContain('Salary and Compensation › Compensation Overview');
    const overview = docs.find((d) => d.metadata.section.endsWith('Compensation Overview'))!;
    expect(overview.pageContent).toContain('Entry-Level (0-2 years): $28,000-$35,000 annually');
    expect(overview.metadata.source).toBe('clinical-coding-specialist-guide.md');
    const scores = docs.map((d) => d.metadata.score as number);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);

    const chain = retriever.pipe(RunnableLambda.from((found: typeof docs) => found.map((d) => d.metadata.section).join(' | ')));
    expect(await chain.invoke('Which AHIMA certification is for hospital inpatient coding?')).toContain('Professional Certifications');
  });
});
