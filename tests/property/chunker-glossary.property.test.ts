import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkDocument, extractGlossary, parseMarkdown, parsePlainText, sectionUnits, splitSentences, type Chunk, type KnowledgeDocument, type Section } from '../../src/ingest/index.js';
import { anyFile, bigMarkdownFile, guideishText, hostileText, markdownFile, SEED } from './arbitraries.js';

/** A parsed document from arbitrary text, through either loader. */
const anyDocument: fc.Arbitrary<KnowledgeDocument> = fc
  .tuple(anyFile, fc.boolean())
  .map(([text, md]) => (md ? parseMarkdown(text, 'guide.md') : parsePlainText(text, 'guide.txt')));

/** Chunk-size limits from tiny (every block its own part) to the default and beyond. */
const maxChars = fc.oneof(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 80, max: 2_000 }), fc.constant(1_200));

function check(condition: boolean, message: () => string): asserts condition {
  if (!condition) throw new Error(message());
}

const squash = (s: string) => s.replace(/\s+/g, '');
const rendered = (s: Section) => s.blocks.map((b) => (b.kind === 'bullet' ? `- ${b.text}` : b.text));

/** Every chunker invariant. Linear, for the 100 KB cases. */
function checkChunks(doc: KnowledgeDocument, chunks: Chunk[], maxSectionChars: number): void {
  const byId = new Map(doc.sections.map((s) => [s.id, s]));
  check(byId.size === doc.sections.length, () => 'section ids collide');
  const ids = new Set<string>();
  const bySection = new Map<string, Chunk[]>();
  const renderedBySection = new Map(doc.sections.map((s) => [s.id, rendered(s)]));
  const blockIndex = new Map(doc.sections.map((s) => [s.id, new Map(s.blocks.map((b, i) => [b.line, i]))]));
  for (const chunk of chunks) {
    const where = () => `chunk ${JSON.stringify(chunk).slice(0, 300)}`;
    const section = byId.get(chunk.sectionId);
    check(section !== undefined, () => `${where()}: unknown section`);
    // never straddles sections: its lines lie within its own section's range
    check(chunk.lineStart >= section.lineStart && chunk.lineStart <= chunk.lineEnd && chunk.lineEnd <= section.lineEnd, () => `${where()}: lines outside ${section.lineStart}-${section.lineEnd}`);
    check(chunk.source === section.source && chunk.headingPath.join('\u0000') === section.headingPath.join('\u0000'), () => `${where()}: source/heading path`);
    check(chunk.id.startsWith(`${section.source}#${section.id}`), () => `${where()}: id not derived from its section`);
    check(!ids.has(chunk.id), () => `${where()}: duplicate id`);
    ids.add(chunk.id);
    check(chunk.text.trim().length > 0, () => `${where()}: blank text`);
    if (!bySection.has(chunk.sectionId)) bySection.set(chunk.sectionId, []);
    bySection.get(chunk.sectionId)!.push(chunk);
    if (chunk.kind === 'unit') continue;
    check(chunk.text.length > 0, () => `${where()}: empty text`);
    // a section or part is a run of its section's rendered blocks, in order
    const all = renderedBySection.get(section.id)!;
    const lines = chunk.text.split('\n');
    const start = (blockIndex.get(section.id)!.get(chunk.lineEnd) ?? -1) - lines.length + 1;
    check(start >= 0 && lines.every((l, i) => l === all[start + i]), () => `${where()}: text is not a run of section blocks`);
    check(chunk.text.length <= maxSectionChars || lines.length === 1, () => `${where()}: ${chunk.text.length} chars > ${maxSectionChars} with ${lines.length} blocks`);
  }
  for (const section of doc.sections) {
    const own = bySection.get(section.id) ?? [];
    if (section.blocks.length === 0) {
      check(own.length === 0, () => `section ${section.id} has no body but got chunks`);
      continue;
    }
    // the section/part chunks together are exactly the section body
    const big = own.filter((c) => c.kind !== 'unit');
    check(big.length >= 1 && big.every((c) => c.kind === (big.length > 1 ? 'part' : 'section')), () => `section ${section.id}: part kinds`);
    check(big.map((c) => c.text).join('\n') === renderedBySection.get(section.id)!.join('\n'), () => `section ${section.id}: parts do not cover the body`);
    check(big[0]!.lineStart === section.lineStart && big.at(-1)!.lineEnd === section.lineEnd, () => `section ${section.id}: parts do not span the section`);
    // unit chunks cover every bullet and every sentence of every paragraph, in order
    const unitsByLine = new Map<number, string[]>();
    for (const u of own) if (u.kind === 'unit') unitsByLine.set(u.lineStart, [...(unitsByLine.get(u.lineStart) ?? []), u.text]);
    for (const block of section.blocks) {
      const mine = unitsByLine.get(block.line) ?? [];
      if (block.kind === 'bullet') {
        check(mine.length === 1 && mine[0] === block.text, () => `section ${section.id}: bullet at line ${block.line} has no unit`);
      } else {
        check(mine.length >= 1 && squash(mine.join('')) === squash(block.text), () => `section ${section.id}: sentences of line ${block.line} not covered`);
      }
    }
    check([...unitsByLine.values()].reduce((n, u) => n + u.length, 0) === sectionUnits(section).length, () => `section ${section.id}: unit count`);
  }
}

describe('chunkDocument', () => {
  it('keeps chunks inside their section, covers every bullet and sentence, respects the size limit, unique ids', () => {
    fc.assert(
      fc.property(anyDocument, maxChars, (doc, max) => {
        checkChunks(doc, chunkDocument(doc, { maxSectionChars: max }), max);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('holds on ~100 KB documents too', () => {
    fc.assert(
      fc.property(bigMarkdownFile, maxChars, (text, max) => {
        const doc = parseMarkdown(text, 'guide.md');
        checkChunks(doc, chunkDocument(doc, { maxSectionChars: max }), max);
      }),
      { seed: SEED, numRuns: 5 },
    );
  });

  it('splitSentences loses no characters other than whitespace and yields trimmed, non-empty sentences', () => {
    fc.assert(
      fc.property(fc.oneof(guideishText, hostileText(200)), (text) => {
        const sentences = splitSentences(text);
        for (const s of sentences) {
          expect(s).not.toBe('');
          expect(s).toBe(s.trim());
        }
        expect(squash(sentences.join(''))).toBe(squash(text));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('every paragraph gives at least one unit (its text is never blank)', () => {
    fc.assert(
      fc.property(anyDocument, (doc) => {
        for (const s of doc.sections) for (const b of s.blocks) if (b.kind === 'paragraph') expect(splitSentences(b.text).length).toBeGreaterThan(0);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('no chunk is blank: an empty list item ("- " with a trailing space) is ignored, not an empty bullet or unit', () => {
    fc.assert(
      fc.property(markdownFile, (text) => {
        for (const chunk of chunkDocument(parseMarkdown(text, 'guide.md'))) expect(chunk.text.trim()).not.toBe('');
      }),
      { seed: SEED, numRuns: 300, examples: [['## A\n- ']] },
    );
  });
});

/** Lines rich in definitions and acronym expansions, plus hostile noise. */
const glossaryLine = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('Certified Coding Specialist', 'Registered Health Information Technician', 'Entry-Level', 'Specialist-Physician', 'Term', 'Électronic Health Record', 'A', 'Medical Coding & Billing'),
      fc.constantFrom('', ' (CCS)', ' (RHIT)', ' (0-2 years)', ' (EHR)', ' (SP)', ' (X-1)', ' (A-)', ' ()', ' (MC-B)'),
      fc.constantFrom(': ', ' – ', ' — ', ':', ' - '),
      fc.oneof(guideishText, hostileText(30)),
    )
    .map(([t, p, sep, d]) => `- ${t}${p}${sep}${d}`),
  fc
    .tuple(guideishText, fc.constantFrom('Current Procedural Terminology (CPT)', 'CPT (Current Procedural Terminology)', 'Electronic Health Records (EHR)', 'HCPCS (Healthcare Common Procedure Coding System)', 'Foo Bar (FB-2)', '(X)', 'AB (Ab Cd)'), guideishText)
    .map(([a, x, b]) => `${a} ${x} ${b}`),
);

const glossaryFile = fc
  .tuple(fc.array(fc.oneof({ weight: 3, arbitrary: glossaryLine }, { weight: 2, arbitrary: anyFile }), { maxLength: 25 }), fc.boolean())
  .map(([lines, md]) => {
    const text = `# Guide\n## Terms\n${lines.join('\n')}`;
    return md ? parseMarkdown(text, 'guide.md') : parsePlainText(text, 'guide.txt');
  });

describe('extractGlossary', () => {
  it('never throws; every entry quotes a block of its section and acronyms look like acronyms', () => {
    let entries = 0;
    fc.assert(
      fc.property(fc.oneof(glossaryFile, anyDocument), (doc) => {
        const bySection = new Map(doc.sections.map((s) => [s.id, s]));
        for (const entry of extractGlossary(doc)) {
          entries += 1;
          const section = bySection.get(entry.sectionId);
          check(section !== undefined, () => `unknown section ${entry.sectionId}`);
          check(
            section.blocks.some((b) => b.text === entry.quote && b.line === entry.line),
            () => `quote ${JSON.stringify(entry.quote)} (line ${entry.line}) is not a block of ${entry.sectionId}`,
          );
          check(entry.headingPath.join('\u0000') === section.headingPath.join('\u0000') && entry.source === section.source, () => 'heading path/source');
          if (entry.acronym !== undefined) check(/^[A-Z][A-Z0-9-]+$/.test(entry.acronym), () => `bad acronym ${JSON.stringify(entry.acronym)}`);
          check(entry.term.trim().length > 0 && entry.definition.trim().length > 0, () => `blank term/definition ${JSON.stringify(entry)}`);
          if (entry.kind === 'expansion') check(entry.acronym !== undefined, () => 'expansion without acronym');
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
    expect(entries).toBeGreaterThan(100); // the generator really produces glossary entries
  });

  it('keeps at most one expansion per acronym, and none for an acronym a definition bullet names', () => {
    fc.assert(
      fc.property(glossaryFile, (doc) => {
        const entries = extractGlossary(doc);
        const defined = new Set(entries.filter((e) => e.kind === 'definition' && e.acronym).map((e) => e.acronym));
        const expansions = entries.filter((e) => e.kind === 'expansion').map((e) => e.acronym!);
        expect(new Set(expansions).size).toBe(expansions.length);
        for (const a of expansions) expect(defined.has(a)).toBe(false);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('reads a ~100 KB paragraph in linear time (the lazy "Long Name (ACR)" regex was quadratic, ~2.5 s each)', () => {
    const filler = 'coders review charts and assign the right codes '.repeat(2_100); // ~100 KB, no parentheses
    const doc = parseMarkdown(`# Guide\n## Terms\n${filler}\n${filler}per Current Procedural Terminology (CPT) rules.\n- ${filler}`, 'guide.md');
    expect(filler.length).toBeGreaterThan(100_000);
    expect(extractGlossary(doc).map((e) => [e.kind, e.term, e.acronym, e.line])).toEqual([['expansion', 'Current Procedural Terminology', 'CPT', 4]]);
  });

  it('does not throw on ~100 KB documents made of many lines', () => {
    fc.assert(
      fc.property(bigMarkdownFile, (text) => {
        expect(Array.isArray(extractGlossary(parseMarkdown(text, 'guide.md')))).toBe(true);
      }),
      { seed: SEED, numRuns: 5 },
    );
  });
});
