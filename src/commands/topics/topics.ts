import type { Citation } from '../../answer/index.js';
import type { Section } from '../../ingest/index.js';
import type { KnowledgeIndex } from '../../index/index.js';
import { contentTerms } from '../../text/index.js';
import { guideSections, sectionPath, sectionTitle } from '../guide/guide-lines.js';

/** One row of the outline: a section title, its depth (0 = top level) and full path. */
export interface OutlineEntry {
  title: string;
  depth: number;
  section: string;
  /** The guide's title, when several guides are loaded (the outline lists guides, then their sections). */
  guide?: string;
}

/** True when `entry` starts a new guide in the outline (front ends print the guide's title above it). */
export function startsGuide(outline: readonly OutlineEntry[], i: number): boolean {
  return outline[i]?.guide !== undefined && outline[i]!.guide !== outline[i - 1]?.guide;
}

/** Longest topic text returned (chat messages have limits; subsections can be opened one by one). */
export const TOPIC_TEXT_LIMIT = 1800;

/** The guide's sections as a browsable outline, in document order (row i is `topics i+1`). */
export function buildOutline(index: Pick<KnowledgeIndex, 'documents'>): OutlineEntry[] {
  const titles = index.documents.length > 1 ? new Map(index.documents.map((d) => [d.source, d.title || d.source])) : undefined;
  return guideSections(index).map((s) => ({
    title: sectionTitle(s),
    depth: s.headingPath.length - 1,
    section: sectionPath(s),
    ...(titles ? { guide: titles.get(s.source)! } : {}),
  }));
}

/**
 * The section whose headings contain every word of the query: title matches first, then the
 * shallower section (so "salary" opens "Salary and Compensation" with its subsections).
 * Undefined when no heading matches; callers then fall back to retrieval.
 */
export function matchHeading(index: Pick<KnowledgeIndex, 'documents'>, query: string): Section | undefined {
  const wanted = [...new Set(contentTerms(query))];
  if (wanted.length === 0) return undefined;
  let best: { section: Section; score: number } | undefined;
  for (const section of guideSections(index)) {
    const path = new Set(contentTerms(section.headingPath.join(' ')));
    if (!wanted.every((t) => path.has(t))) continue;
    const title = new Set(contentTerms(sectionTitle(section)));
    const score = wanted.filter((t) => title.has(t)).length * 10 - section.headingPath.length;
    if (!best || score > best.score) best = { section, score };
  }
  return best?.section;
}

/** A section and its subsections as text, each section cited once (the quote is its first lines). */
export function topicText(index: Pick<KnowledgeIndex, 'documents'>, section: Section): { text: string; citations: Citation[] } {
  const family = guideSections(index).filter(
    (s) => s.source === section.source && s.headingPath.length >= section.headingPath.length && section.headingPath.every((h, i) => s.headingPath[i] === h),
  );
  const lines: string[] = [];
  const citations: Citation[] = [];
  let omitted = 0;
  for (const s of family) {
    const body = s.blocks.map((b) => (b.kind === 'bullet' ? `• ${b.text}` : b.text));
    const chunk = [...(s === section ? [] : [`${sectionTitle(s)}`]), ...body];
    const size = lines.join('\n').length;
    if (lines.length > 0 && size + chunk.join('\n').length > TOPIC_TEXT_LIMIT) {
      omitted += 1;
      continue;
    }
    if (s.blocks.length > 0 || s === section) {
      lines.push(...chunk.map((l) => (l.length > TOPIC_TEXT_LIMIT ? `${l.slice(0, TOPIC_TEXT_LIMIT - 1)}…` : l)));
    }
    if (s.blocks.length > 0) {
      const n = citations.length + 1;
      lines[lines.length - 1] += ` [${n}]`;
      citations.push({ n, section: sectionPath(s), source: s.source, quote: s.blocks.slice(0, 2).map((b) => b.text).join('\n') });
    }
  }
  if (omitted > 0) lines.push(`… ${omitted} more subsection${omitted === 1 ? '' : 's'}; open one with “topics <its title>”.`);
  return { text: lines.join('\n').trim(), citations };
}
