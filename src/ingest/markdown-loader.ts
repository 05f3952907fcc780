import type { Heading, List, Nodes, Paragraph, PhrasingContent, RootContent, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { parse as parseYaml } from 'yaml';
import { SectionBuilder } from './section-builder.js';
import type { KnowledgeDocument } from './types.js';

export { escapeHeadingText, escapeParagraphLine } from './markdown-escape.js';

/**
 * Markdown guides are parsed by micromark/mdast (CommonMark + GFM + YAML front matter), then
 * walked into sections: `#` is the title, `##`…`######` open sections at their depth, and the
 * body becomes units a citation can quote, as clean text (no emphasis, link or code markup):
 * - a paragraph is one unit per source line (a guide's line is its unit of wording);
 * - a list item (bulleted or numbered, at any nesting depth) is a bullet; its wrapped lines join;
 * - a table row is a bullet "Header: value; Header: value";
 * - block quotes and footnotes contribute their paragraphs and lists;
 * - fenced or indented code is kept verbatim, one paragraph per source line, fences included;
 * - text under the `#` title before the first section goes into a section named after the title.
 * Front matter gives `title` (preferred over the `#` heading) and `tags`.
 */
export function parseMarkdown(text: string, source: string): KnowledgeDocument {
  const markdown = text.replace(/^\uFEFF/, '');
  const tree = fromMarkdown(markdown, {
    extensions: [gfm(), frontmatter(['yaml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
  });
  const walker = new GuideWalker(new SectionBuilder(source), markdown.split(/\r\n|\r|\n/));
  for (const node of tree.children) walker.visit(node);
  return walker.build();
}

/** Front matter fields the guide loader reads; anything else is ignored. */
function readFrontMatter(yaml: string): { title?: string; tags: string[] } {
  try {
    const data: unknown = parseYaml(yaml);
    if (!data || typeof data !== 'object') return { tags: [] };
    const { title, tags } = data as { title?: unknown; tags?: unknown };
    const tagList = Array.isArray(tags) ? tags : typeof tags === 'string' ? tags.split(',') : [];
    return {
      ...(typeof title === 'string' && title.trim() ? { title: title.trim() } : {}),
      tags: tagList.filter((t): t is string => typeof t === 'string' && t.trim() !== '').map((t) => t.trim()),
    };
  } catch {
    return { tags: [] }; // broken front matter: the guide still loads, without its metadata
  }
}

/** HTML in a guide is layout, not wording: comments vanish and tags are dropped, their text kept. */
function htmlText(html: string): string {
  return html.replace(/<!--[\s\S]*?(?:-->|$)/g, '').replace(/<\/?[A-Za-z][^>]*>/g, ' ');
}

/** Plain text of inline content, one entry per source line it spans (soft and hard breaks end a line). */
function inlineLines(nodes: readonly PhrasingContent[], firstLine: number): Map<number, string> {
  const lines = new Map<number, string>();
  const add = (line: number, value: string) => lines.set(line, (lines.get(line) ?? '') + value);
  const walk = (node: PhrasingContent, line: number): number => {
    const start = node.position?.start.line ?? line;
    switch (node.type) {
      case 'text':
      case 'inlineCode': {
        node.value.split(/\r\n|\r|\n/).forEach((part, i) => add(start + i, i === 0 || node.type === 'text' ? part : ` ${part}`));
        return node.position?.end.line ?? start;
      }
      case 'html':
        add(start, htmlText(node.value).trim()); // an inline tag is markup only; its text is in the nodes around it
        return node.position?.end.line ?? start;
      case 'break':
        return start + 1;
      case 'image':
        add(start, node.alt ?? '');
        return start;
      case 'footnoteReference':
        return start;
      default: {
        let at = start;
        for (const child of 'children' in node ? node.children : []) at = walk(child, at);
        return at;
      }
    }
  };
  let at = firstLine;
  for (const node of nodes) at = walk(node, at);
  return lines;
}

/** All of a node's inline content as one line of clean text. */
function flatText(nodes: readonly PhrasingContent[]): string {
  return [...inlineLines(nodes, 0).values()].map((l) => l.trim()).filter(Boolean).join(' ');
}

/**
 * The title of a paragraph that is one short bold run on one line and reads as a title: a question
 * or a phrase, not a sentence stated in bold ("**Always check accreditation.**").
 */
function boldHeadingTitle(node: Paragraph): string | undefined {
  const parts = node.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  if (parts.length !== 1 || parts[0]!.type !== 'strong') return undefined;
  if ((node.position?.start.line ?? 0) !== (node.position?.end.line ?? -1)) return undefined;
  const title = flatText(parts[0]!.children).replace(/:$/, '').trim();
  return title && title.length <= 120 && !/[.!]$/.test(title) ? title : undefined;
}

const lineOf = (node: Nodes) => node.position?.start.line ?? 0;

class GuideWalker {
  private title = '';
  private titleLine = 0;
  private frontMatterTitle: string | undefined;
  private tags: string[] = [];
  private sectionOpen = false;
  /** Depth of the last real heading: a bold line standing alone opens a section one level below it. */
  private headingDepth = 1;
  /** How many lists the walker is inside: an item's nesting depth. */
  private listDepth = 0;

  constructor(
    private readonly builder: SectionBuilder,
    private readonly sourceLines: readonly string[],
  ) {}

  visit(node: RootContent): void {
    switch (node.type) {
      case 'yaml': {
        const matter = readFrontMatter(node.value);
        this.frontMatterTitle = matter.title;
        this.tags = matter.tags;
        return;
      }
      case 'heading':
        return this.heading(node);
      case 'paragraph':
        return this.paragraph(node);
      case 'list':
        return this.list(node);
      case 'table':
        return this.table(node);
      case 'blockquote':
      case 'footnoteDefinition':
        for (const child of node.children) this.visit(child);
        return;
      case 'code':
        return this.verbatim(node);
      case 'html':
        return this.html(node.value, lineOf(node));
      default:
        return; // rules, link definitions: no wording
    }
  }

  build(): KnowledgeDocument {
    const doc = this.builder.build();
    return { ...doc, title: this.frontMatterTitle ?? doc.title, ...(this.tags.length > 0 ? { tags: this.tags } : {}) };
  }

  private heading(node: Heading): void {
    const title = flatText(node.children);
    if (!title) return; // an empty heading ("##", "## #") opens nothing; its body stays in the section before it
    if (node.depth === 1) {
      if (this.title) return; // the first `#` is the title; a later one is not a section
      this.title = title;
      this.titleLine = lineOf(node);
      this.builder.setTitle(title);
      return;
    }
    this.sectionOpen = true;
    this.headingDepth = node.depth;
    this.builder.heading(node.depth, title, lineOf(node));
  }

  /** Text under the title before any `##` gets a section named after the title (an intro has wording worth citing). */
  private ensureSection(): void {
    if (this.sectionOpen || !this.title) return;
    this.sectionOpen = true;
    this.builder.heading(2, this.title, this.titleLine);
  }

  private block(kind: 'paragraph' | 'bullet', text: string, line: number, depth?: number): void {
    this.ensureSection();
    this.builder.block(kind, text, line, depth);
  }

  private paragraph(node: Paragraph): void {
    const title = boldHeadingTitle(node);
    if (title && this.title) {
      // Web guides often set a question or a sub-topic in bold on its own line ("**Can I work from home?**")
      // instead of a heading: it titles what follows, and is no answer to quote.
      this.sectionOpen = true;
      this.builder.heading(Math.min(6, this.headingDepth + 1), title, lineOf(node));
      return;
    }
    const lines = inlineLines(node.children, lineOf(node));
    for (const [line, text] of [...lines].sort((a, b) => a[0] - b[0])) this.block('paragraph', text, line);
  }

  /** Each item is a bullet (numbered or not, at any depth); its later paragraphs follow as paragraphs. */
  private list(node: List): void {
    this.listDepth++;
    for (const item of node.children) {
      const [first, ...rest] = item.children;
      if (first?.type === 'paragraph') this.block('bullet', flatText(first.children), lineOf(first), this.listDepth);
      else if (first) this.visit(first);
      for (const child of rest) this.visit(child);
    }
    this.listDepth--;
  }

  /** Each body row is one bullet: "Header: value; Header: value" (cells without a value are left out). */
  private table(node: Table): void {
    const [head, ...rows] = node.children;
    const headers = head ? head.children.map((cell) => flatText(cell.children)) : [];
    for (const row of rows) {
      const cells = row.children.map((cell, i) => {
        const value = flatText(cell.children);
        const header = headers[i];
        return !value ? '' : header ? `${header}: ${value}` : value;
      });
      this.block('bullet', cells.filter(Boolean).join('; '), lineOf(row));
    }
  }

  /** Code is quoted as written: each source line of the block (fences included) is a paragraph. */
  private verbatim(node: Nodes): void {
    const start = node.position?.start.line ?? 0;
    const end = node.position?.end.line ?? start;
    for (let line = start; line <= end; line++) this.block('paragraph', (this.sourceLines[line - 1] ?? '').trim(), line);
  }

  private html(value: string, line: number): void {
    htmlText(value)
      .split(/\r\n|\r|\n/)
      .forEach((text, i) => this.block('paragraph', text, line + i));
  }
}
