import type { Block, KnowledgeDocument, Section } from './types.js';

/**
 * Accumulates headings and body lines in reading order and produces the section list.
 * Both loaders feed it, so Markdown and plain text yield sections built the same way.
 */
export class SectionBuilder {
  private title = '';
  private readonly sections: Section[] = [];
  /** The headings open at this point, outermost first, each with its level (levels may be skipped: "##" then "####"). */
  private readonly open: Array<{ level: number; title: string }> = [];
  private current: Section | undefined;
  /** Every id handed out so far, and the next suffix to try per base slug. */
  private readonly takenIds = new Set<string>();
  private readonly nextSuffix = new Map<string, number>();

  constructor(private readonly source: string) {}

  setTitle(title: string): void {
    this.title = title.trim();
  }

  /**
   * Opens a section at `level` (2 and deeper); open headings at that level or deeper are closed, so
   * "####" siblings under a "##" stay siblings when "###" is skipped. A blank heading opens
   * nothing (a heading path never holds an empty title): its body stays in the open section.
   */
  heading(level: number, text: string, line: number): void {
    if (!text.trim()) return;
    while ((this.open.at(-1)?.level ?? 0) >= level) this.open.pop();
    this.open.push({ level, title: text.trim() });
    const headingPath = this.open.map((h) => h.title);
    this.current = {
      id: this.uniqueId(headingPath),
      source: this.source,
      headingPath,
      level,
      lineStart: line,
      lineEnd: line,
      blocks: [],
    };
    this.sections.push(this.current);
  }

  /**
   * Adds a body line to the open section; text before the first heading is ignored, and so is a
   * blank line (an empty list item such as "- " has nothing to cite or retrieve).
   */
  block(kind: Block['kind'], text: string, line: number, depth?: number): void {
    if (!this.current || !text.trim()) return;
    this.current.blocks.push({ kind, text: text.trim(), line, ...(depth ? { depth } : {}) });
    this.current.lineEnd = line;
  }

  build(): KnowledgeDocument {
    return { source: this.source, title: this.title, sections: this.sections };
  }

  /**
   * The heading path's slug, or the first free `slug-N` (N ≥ 2) when it is taken. Checks every id
   * already handed out, so a heading that slugs to an earlier suffixed id ("## A", "## A",
   * "## A 2" → a, a-2, a-2-2) cannot collide with it.
   */
  private uniqueId(path: readonly string[]): string {
    const base = path.map(slugify).join('/');
    let id = base;
    if (this.takenIds.has(id)) {
      let n = this.nextSuffix.get(base) ?? 2;
      while (this.takenIds.has(`${base}-${n}`)) n += 1;
      this.nextSuffix.set(base, n + 1);
      id = `${base}-${n}`;
    }
    this.takenIds.add(id);
    return id;
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
