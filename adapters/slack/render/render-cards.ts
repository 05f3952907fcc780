import type { Citation } from '../../../src/answer/index.js';
import type { CertCard, CommandResult, PlanStep } from '../../../src/commands/types.js';
import { escapeMrkdwn, toMrkdwn } from '../mrkdwn.js';
import { answerActions, compact, contextLine, fallbackText, fieldsSection, header, markdownSections, mrkdwnSections, packMessages, sourcesContext, type Block, type SlackMessage } from './blocks.js';

type Of<K extends CommandResult['kind']> = Extract<CommandResult, { kind: K }>;

/** Sources context plus a "Sources" button, the tail of every cited card. */
function citedTail(citations: readonly Citation[], sourcesKey?: string): Block[] {
  return compact([sourcesContext(citations), citations.length > 0 ? answerActions({ sourcesKey }) : undefined]);
}

function cite(text: string, n?: number): string {
  return n === undefined ? text : `${text} [${n}]`;
}

/** A certification card: name, organisation and focus as fields, the defining line and related lines. */
export function renderCert(result: Of<'cert'>, sourcesKey?: string): SlackMessage[] {
  const { card } = result;
  const body: Block[] = [
    header(`${card.acronym} — ${card.name}`),
    ...markdownSections(cite(card.summary, summaryCitation(card)?.n)),
    fieldsSection([
      ['Organization', card.organization],
      ['Focus', card.focus.join(', ')],
    ]),
    ...(card.related.length > 0 ? markdownSections(card.related.map((r) => `- ${cite(r.text, r.n)}`).join('\n')) : []),
  ];
  const text = fallbackText(`${card.acronym} — ${card.name} (${card.organization}): ${card.summary}`);
  return packMessages(text, body, citedTail(card.citations, sourcesKey));
}

/** Two cards side by side (section fields form two columns), then the differences. */
export function renderCertCompare(result: Of<'cert-compare'>, sourcesKey?: string): SlackMessage[] {
  const { left, right } = result;
  const { citations, leftSummary, rightSummary } = compareCitations(result);
  const column = (card: CertCard, summaryN?: number): Array<[string, string]> => [
    [card.acronym, card.name],
    ['Organization', card.organization],
    ['Focus', card.focus.join(', ')],
    ['What it is', cite(card.summary, summaryN)],
  ];
  const l = column(left, leftSummary);
  const r = column(right, rightSummary);
  const body: Block[] = [
    header(`${left.acronym} vs ${right.acronym}`),
    fieldsSection(l.flatMap((row, i) => [row, r[i]!])),
    ...(result.differences.length > 0 ? markdownSections(`**Differences**\n${result.differences.map((d) => `- ${d}`).join('\n')}`) : []),
  ];
  const text = fallbackText(`${left.acronym} vs ${right.acronym}: ${result.differences.join(' ')}`);
  return packMessages(text, body, citedTail(citations, sourcesKey));
}

/** The citation behind a card's defining line: the one quoting it, else the first. */
function summaryCitation(card: CertCard): Citation | undefined {
  return card.citations.find((c) => c.quote.includes(card.summary)) ?? card.citations[0];
}

/**
 * The sources a side-by-side comparison shows: only the cards' defining lines are on screen, so
 * only their sources are listed, numbered once across the reply (a section both cards cite is one source).
 */
export function compareCitations(result: Of<'cert-compare'>): { citations: Citation[]; leftSummary?: number; rightSummary?: number } {
  const { left, right } = result;
  const leftSummary = summaryCitation(left)?.n;
  const rightSummary = summaryCitation(right)?.n;
  const all = result.citations ?? [...left.citations, ...right.citations];
  const shown = new Set([leftSummary, rightSummary]);
  const citations = all.filter((c, i) => shown.has(c.n) && all.findIndex((o) => o.n === c.n) === i);
  return { citations, leftSummary, rightSummary };
}

export function renderCertList(result: Of<'cert-list'>): SlackMessage[] {
  const lines = result.certifications.map((c) => `- **${c.acronym}** — ${c.name}`);
  return packMessages(fallbackText(result.message), markdownSections([result.message, ...lines].join('\n')), []);
}

/** Where a reply is shown, which decides how the user answers a follow-up question. */
export type Surface = 'thread' | 'dm' | 'slash';

const REPLY_HINT: Record<Surface, string> = {
  thread: 'Answer by mentioning me in this thread.',
  dm: 'Just reply here.',
  slash: 'Answer with `/career <your answer>`.',
};

export function renderPlanQuestion(result: Of<'plan-question'>, surface: Surface = 'thread'): SlackMessage[] {
  const body = [
    ...mrkdwnSections(`*Career plan — ${result.confirm ? 'check before I build it' : `question ${result.step} of ${result.totalSteps}`}*\n${toMrkdwn(result.question)}`),
    contextLine(REPLY_HINT[surface]),
  ];
  return packMessages(fallbackText(result.question), body, []);
}

function stepLine(step: PlanStep, i: number): string {
  const extras = [step.duration, step.salary].filter(Boolean).join(' · ');
  const cites = step.cites.map((n) => `[${n}]`).join('');
  return `*${i + 1}. ${escapeMrkdwn(step.title)}*${extras ? `  _${escapeMrkdwn(extras)}_` : ''}\n${toMrkdwn(step.detail)}${cites ? ` ${cites}` : ''}`;
}

export function renderPlan(result: Of<'plan'>, sourcesKey?: string): SlackMessage[] {
  const body = [header('Your career plan'), ...markdownSections(result.summary), ...result.steps.flatMap((s, i) => mrkdwnSections(stepLine(s, i)))];
  return packMessages(fallbackText(result.summary), body, citedTail(result.citations, sourcesKey));
}

export function renderTopics(result: Of<'topics'>): SlackMessage[] {
  // depth 0 = a top-level heading of the guide.
  // With several guides, each guide's title (bold) comes before its sections.
  const lines = result.outline.flatMap((t, i) => [
    ...(t.guide !== undefined && t.guide !== result.outline[i - 1]?.guide ? [`*${escapeMrkdwn(t.guide)}*`] : []),
    `${'    '.repeat(Math.max(0, t.depth))}${t.depth > 0 ? '◦' : '•'} ${escapeMrkdwn(t.title)}`,
  ]);
  const body = [...mrkdwnSections(`*Topics in the guide*\n${lines.join('\n')}`), contextLine('Open one with `topics <name>`.')];
  return packMessages(fallbackText(result.outline.map((t) => t.title).join(', ')), body, []);
}

export function renderTopic(result: Of<'topic'>, sourcesKey?: string): SlackMessage[] {
  const body = [header(result.section.split(' › ').at(-1) ?? result.section), ...markdownSections(result.text)];
  return packMessages(fallbackText(result.text), body, citedTail(result.citations, sourcesKey));
}

export function renderHelp(result: Of<'help'>): SlackMessage[] {
  const examples = result.examples.map((e) => `- \`${e}\``).join('\n');
  const body = [...markdownSections(result.text), ...(examples ? mrkdwnSections(`*Try*\n${toMrkdwn(examples)}`) : []), contextLine('Use `/career <command>`, mention me in a channel, or send me a direct message.')];
  return packMessages(fallbackText(result.text), body, []);
}

export function renderError(result: Of<'error'>): SlackMessage[] {
  const text = `:warning: ${escapeMrkdwn(result.message)}`;
  return [{ text, blocks: mrkdwnSections(text) }];
}
