import type { Answer, Citation } from './schema.js';

/**
 * The sources a front end lists under a reply: an answer's citations, or for a partial answer
 * the related lines it offers ("Related in the guide"). Every front end uses this, so the list
 * and the Sources button always agree.
 */
export function shownSources(answer: Pick<Answer, 'citations' | 'related'>): { title: 'Sources' | 'Related in the guide'; citations: Citation[] } | undefined {
  if (answer.citations.length > 0) return { title: 'Sources', citations: answer.citations };
  if (answer.related?.length) return { title: 'Related in the guide', citations: answer.related };
  return undefined;
}
