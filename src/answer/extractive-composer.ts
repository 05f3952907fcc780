import { formatHeadingPath } from '../ingest/index.js';
import type { RankedSection, RetrievalResult, ScoredUnit } from '../retrieval/index.js';
import type { Citation } from './schema.js';

export interface ComposedAnswer {
  text: string;
  abstained: boolean;
  citations: Citation[];
}

interface Line {
  text: string;
  section: RankedSection;
  quotes: string[];
}

/** A line must cover at least this share of the question (IDF-weighted) for the guide to count as answering it. */
export const SUPPORT_THRESHOLD = 0.6;
const MAX_LINES = 4;

/** Removes the guide's "A:" answer label for display; quotes keep the original wording. */
function display(text: string): string {
  return text.replace(/^A:\s+/, '');
}

/**
 * The line to lead with: among lines that answer enough of the question (and state the value
 * asked for, if any), the best scored, preferring the top-ranked sections.
 */
export function leadLine(result: RetrievalResult): { unit: ScoredUnit; section: RankedSection } | undefined {
  let best: { unit: ScoredUnit; section: RankedSection; key: number } | undefined;
  result.sections.forEach((section, rank) => {
    for (const unit of section.units) {
      if (unit.support < SUPPORT_THRESHOLD || unit.unit.text.endsWith(':') || (result.query.quantity && !unit.hasQuantity)) continue;
      const key = unit.score + (rank === 0 ? 0.15 : rank === 1 ? 0.05 : 0);
      if (!best || key > best.key) best = { unit, section, key };
    }
  });
  return best;
}

/**
 * The offline answer: picks the guide's own lines that answer the question, leads with the most
 * direct one, keeps at most a handful, and cites each line's section as [n]. Abstains when no
 * retrieved line actually contains what was asked.
 */
export function composeExtractiveAnswer(result: RetrievalResult): ComposedAnswer {
  const lead = leadLine(result);
  if (!lead) return abstention(result);
  const lines = result.query.wantsList ? listLines(listSection(result) ?? lead.section, result) : undefined;
  return render(lines ?? factLines(lead.unit, lead.section, result));
}

/** For list questions: the first of the top sections that is itself a list and answers the question. */
function listSection(result: RetrievalResult): RankedSection | undefined {
  return result.sections
    .slice(0, 3)
    .find((s) => (s.units.filter((u) => u.unit.kind === 'bullet').length >= 3 || s.entry.children.length >= 3) && (s.units[0]?.support ?? 0) >= SUPPORT_THRESHOLD);
}

function factLines(lead: ScoredUnit, leadSection: RankedSection, result: RetrievalResult): Line[] {
  const lines: Line[] = [{ text: display(lead.unit.text), section: leadSection, quotes: [lead.unit.text] }];
  const used = [lead];
  const candidates = result.sections
    .slice(0, 3)
    .flatMap((section) => section.units.slice(0, 4).map((unit) => ({ unit, section })))
    // A line ending in a colon only introduces a list; alone it answers nothing.
    .filter(({ unit }) => unit !== lead && !unit.unit.text.endsWith(':') && unit.support >= SUPPORT_THRESHOLD && unit.score >= 0.8 * lead.score)
    .filter(({ unit }) => !result.query.quantity || unit.hasQuantity)
    .sort((a, b) => b.unit.score - a.unit.score);
  for (const { unit, section } of candidates) {
    if (lines.length >= 3) break;
    if (used.some((u) => similar(u, unit))) continue;
    used.push(unit);
    lines.push({ text: display(unit.unit.text), section, quotes: [unit.unit.text] });
  }
  return lines;
}

/** For "which/what are the …" questions: the section's list, the best items in full and the rest by name. */
function listLines(section: RankedSection, result: RetrievalResult): Line[] | undefined {
  const bullets = section.units.filter((u) => u.unit.kind === 'bullet');
  const children = section.entry.children;
  if (bullets.length < 3 && children.length >= 3) {
    const names = children.map((c) => c.headingPath.at(-1)!);
    return [{ text: names.join('; '), section, quotes: names }];
  }
  if (bullets.length < 3) return undefined;
  const top = bullets.slice(0, MAX_LINES - 1).sort((a, b) => a.unit.line - b.unit.line);
  const rest = bullets.filter((b) => !top.includes(b)).sort((a, b) => a.unit.line - b.unit.line);
  const lines: Line[] = top.map((b) => ({ text: b.unit.text, section, quotes: [b.unit.text] }));
  const names = rest.map((b) => /^([^:]{2,60}):/.exec(b.unit.text)?.[1]).filter((n): n is string => !!n);
  if (names.length > 0 && names.length === rest.length) {
    lines.push({ text: `Also: ${names.join(', ')}.`, section, quotes: rest.map((b) => b.unit.text) });
  } else if (rest.length > 0 && result.query.wantsList) {
    lines.push(...rest.slice(0, 1).map((b) => ({ text: b.unit.text, section, quotes: [b.unit.text] })));
  }
  return lines;
}

function similar(a: ScoredUnit, b: ScoredUnit): boolean {
  const inter = [...a.unit.terms].filter((t) => b.unit.terms.has(t)).length;
  const union = new Set([...a.unit.terms, ...b.unit.terms]).size;
  return union > 0 && inter / union > 0.6;
}

function render(lines: Line[]): ComposedAnswer {
  const citations: Citation[] = [];
  const numberOf = new Map<RankedSection, number>();
  const text = lines
    .map((line) => {
      let n = numberOf.get(line.section);
      if (n === undefined) {
        n = citations.length + 1;
        numberOf.set(line.section, n);
        const s = line.section.entry.section;
        citations.push({ n, section: formatHeadingPath(s.headingPath), source: s.source, quote: '' });
      }
      const citation = citations[n - 1]!;
      citation.quote = [citation.quote, ...line.quotes].filter(Boolean).join('\n');
      return `${line.text} [${n}]`;
    })
    .join('\n');
  return { text, abstained: false, citations };
}

function abstention(result: RetrievalResult): ComposedAnswer {
  const closest = result.sections
    .slice(0, 2)
    .filter((s) => s.features.bestUnit > 0.2)
    .map((s) => `“${s.entry.section.headingPath.at(-1)}”`);
  const hint = closest.length > 0 ? ` The closest sections are ${closest.join(' and ')}.` : '';
  return {
    text: `The guide doesn't cover that, so I won't guess.${hint} Ask me about coding careers: salaries, certifications, education, skills or career paths.`,
    abstained: true,
    citations: [],
  };
}
