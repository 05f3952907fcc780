import type { Citation } from '../../answer/index.js';
import { formatHeadingPath, sectionUnits, type Section } from '../../ingest/index.js';
import type { KnowledgeIndex } from '../../index/index.js';

/** One citable piece of the guide: a bullet, a paragraph sentence or a heading, with its section. */
export interface GuideLine {
  /** Verbatim guide text (a substring of the source line), so it can be quoted. */
  text: string;
  line: number;
  section: Section;
  kind: 'bullet' | 'sentence' | 'heading';
}

/** Every section of every guide, in document order. */
export function guideSections(index: Pick<KnowledgeIndex, 'documents'>): Section[] {
  return index.documents.flatMap((d) => d.sections);
}

/** The heading path the way citations show it ("Salary and Compensation › Compensation Overview"). */
export function sectionPath(section: Section): string {
  return formatHeadingPath(section.headingPath);
}

/** The section's own title (last heading). */
export function sectionTitle(section: Section): string {
  return section.headingPath.at(-1) ?? '';
}

/** Bullets and paragraph sentences of a section, each citable on its own. */
export function sectionLines(section: Section): GuideLine[] {
  return sectionUnits(section).map((u) => ({
    text: u.text,
    line: u.line,
    section,
    kind: u.block.kind === 'bullet' ? ('bullet' as const) : ('sentence' as const),
  }));
}

/** All citable lines of the guide, in document order. */
export function allLines(index: Pick<KnowledgeIndex, 'documents'>): GuideLine[] {
  return guideSections(index).flatMap(sectionLines);
}

/** The section's heading as a citable line. */
export function headingLine(section: Section): GuideLine {
  return { text: sectionTitle(section), line: section.lineStart, section, kind: 'heading' };
}

/** FAQ answers start with "A: "; the rest of the sentence is still verbatim guide text. */
export function withoutAnswerPrefix(line: GuideLine): GuideLine {
  return { ...line, text: line.text.replace(/^A:\s+/, '') };
}

/** Splits "Term: definition" (or "Term – definition") bullets; undefined for other lines. */
export function splitDefinition(text: string): { term: string; definition: string } | undefined {
  const match = /^([^:–—]{2,80}?)\s*(?::|\s[–—]\s)\s*(.+)$/.exec(text);
  if (!match) return undefined;
  return { term: match[1]!.trim(), definition: match[2]!.trim() };
}

/** Numbers citations as they are first used; the same guide line always gets the same number. */
export class CitationBook {
  private readonly byKey = new Map<string, Citation>();

  /** Returns the citation number of a guide line, adding it if new. */
  cite(line: GuideLine): number {
    const key = `${line.section.source}#${line.section.id}#${line.text}`;
    let citation = this.byKey.get(key);
    if (!citation) {
      citation = { n: this.byKey.size + 1, section: sectionPath(line.section), source: line.section.source, quote: line.text };
      this.byKey.set(key, citation);
    }
    return citation.n;
  }

  /** Citation numbers of several lines, skipping missing ones, without duplicates. */
  citeAll(lines: ReadonlyArray<GuideLine | undefined>): number[] {
    return [...new Set(lines.filter((l): l is GuideLine => !!l).map((l) => this.cite(l)))];
  }

  get citations(): Citation[] {
    return [...this.byKey.values()];
  }
}
