import { startsGuide } from './topics/topics.js';
import { citationLabel, sourceListing } from '../answer/index.js';
import type { Citation } from '../answer/index.js';
import type { CertCard, CommandResult, QuizQuestionView, QuizRoundView, ScoreLine } from './types.js';

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

/** A closed question: the answer, why (cited), and who got it right. */
function roundLines(round: QuizRoundView): string[] {
  const c = round.citation;
  const players = round.answers.map((a) => `${a.correct ? '✓' : '✗'} ${a.userName ?? a.userId} (${a.option})`);
  return [
    `Question ${round.index + 1}: the answer is ${round.answer}`,
    `${round.explanation} [${c.n}]`,
    `  [${c.n}] ${citationLabel(c)}: “${c.quote}”`,
    players.length > 0 ? players.join(', ') : 'Nobody answered.',
  ];
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

function roundText(result: Of<'quiz-round'>): string {
  const lines = [...(result.notice ? [result.notice, ''] : []), ...roundLines(result.round)];
  if (result.next) lines.push('', ...question(result.next));
  else lines.push('', ...scores(result.scoreboard, true));
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
      // The terminal shows no Markdown: "**yes**" reads as "yes".
      return result.confirm ? result.question.replace(/\*\*(.+?)\*\*/g, '$1') : `Question ${result.step} of ${result.totalSteps}: ${result.question}`;
    case 'plan':
      return planText(result);
    case 'topics':
      return topicsText(result);
    case 'topic':
      return [result.section, '', result.text, ...sources(result.citations)].join('\n');
    case 'quiz-question':
      return [...(result.intro ? [result.intro, ''] : []), ...question(result.question)].join('\n');
    case 'quiz-answer':
      return `Your answer ${result.option} is in for question ${result.question.index + 1}; the answer comes when the question closes.`;
    case 'quiz-round':
      return roundText(result);
    case 'quiz-score':
      return scores(result.scoreboard, result.finished).join('\n');
    case 'help':
      return [result.text, ...(result.examples.length ? ['', 'Examples:', ...result.examples.map((e) => `  ${e}`)] : [])].join('\n');
    case 'error':
      return result.message;
  }
}
