import { startsGuide } from './topics/topics.js';
import { citationLabel, sourceListing } from '../answer/index.js';
import type { Citation } from '../answer/index.js';
import type { CertCard, CommandResult, QuizQuestionView, ScoreLine } from './types.js';

const LETTERS = ['A', 'B', 'C', 'D', 'E'];

/** "Sources — guide", then one line per source (the guide named once, not on every line). */
function sources(citations: readonly Citation[], title = 'Sources'): string[] {
  if (citations.length === 0) return [];
  const listing = sourceListing(citations);
  return ['', listing.guide ? `${title} — ${listing.guide}` : title, ...listing.lines.map((l) => `  [${l.n}] ${l.label}`)];
}

/** Suggested questions or commands after a refusal, one per line. */
function suggestions(items: readonly string[] | undefined): string[] {
  return items?.length ? ['', 'You could try:', ...items.map((s) => `  • ${s}`)] : [];
}

function card(c: CertCard, withSources = true): string[] {
  const org = c.organizationName ? `${c.organization} (${c.organizationName})` : c.organization;
  const first = c.citations[0] ? ` [${c.citations[0].n}]` : '';
  return [
    `${c.acronym} — ${c.name}`,
    `Organisation: ${org}`,
    ...(c.level ? [`Level: ${c.level}`] : []),
    `Focus: ${c.focus.length ? c.focus.join(', ') : 'not stated'}`,
    `${c.summary}${first}`,
    ...(c.related.length ? ['', 'Good to know', ...c.related.map((r) => `  • ${r.text} [${r.n}]`)] : []),
    ...(withSources ? sources(c.citations) : []),
  ];
}

function question(view: QuizQuestionView): string[] {
  return [`Question ${view.index + 1} of ${view.total}: ${view.question}`, ...view.options.map((o, i) => `  ${LETTERS[i]}. ${o}`)];
}

function scores(board: readonly ScoreLine[], finished: boolean): string[] {
  if (board.length === 0) return [finished ? 'Quiz over. Nobody answered.' : 'No answers yet.'];
  return [finished ? 'Final scores' : 'Scores so far', ...board.map((s, i) => `  ${i + 1}. ${s.userName ?? s.userId} — ${s.correct}/${s.answered} correct`)];
}

type Of<K extends CommandResult['kind']> = Extract<CommandResult, { kind: K }>;

function compareText(result: Of<'cert-compare'>): string {
  // One source list for both cards when the comparison carries it; otherwise each card lists its own.
  const own = !result.citations;
  return [
    `${result.left.acronym} vs ${result.right.acronym}`,
    ...result.differences.map((d) => `  • ${d}`),
    ...['', '────────', ...card(result.left, own), '', '────────', ...card(result.right, own)],
    ...sources(result.citations ?? []),
  ].join('\n');
}

function planText(result: Of<'plan'>): string {
  const steps = result.steps.flatMap((s, i) => {
    const facts = [s.duration ? `Time: ${s.duration}` : '', s.salary ? `Salary: ${s.salary}` : ''].filter(Boolean).join(' · ');
    return [`${i + 1}. ${s.title} ${s.cites.map((n) => `[${n}]`).join('')}`, `   ${s.detail}`, ...(facts ? [`   ${facts}`] : [])];
  });
  return [result.summary, '', ...steps, ...sources(result.citations)].join('\n');
}

function topicsText(result: Of<'topics'>): string {
  const lines = result.outline.flatMap((o, i) => [...(startsGuide(result.outline, i) ? [`${o.guide}:`] : []), `${String(i + 1).padStart(3)}. ${'  '.repeat(o.depth)}${o.title}`]);
  return ['Topics in the guide (open one with “topics <words>” or “topics <number>”):', ...lines].join('\n');
}

function feedbackText(result: Of<'quiz-feedback'>): string {
  const c = result.citation;
  const lines = [result.correct ? `✓ Correct: ${result.answer}` : `✗ Not quite. The answer is ${result.answer}`, `${result.explanation} [${c.n}]`, `  [${c.n}] ${citationLabel(c)}: “${c.quote}”`];
  if (result.next) lines.push('', ...question(result.next));
  else if (result.scoreboard) lines.push('', ...scores(result.scoreboard, true));
  return lines.join('\n');
}

function answerText(result: Of<'answer'>): string {
  const a = result.answer;
  const shown = a.citations.length ? sources(a.citations) : sources(a.related ?? [], 'Related in the guide');
  return [a.answer, ...(a.notes?.length ? ['', ...a.notes.map((n) => `note: ${n}`)] : []), ...shown, ...suggestions(a.suggestions)].join('\n');
}

/** Renders any command result as plain text for a terminal; a session's waiting question follows. */
export function renderText(result: CommandResult): string {
  const body = renderBody(result);
  return result.resume ? `${body}\n\n${result.resume}` : body;
}

function renderBody(result: CommandResult): string {
  switch (result.kind) {
    case 'answer':
      return answerText(result);
    case 'cert':
      return card(result.card).join('\n');
    case 'cert-compare':
      return compareText(result);
    case 'cert-list':
      return [result.message, ...result.certifications.map((c) => `  ${c.acronym.padEnd(6)} ${c.name}`)].join('\n');
    case 'plan-question':
      return `Question ${result.step} of ${result.totalSteps}: ${result.question}`;
    case 'plan':
      return planText(result);
    case 'topics':
      return topicsText(result);
    case 'topic':
      return [result.section, '', result.text, ...sources(result.citations)].join('\n');
    case 'quiz-question':
      return [...(result.intro ? [result.intro, ''] : []), ...question(result.question)].join('\n');
    case 'quiz-feedback':
      return feedbackText(result);
    case 'quiz-score':
      return scores(result.scoreboard, result.finished).join('\n');
    case 'help':
      return [result.text, ...(result.examples.length ? ['', 'Examples:', ...result.examples.map((e) => `  ${e}`)] : [])].join('\n');
    case 'error':
      return result.message;
  }
}
