import type { Block, KnowledgeDocument, Section } from './types.js';

/**
 * `section` chunks carry a whole section (or a `part` of a long one); `unit` chunks carry one
 * bullet or one sentence; a `heading` chunk carries only the section's heading path. Units are
 * easy to match on their own and map back to their section (small-to-big retrieval); sections
 * give the answer composer its context; headings say what a section is about in a few words,
 * which is what a question resembles most.
 */
export type ChunkKind = 'section' | 'part' | 'unit' | 'heading';

export interface Chunk {
  id: string;
  kind: ChunkKind;
  sectionId: string;
  source: string;
  headingPath: string[];
  lineStart: number;
  lineEnd: number;
  /** The guide's own words, unchanged. */
  text: string;
}

export interface ChunkerOptions {
  /** Sections longer than this are split into parts at block boundaries. */
  maxSectionChars: number;
}

export const DEFAULT_CHUNKER_OPTIONS: ChunkerOptions = { maxSectionChars: 1200 };

/** Splits a paragraph into sentences; a list introduced by a colon stays with its sentence. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z“"])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * A sentence shorter than this says nothing on its own ("No.", "Some can.", "Yes, it is."): as a
 * unit it would be quoted, searched and embedded without the sentence that carries its meaning.
 */
const MIN_UNIT_WORDS = 4;

/**
 * A paragraph's sentences as units: a sentence too short to stand alone goes with the next (or,
 * last, with the previous). A line ending in a colon introduces the list after it and stays alone.
 */
export function unitSentences(text: string): string[] {
  const units: string[] = [];
  let pending = '';
  const flush = () => {
    const last = units.at(-1);
    if (pending && last !== undefined && !last.endsWith(':')) units[units.length - 1] = `${last} ${pending}`;
    else if (pending) units.push(pending);
    pending = '';
  };
  for (const sentence of splitSentences(text)) {
    if (sentence.endsWith(':')) {
      flush();
      units.push(sentence);
      continue;
    }
    const joined = pending ? `${pending} ${sentence}` : sentence;
    pending = joined.split(/\s+/).length < MIN_UNIT_WORDS ? joined : '';
    if (!pending) units.push(joined);
  }
  flush();
  return units;
}

/** One unit per bullet and per paragraph sentence, each with the line it came from. */
export function sectionUnits(section: Section): Array<{ text: string; line: number; block: Block }> {
  return section.blocks.flatMap((block) =>
    block.kind === 'bullet'
      ? [{ text: block.text, line: block.line, block }]
      : unitSentences(block.text).map((text) => ({ text, line: block.line, block })),
  );
}

function blockGroups(blocks: Block[], maxChars: number): Block[][] {
  const groups: Block[][] = [];
  let current: Block[] = [];
  let size = 0;
  for (const block of blocks) {
    if (current.length > 0 && size + block.text.length + 2 > maxChars) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(block);
    size += block.text.length + (block.kind === 'bullet' ? 3 : 1); // "- " prefix and newline, as rendered
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function renderBlocks(blocks: Block[]): string {
  return blocks.map((b) => (b.kind === 'bullet' ? `- ${b.text}` : b.text)).join('\n');
}

/**
 * Section-aware chunking: no chunk ever spans two sections; long sections split at bullet or
 * paragraph boundaries; every chunk records its source, heading path and line range.
 */
export function chunkDocument(doc: KnowledgeDocument, options: ChunkerOptions = DEFAULT_CHUNKER_OPTIONS): Chunk[] {
  const chunks: Chunk[] = [];
  for (const section of doc.sections) {
    if (section.blocks.length === 0) continue;
    const base = { sectionId: section.id, source: section.source, headingPath: section.headingPath };
    const groups = blockGroups(section.blocks, options.maxSectionChars);
    groups.forEach((group, i) => {
      chunks.push({
        ...base,
        id: `${section.source}#${section.id}${groups.length > 1 ? `:part${i + 1}` : ''}`,
        kind: groups.length > 1 ? 'part' : 'section',
        lineStart: i === 0 ? section.lineStart : group[0]!.line,
        lineEnd: group.at(-1)!.line,
        text: renderBlocks(group),
      });
    });
    sectionUnits(section).forEach((unit, i) => {
      chunks.push({
        ...base,
        id: `${section.source}#${section.id}:u${i + 1}`,
        kind: 'unit',
        lineStart: unit.line,
        lineEnd: unit.line,
        text: unit.text,
      });
    });
  }
  return chunks;
}

/**
 * One `heading` chunk per section with a body: the heading path alone, which says in a few words
 * what the section is about (what a question resembles most). Indexed beside the body chunks.
 */
export function headingChunks(doc: KnowledgeDocument): Chunk[] {
  return doc.sections
    .filter((section) => section.blocks.length > 0)
    .map((section) => ({
      id: `${section.source}#${section.id}:h`,
      kind: 'heading' as const,
      sectionId: section.id,
      source: section.source,
      headingPath: section.headingPath,
      lineStart: section.lineStart,
      lineEnd: section.lineStart,
      text: section.headingPath.at(-1)!,
    }));
}

/** The text embedded and keyword-indexed for a chunk: its heading path gives a unit context. */
export function chunkSearchText(chunk: Chunk): string {
  if (chunk.kind === 'heading') return chunk.headingPath.join(' › ');
  return `${chunk.headingPath.join(' › ')}\n${chunk.text}`;
}
