import { QUALITY } from '../quality/index.js';
import type { RetrievalResult } from '../retrieval/index.js';

/** "Q5: How often must I …?" → "How often must I …?" (a guide's FAQ numbering is not part of the question). */
function headingQuestion(title: string): string | undefined {
  const question = title.replace(/^(?:Q(?:uestion)?\s*\d+\s*[:.)-]\s*)/i, '').trim();
  return question.endsWith('?') ? question : undefined;
}

/**
 * What a refusal offers instead of a dead end: the closest sections, as the question a FAQ heading
 * asks or as the `topics` command opening the section. At most QUALITY.refusals.suggestions, distinct.
 */
export function refusalSuggestions(result: Pick<RetrievalResult, 'sections'>): string[] {
  const suggestions: string[] = [];
  for (const ranked of result.sections) {
    const title = ranked.entry.section.headingPath.at(-1);
    if (!title) continue;
    const suggestion = headingQuestion(title) ?? `topics ${title}`;
    if (!suggestions.includes(suggestion)) suggestions.push(suggestion);
    if (suggestions.length >= QUALITY.refusals.suggestions) break;
  }
  return suggestions;
}
