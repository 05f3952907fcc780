import type { Block, KnowledgeDocument, Section } from './types.js';

/**
 * Accumulates headings and body lines in reading order and produces the section list.
 * Both loaders feed it, so Markdown and plain text yield sections built the same way.
 */
export class SectionBuilder {
  private title = '';
  private readonly sections: Section[] = [];
  private readonly openPath: string[] = [];
  private current: Section | undefined;
  private readonly usedIds = new Map<string, number>();

  constructor(private readonly source: string) {}

  setTitle(title: string): void {
    this.title = title.trim();
  }

  /** Opens a section at `level` (2 or 3); deeper open headings are closed. */
  heading(level: number, text: string, line: number): void {
    const depth = Math.max(0, level - 2);
    this.openPath.length = Math.min(this.openPath.length, depth);
    this.openPath.push(text.trim());
    this.current = {
      id: this.uniqueId(this.openPath),
      source: this.source,
      headingPath: [...this.openPath],
      level,
      lineStart: line,
      lineEnd: line,
      blocks: [],
    };
    this.sections.push(this.current);
  }

  /** Adds a body line to the open section; text before the first heading is ignored. */
  block(kind: Block['kind'], text: string, line: number): void {
    if (!this.current) return;
    this.current.blocks.push({ kind, text: text.trim(), line });
    this.current.lineEnd = line;
  }

  build(): KnowledgeDocument {
    return { source: this.source, title: this.title, sections: this.sections };
  }

  private uniqueId(path: readonly string[]): string {
    const base = path.map(slugify).join('/');
    const seen = this.usedIds.get(base) ?? 0;
    this.usedIds.set(base, seen + 1);
    return seen === 0 ? base : `${base}-${seen + 1}`;
  }
}

/** Lower-case, ASCII-only slug for ids and anchors. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}
