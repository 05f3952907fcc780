import { citationLabel, shownSources, type Answer, type Citation } from '../../../src/answer/index.js';
import { escapeMrkdwn, toMrkdwn } from '../mrkdwn.js';
import { splitMrkdwn } from '../split-mrkdwn.js';
import { answerActions, compact, contextLine, fallbackText, markdownSections, packMessages, sourcesContext, type Block, type SlackMessage } from './blocks.js';

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
    isSmallTalk ? undefined : answerActions({ answerId: answer.id, sourcesKey: shown ? sourcesKey : undefined }),
  ]);
  const sources = shown?.citations.map((c) => `[${c.n}] ${citationLabel(c)}`).join('; ');
  return packMessages(fallbackText(sources ? `${answer.answer}\n${shown!.title}: ${sources}` : answer.answer), body, tail);
}

/**
 * The ephemeral "Sources" message: each citation with its section, file and the quoted guide lines.
 */
export function renderSources(citations: readonly Citation[]): SlackMessage {
  if (citations.length === 0) return { text: 'No sources for this reply.', blocks: markdownSections('No sources for this reply.') };
  const blocks = citations.flatMap((c) => {
    const quote = toMrkdwn(c.quote)
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => `> ${line}`)
      .join('\n');
    return splitMrkdwn(`*[${c.n}] ${escapeMrkdwn(citationLabel(c))}*\n${quote}`).map((text): Block => ({ type: 'section', text: { type: 'mrkdwn', text } })).concat(contextLine(`_${escapeMrkdwn(c.source)}_`));
  });
  const text = fallbackText(citations.map((c) => `[${c.n}] ${citationLabel(c)}: ${c.quote}`).join('\n'));
  return { text, blocks: blocks.length > 50 ? [...blocks.slice(0, 49), contextLine('…more sources omitted')] : blocks };
}
