import { wordTokens } from '../text/index.js';
import { sectionUnits } from './chunker.js';
import type { KnowledgeDocument } from './types.js';

/** The guides' own lower-case word tokens (letters only, unstemmed), most frequent first. */
export function guideWords(documents: readonly KnowledgeDocument[]): string[] {
  const counts = new Map<string, number>();
  for (const section of documents.flatMap((d) => d.sections)) {
    for (const text of [...section.headingPath, ...sectionUnits(section).map((u) => u.text)]) {
      for (const token of wordTokens(text)) if (/^\p{L}+$/u.test(token)) counts.set(token, (counts.get(token) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([w]) => w);
}
