import { shownSources, sourceListing, type Answer, type Citation } from '../../../src/answer/index.js';
import { escapeMrkdwn, toMrkdwn } from '../mrkdwn.js';
import { splitMrkdwn } from '../split-mrkdwn.js';
import { answerActions, compact, suggestionActions, contextLine, fallbackText, markdownSections, packMessages, sourcesContext, type Block, type SlackMessage } from './blocks.js';

/**
 * An answer as Block Kit: the text as mrkdwn sections, notes, the numbered sources, then 👍/👎 and
 * "Sources" buttons. `sourcesKey` is where the adapter keeps the citations for the "Sources" button.
 */
export function renderAnswer(answer: Answer, sourcesKey?: string): SlackMessage[] {
  const isSmallTalk = answer.kind === 'smalltalk';
  const body: Block[] = [
    ...markdownSections(answer.answer),
    ...(answer.notes ?? []).map((note) => contextLine(`:information_source: ${escapeMrkdwn(note)}`)),
  ];
  const shown = shownSources(answer);
  const tail = compact([
    shown && sourcesContext(shown.citations, shown.title),
    suggestionActions(answer.suggestions),
    isSmallTalk ? undefined : answerActions({ answerId: answer.id, sourcesKey: shown ? sourcesKey : undefined }),
  ]);
  const sources = shown && sourceListing(shown.citations).lines.map((l) => `[${l.n}] ${l.label}`).join('; ');
  return packMessages(fallbackText(sources ? `${answer.answer}\n${shown!.title}: ${sources}` : answer.answer), body, tail);
}

/**
 * The ephemeral "Sources" message: the guide named once, then each citation with its section and
 * the quoted guide lines.
 */
export function renderSources(citations: readonly Citation[]): SlackMessage {
  if (citations.length === 0) return { text: 'No sources for this reply.', blocks: markdownSections('No sources for this reply.') };
  const listing = sourceListing(citations);
  const blocks = citations.flatMap((c, i) => {
    const quote = toMrkdwn(c.quote)
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => `> ${line}`)
      .join('\n');
    return splitMrkdwn(`*[${c.n}] ${escapeMrkdwn(listing.lines[i]!.label)}*\n${quote}`).map((text): Block => ({ type: 'section', text: { type: 'mrkdwn', text } }));
  });
  if (listing.guide) blocks.unshift(contextLine(`*Sources* — _${escapeMrkdwn(listing.guide)}_`));
  const text = fallbackText(citations.map((c, i) => `[${c.n}] ${listing.lines[i]!.label}: ${c.quote}`).join('\n'));
  return { text, blocks: blocks.length > 50 ? [...blocks.slice(0, 49), contextLine('…more sources omitted')] : blocks };
}
