/** One line-level unit of a section body: a paragraph line or a list item. */
export interface Block {
  kind: 'paragraph' | 'bullet';
  text: string;
  /** 1-based line number in the source file. */
  line: number;
  /** A list item's nesting depth (1 for a top-level item, 2 for an item under it); absent for paragraphs and table rows. */
  depth?: number;
}

/** A heading and the body directly under it (not its subsections). */
export interface Section {
  /** Stable id derived from the heading path (unique within a source). */
  id: string;
  source: string;
  /** Headings from the top-level section down to this one; the document title is not included. */
  headingPath: string[];
  /** Markdown heading depth: 2 for `##`, 3 for `###`. */
  level: number;
  /** 1-based inclusive line range covering the heading and its body. */
  lineStart: number;
  lineEnd: number;
  blocks: Block[];
}

/** A parsed knowledge file. */
export interface KnowledgeDocument {
  source: string;
  title: string;
  /** Front matter `tags`, when the guide has them. */
  tags?: string[];
  sections: Section[];
}

/** Joins a heading path the way citations show it. */
export function formatHeadingPath(path: readonly string[]): string {
  return path.join(' › ');
}

/** A guide's subject: its title before any subtitle ("Clinical Coding Specialist" of "Clinical Coding Specialist: Comprehensive Career Guide"). */
export function guideSubject(title: string): string {
  return title.split(/[:|–—]/)[0]!.trim();
}
