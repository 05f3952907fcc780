import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chunkDocument,
  headingChunks,
  chunkSearchText,
  DEFAULT_CHUNKER_OPTIONS,
  parseMarkdown,
  unitSentences,
  type Chunk,
  type KnowledgeDocument,
  type Section,
} from '../../src/ingest/index.js';
import { parseGuideMd, sectionTitled } from '../helpers/guide-files.js';

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Every invariant the chunker promises, checked for one document; returns the problems found. */
function invariantProblems(doc: KnowledgeDocument, chunks: Chunk[]): string[] {
  const problems: string[] = [];
  const sections = new Map(doc.sections.map((s) => [s.id, s]));
  const ids = new Set<string>();
  for (const c of chunks) {
    const where = `chunk ${c.id}`;
    if (ids.has(c.id)) problems.push(`${where}: duplicate id`);
    ids.add(c.id);
    const section = sections.get(c.sectionId);
    if (!section) {
      problems.push(`${where}: unknown section ${c.sectionId}`);
      continue;
    }
    if (c.source !== doc.source) problems.push(`${where}: source ${c.source}`);
    if (JSON.stringify(c.headingPath) !== JSON.stringify(section.headingPath)) problems.push(`${where}: heading path differs from its section`);
    if (c.headingPath.length === 0) problems.push(`${where}: empty heading path`);
    if (!(c.lineStart <= c.lineEnd)) problems.push(`${where}: lineStart ${c.lineStart} > lineEnd ${c.lineEnd}`);
    if (c.lineStart < section.lineStart || c.lineEnd > section.lineEnd) {
      problems.push(`${where}: lines ${c.lineStart}-${c.lineEnd} outside its section ${section.lineStart}-${section.lineEnd}`);
    }
    if (!c.text.trim()) problems.push(`${where}: empty text`);
    // No chunk carries text from another section: every line of a section/part chunk is one of
    // its own section's blocks, every unit is one of its bullets or part of one of its paragraphs.
    const own = section.blocks;
    if (c.kind === 'unit') {
      const ok = own.some((b) => b.line === c.lineStart && (b.kind === 'bullet' ? b.text === c.text : b.text.includes(c.text)));
      if (!ok) problems.push(`${where}: unit text is not from its own section line ${c.lineStart}`);
    } else {
      const rendered = new Set(own.map((b) => (b.kind === 'bullet' ? `- ${b.text}` : b.text)));
      for (const line of c.text.split('\n')) if (!rendered.has(line)) problems.push(`${where}: line "${line.slice(0, 40)}" is not a block of its section`);
      const inRange = own.filter((b) => b.line >= c.lineStart && b.line <= c.lineEnd).map((b) => (b.kind === 'bullet' ? `- ${b.text}` : b.text));
      if (inRange.join('\n') !== c.text) problems.push(`${where}: text is not exactly the blocks of lines ${c.lineStart}-${c.lineEnd}`);
    }
  }
  return problems;
}

/** Checks that the unit chunks cover every bullet and every sentence of every paragraph. */
function coverageProblems(doc: KnowledgeDocument, chunks: Chunk[]): string[] {
  const problems: string[] = [];
  for (const section of doc.sections) {
    const units = chunks.filter((c) => c.kind === 'unit' && c.sectionId === section.id);
    for (const block of section.blocks) {
      const here = units.filter((u) => u.lineStart === block.line);
      if (block.kind === 'bullet') {
        if (here.length !== 1 || here[0]!.text !== block.text) problems.push(`bullet at line ${block.line} is not exactly one unit`);
      } else if (normalise(here.map((u) => u.text).join(' ')) !== normalise(block.text)) {
        problems.push(`paragraph at line ${block.line} is not fully covered by its units`);
      }
    }
  }
  return problems;
}

function doc(sections: ReadonlyArray<{ path: readonly string[]; blocks: ReadonlyArray<readonly ['bullet' | 'paragraph', string]> }>): KnowledgeDocument {
  let line = 1;
  const built: Section[] = sections.map((s, i) => {
    const lineStart = line++;
    const blocks = s.blocks.map(([kind, text]) => ({ kind, text, line: line++ }));
    return { id: `s${i}`, source: 'synthetic.md', headingPath: [...s.path], level: s.path.length + 1, lineStart, lineEnd: Math.max(lineStart, line - 1), blocks };
  });
  return { source: 'synthetic.md', title: 'Synthetic', sections: built };
}

describe('chunkDocument over the real guide', () => {
  const guide = parseGuideMd();
  const chunks = chunkDocument(guide);

  it('keeps every chunk inside one section with source, heading path, line range and text', () => {
    expect(chunks.length).toBeGreaterThan(200);
    expect(invariantProblems(guide, chunks)).toEqual([]);
  });

  it('gives every chunk a unique id', () => {
    expect(new Set(chunks.map((c) => c.id)).size).toBe(chunks.length);
  });

  it('has a whole-section chunk for every section with a body, and none for empty ones', () => {
    for (const s of guide.sections) {
      const big = chunks.filter((c) => c.sectionId === s.id && c.kind !== 'unit');
      if (s.blocks.length === 0) expect(chunks.filter((c) => c.sectionId === s.id)).toEqual([]);
      else expect(big.length).toBeGreaterThan(0);
    }
    const faq = sectionTitled(guide, 'Frequently Asked Questions About Clinical Coding Specialists');
    expect(faq.blocks).toEqual([]);
  });

  it('covers every bullet and every paragraph sentence with unit chunks', () => {
    expect(coverageProblems(guide, chunks)).toEqual([]);
    // Concrete spot checks: one bullet, and a sentence from the middle of a paragraph.
    const comp = sectionTitled(guide, 'Compensation Overview');
    expect(chunks).toContainEqual(
      expect.objectContaining({ kind: 'unit', sectionId: comp.id, text: 'Entry-Level (0-2 years): $28,000-$35,000 annually', headingPath: ['Salary and Compensation', 'Compensation Overview'] }),
    );
    const challenge = sectionTitled(guide, 'Challenge: Ambiguous Medical Documentation');
    expect(chunks).toContainEqual(expect.objectContaining({ kind: 'unit', sectionId: challenge.id, text: 'Never guess or assume documentation intent.' }));
  });

  it('keeps the real guide\'s section and part chunks within the default size limit', () => {
    for (const c of chunks.filter((x) => x.kind !== 'unit')) {
      const section = guide.sections.find((s) => s.id === c.sectionId)!;
      const oneBlock = c.text.split('\n').length === 1;
      if (!oneBlock) expect(c.text.length, c.id).toBeLessThanOrEqual(DEFAULT_CHUNKER_OPTIONS.maxSectionChars);
      if (c.kind === 'section') expect(c.lineStart).toBe(section.lineStart);
    }
  });

  it('chunkSearchText prefixes the heading path joined with " › "', () => {
    const unit = chunks.find((c) => c.text === 'Entry-Level (0-2 years): $28,000-$35,000 annually')!;
    expect(chunkSearchText(unit)).toBe('Salary and Compensation › Compensation Overview\nEntry-Level (0-2 years): $28,000-$35,000 annually');
  });
});

describe('chunkDocument over synthetic documents', () => {
  it('splits a long section into parts at block boundaries, each within maxSectionChars', () => {
    const bullets = Array.from({ length: 30 }, (_, i) => `Item ${String(i + 1).padStart(2, '0')}: ${'lorem ipsum dolor sit amet '.repeat(3).trim()} number ${i + 1}.`);
    const d = doc([
      { path: ['Intro'], blocks: [['paragraph', 'Short intro. Second sentence.']] },
      { path: ['Long'], blocks: bullets.map((b) => ['bullet', b] as ['bullet', string]) },
      { path: ['Tail'], blocks: [['paragraph', 'The end.']] },
    ]);
    const max = 500;
    const chunks = chunkDocument(d, { maxSectionChars: max });
    expect(invariantProblems(d, chunks)).toEqual([]);
    const parts = chunks.filter((c) => c.sectionId === 's1' && c.kind === 'part');
    expect(parts.length).toBeGreaterThan(4);
    expect(chunks.filter((c) => c.sectionId === 's1' && c.kind === 'section')).toEqual([]);
    // (The size limit for bullet parts is checked below.)
    // Parts are in order and together are the whole section, each block whole and exactly once.
    expect(parts.map((p) => p.text).join('\n')).toBe(bullets.map((b) => `- ${b}`).join('\n'));
    expect(parts.map((p) => p.id)).toEqual(parts.map((_, i) => `synthetic.md#s1:part${i + 1}`));
    // Short sections stay whole.
    expect(chunks.filter((c) => c.sectionId === 's0' && c.kind !== 'unit').map((c) => c.kind)).toEqual(['section']);
  });

  it('keeps every part of a long paragraph-only section within maxSectionChars', () => {
    const paragraphs = Array.from({ length: 25 }, (_, i) => `Paragraph ${i + 1} talks about coding careers at some length, with several words in it.`);
    const d = doc([{ path: ['Prose'], blocks: paragraphs.map((t) => ['paragraph', t] as ['paragraph', string]) }]);
    for (const max of [120, 300, 500, 1000]) {
      const parts = chunkDocument(d, { maxSectionChars: max }).filter((c) => c.kind === 'part');
      expect(parts.length).toBeGreaterThan(1);
      for (const p of parts) expect(p.text.length, `${p.id} at max ${max}`).toBeLessThanOrEqual(max);
      expect(parts.map((p) => p.text).join('\n')).toBe(paragraphs.join('\n'));
    }
  });

  it('puts a single block larger than the limit in a part of its own', () => {
    const huge = `${'A very long paragraph sentence that keeps going. '.repeat(30).trim()}`;
    const d = doc([{ path: ['Mixed'], blocks: [['bullet', 'small one'], ['paragraph', huge], ['bullet', 'small two']] }]);
    const chunks = chunkDocument(d, { maxSectionChars: 200 });
    expect(invariantProblems(d, chunks)).toEqual([]);
    const parts = chunks.filter((c) => c.kind === 'part').map((c) => c.text);
    expect(parts).toEqual(['- small one', huge, '- small two']);
  });

  it('bullet parts stay within maxSectionChars, counting the "- " prefix', () => {
    // Known bug (reported): blockGroups counts block.text.length + 1 per block, but the rendered
    // part text adds "- " before each bullet, so bullet parts overshoot the limit by up to 2 chars
    // per bullet: 30 bullets of 99 chars at max 500 give 509-char parts; 60 short bullets at max
    // 100 give ~120-char parts. Remove `.fails` once the chunker counts the rendered length.
    const realistic = Array.from({ length: 30 }, (_, i) => `Item ${String(i + 1).padStart(2, '0')}: ${'x'.repeat(90)}`);
    const short = Array.from({ length: 60 }, (_, i) => `Item ${i}`);
    for (const [bullets, max] of [[realistic, 500], [short, 100]] as const) {
      const d = doc([{ path: ['Bullets'], blocks: bullets.map((b) => ['bullet', b] as ['bullet', string]) }]);
      const parts = chunkDocument(d, { maxSectionChars: max }).filter((c) => c.kind === 'part');
      expect(parts.length).toBeGreaterThan(1);
      for (const p of parts) expect(p.text.length, `${p.id} has ${p.text.length} chars (max ${max})`).toBeLessThanOrEqual(max);
    }
  });

  it('holds its invariants on random documents (property)', () => {
    const word = fc.constantFrom('coding', 'CPC', 'salary', 'exam', 'hospital', 'Remote', 'AHIMA', 'audit', '$28,000', 'years', 'level');
    const sentence = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => `${w.join(' ')}.`).map((s) => s[0]!.toUpperCase() + s.slice(1));
    const paragraph = fc.array(sentence, { minLength: 1, maxLength: 5 }).map((s) => s.join(' '));
    const block = fc.oneof(
      paragraph.map((t) => ['paragraph', t] as ['paragraph', string]),
      fc.array(word, { minLength: 1, maxLength: 15 }).map((w) => ['bullet', w.join(' ')] as ['bullet', string]),
    );
    const section = fc.record({ path: fc.constantFrom(['A'], ['A', 'B'], ['C']), blocks: fc.array(block, { maxLength: 25 }) });
    fc.assert(
      fc.property(fc.array(section, { minLength: 1, maxLength: 6 }), fc.integer({ min: 40, max: 1500 }), (sections, max) => {
        const d = doc(sections);
        const chunks = chunkDocument(d, { maxSectionChars: max });
        expect(invariantProblems(d, chunks)).toEqual([]);
        expect(coverageProblems(d, chunks)).toEqual([]);
        // Section/part chunks of each section reproduce the section's blocks exactly once, in order.
        for (const s of d.sections) {
          const whole = chunks.filter((c) => c.sectionId === s.id && c.kind !== 'unit').map((c) => c.text).join('\n');
          expect(whole).toBe(s.blocks.map((b) => (b.kind === 'bullet' ? `- ${b.text}` : b.text)).join('\n'));
        }
      }),
      { numRuns: 150, seed: 20_240_601 },
    );
  });

  it('a Markdown document round-trips through parse + chunk with headings as context', () => {
    const d = parseMarkdown(['# T', '## Salaries', 'Pay varies by employer. It depends on location!', '- Entry: $1', '### Lead roles', '- Lead: $2'].join('\n'), 'mini.md');
    const chunks = chunkDocument(d);
    expect(chunks.map((c) => [c.kind, c.headingPath.join('/'), c.lineStart, c.lineEnd, c.text])).toEqual([
      ['section', 'Salaries', 2, 4, 'Pay varies by employer. It depends on location!\n- Entry: $1'],
      ['unit', 'Salaries', 3, 3, 'Pay varies by employer.'],
      ['unit', 'Salaries', 3, 3, 'It depends on location!'],
      ['unit', 'Salaries', 4, 4, 'Entry: $1'],
      ['section', 'Salaries/Lead roles', 5, 6, '- Lead: $2'],
      ['unit', 'Salaries/Lead roles', 6, 6, 'Lead: $2'],
    ]);
  });
});

describe('headingChunks', () => {
  it('gives every section with a body one heading chunk: its own heading, embedded with the heading path only', () => {
    const guide = parseGuideMd();
    const headings = headingChunks(guide);
    const withBody = guide.sections.filter((s) => s.blocks.length > 0);
    expect(headings.map((h) => h.sectionId)).toEqual(withBody.map((s) => s.id));
    for (const h of headings) {
      expect(h.kind).toBe('heading');
      expect(h.text).toBe(h.headingPath.at(-1));
      expect(chunkSearchText(h)).toBe(h.headingPath.join(' › '));
    }
    const ids = new Set(chunkDocument(guide).map((c) => c.id));
    for (const h of headings) expect(ids.has(h.id)).toBe(false);
  });
});

describe('unitSentences', () => {
  it('keeps a sentence too short to say anything with the one that carries its meaning', () => {
    expect(unitSentences('No. A high school diploma or GED is enough. An associate degree helps later.')).toEqual([
      'No. A high school diploma or GED is enough.',
      'An associate degree helps later.',
    ]);
    expect(unitSentences('Most technicians work in retail. Some can.')).toEqual(['Most technicians work in retail. Some can.']);
    expect(unitSentences('Yes.')).toEqual(['Yes.']);
  });

  it('leaves a short line that introduces a list on its own', () => {
    expect(unitSentences('Demand is growing. Common routes include:')).toEqual(['Demand is growing.', 'Common routes include:']);
  });
});
