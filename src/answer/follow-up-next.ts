import { formatHeadingPath } from '../ingest/index.js';
import { QUALITY } from '../quality/index.js';
import type { RankedSection, RetrievalResult, ScoredUnit } from '../retrieval/index.js';
import { display, render, type ComposedAnswer } from './extractive-composer.js';

/** The guide lines a written answer quotes (each citation's quote holds one per line). */
export function quotedLines(answer: Pick<ComposedAnswer, 'citations'>): string[] {
  return answer.citations.flatMap((c) => c.quote.split('\n')).filter(Boolean);
}

/** True when everything the answer quotes was already shown in the conversation. */
export function repeatsConversation(answer: ComposedAnswer, shown: ReadonlySet<string>): boolean {
  const quoted = quotedLines(answer);
  return !answer.abstained && quoted.length > 0 && quoted.every((line) => shown.has(line));
}

function sectionOf(result: RetrievalResult, answer: ComposedAnswer): RankedSection | undefined {
  const lead = answer.citations[0];
  return lead && result.sections.find((s) => s.entry.section.source === lead.source && formatHeadingPath(s.entry.section.headingPath) === lead.section);
}

/** The lines after the last shown one in the lead section (the next stage or band), not yet shown. */
function nextInSection(section: RankedSection, shown: ReadonlySet<string>): ScoredUnit[] {
  const inOrder = [...section.units].sort((a, b) => a.unit.line - b.unit.line);
  const lastShown = Math.max(-1, ...inOrder.filter((u) => shown.has(u.unit.text)).map((u) => u.unit.line));
  return inOrder.filter((u) => u.unit.line > lastShown && !shown.has(u.unit.text)).slice(0, QUALITY.followUps.nextLines);
}

/**
 * A follow-up whose best answer repeats what the conversation already showed ("what then?")
 * gets the next lines of the same section instead; when the section has nothing more, the
 * reply says so and points to the closest other section.
 */
export function composeNextLines(result: RetrievalResult, answer: ComposedAnswer, shown: ReadonlySet<string>): ComposedAnswer {
  const section = sectionOf(result, answer);
  const next = section ? nextInSection(section, shown) : [];
  if (section && next.length > 0) return render(next.map((u) => ({ text: display(u.unit.text), section, quotes: [u.unit.text] })));
  const other = result.sections.find((s) => s !== section)?.entry.section.headingPath.at(-1);
  const pointer = other ? ` The closest related section is “${other}” (try “topics ${other}”).` : '';
  return { text: `The guide says nothing more on this than what I've already shown.${pointer}`, abstained: true, citations: [] };
}
