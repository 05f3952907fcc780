import { formatHeadingPath } from '../ingest/index.js';
import type { RankedSection, RetrievalResult } from '../retrieval/index.js';

/** One numbered piece of guide text shown to the model as [id]. */
export interface GuideExcerpt {
  /** The number the model cites, 1-based in retrieval order. */
  id: number;
  /** Heading path joined with " › " (what citations show). */
  section: string;
  source: string;
  /** Guide lines included, verbatim and in document order; citation quotes are taken from these. */
  lines: string[];
  /** The excerpt as the model sees it, without the "[id] section" header. */
  text: string;
}

/** How much guide text goes into one prompt. */
export interface ExcerptBudget {
  /** Top sections used. */
  maxExcerpts: number;
  /** Characters of one section's text. */
  excerptChars: number;
  /** Characters of all excerpts together. */
  totalChars: number;
}

export const DEFAULT_EXCERPT_BUDGET: ExcerptBudget = { maxExcerpts: 5, excerptChars: 1_500, totalChars: 6_000 };

const OMITTED = '…';

/**
 * Turns the top retrieved sections into numbered excerpts within a character budget. A long
 * section keeps its best-scoring lines (the ones retrieval matched), shown in document order,
 * so the line that answers the question survives trimming even deep inside a long list.
 */
export function selectGuideExcerpts(retrieval: RetrievalResult, budget: ExcerptBudget = DEFAULT_EXCERPT_BUDGET): GuideExcerpt[] {
  const excerpts: GuideExcerpt[] = [];
  let remaining = budget.totalChars;
  for (const ranked of retrieval.sections) {
    if (excerpts.length >= budget.maxExcerpts || remaining <= 0) break;
    const picked = pickLines(ranked, Math.min(budget.excerptChars, remaining));
    if (picked.lines.length === 0) continue;
    const section = ranked.entry.section;
    excerpts.push({ id: excerpts.length + 1, section: formatHeadingPath(section.headingPath), source: section.source, ...picked });
    remaining -= picked.text.length;
  }
  return excerpts;
}

/** The excerpts as one block of prompt text: "[n] Section › Path" followed by its lines. */
export function renderExcerpts(excerpts: readonly GuideExcerpt[]): string {
  return excerpts.map((e) => `[${e.id}] ${e.section}\n${e.text}`).join('\n\n');
}

function pickLines(ranked: RankedSection, chars: number): { lines: string[]; text: string } {
  const { section, children } = ranked.entry;
  if (section.blocks.length === 0) {
    // A parent heading with no body of its own ("Getting Started"): its subsections are its content.
    const names = children.map((c) => c.headingPath.at(-1)!);
    const text = names.length > 0 ? truncate(`Subsections: ${names.join('; ')}`, chars) : '';
    return { lines: names, text };
  }
  // A block is worth its best-scoring unit (units are a block's sentences, or the bullet itself).
  const scoreOfLine = new Map<number, number>();
  for (const u of ranked.units) scoreOfLine.set(u.unit.line, Math.max(scoreOfLine.get(u.unit.line) ?? -Infinity, u.score));
  const order = section.blocks
    .map((block, index) => ({ block, index, score: scoreOfLine.get(block.line) ?? -Infinity }))
    .sort((a, b) => b.score - a.score || a.index - b.index);

  const chosen: typeof order = [];
  let used = 0;
  for (const candidate of order) {
    const size = render(candidate.block).length + 1;
    if (used + size > chars) continue;
    chosen.push(candidate);
    used += size;
  }
  if (chosen.length === 0) {
    // Even the best line is over budget: show it cut, still quoting the full line.
    const best = order[0]!;
    return { lines: [best.block.text], text: truncate(render(best.block), chars) };
  }
  chosen.sort((a, b) => a.index - b.index);
  const out: string[] = [];
  chosen.forEach((c, i) => {
    const previous = i === 0 ? -1 : chosen[i - 1]!.index;
    if (c.index !== previous + 1) out.push(OMITTED);
    out.push(render(c.block));
  });
  if (chosen.at(-1)!.index !== section.blocks.length - 1) out.push(OMITTED);
  return { lines: chosen.map((c) => c.block.text), text: out.join('\n') };
}

function render(block: { kind: 'bullet' | 'paragraph'; text: string }): string {
  return block.kind === 'bullet' ? `- ${block.text}` : block.text;
}

function truncate(text: string, chars: number): string {
  return text.length <= chars ? text : `${text.slice(0, Math.max(0, chars - 1)).trimEnd()}${OMITTED}`;
}
