import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, parsePlainText, renderMarkdown, type KnowledgeDocument } from '../../src/ingest/index.js';
import { anyFile, bigMarkdownFile, guideishText, lineCount, plainTextGuide, SEED } from './arbitraries.js';

type Loader = (text: string, source: string) => KnowledgeDocument;
const LOADERS: Array<[string, Loader, string]> = [
  ['parseMarkdown', parseMarkdown, 'guide.md'],
  ['parsePlainText', parsePlainText, 'guide.txt'],
];

/** Fails with a message; plain checks (not `expect`) keep the 100 KB cases fast. */
function check(condition: boolean, message: () => string): asserts condition {
  if (!condition) throw new Error(message());
}

/** The structural invariants every parse must satisfy, whatever the input. */
function checkStructure(doc: KnowledgeDocument, text: string, source: string): void {
  const lines = lineCount(text);
  check(doc.source === source && typeof doc.title === 'string', () => 'document source/title');
  doc.sections.forEach((section, i) => {
    const where = () => `section ${i} ${JSON.stringify({ ...section, blocks: section.blocks.length })}`;
    check(section.source === source, () => `${where()}: source`);
    // Headings of any depth: a level-n section sits at most n - 1 headings deep.
    check(section.headingPath.length >= 1 && section.headingPath.length <= section.level - 1, () => `${where()}: heading path length`);
    check(Number.isInteger(section.level) && section.level >= 2 && section.level <= 6, () => `${where()}: level`);
    check(Number.isInteger(section.lineStart) && Number.isInteger(section.lineEnd), () => `${where()}: integer lines`);
    check(section.lineStart >= 1 && section.lineStart <= section.lineEnd && section.lineEnd <= lines, () => `${where()}: line range outside 1..${lines}`);
    let previous = section.lineStart;
    for (const block of section.blocks) {
      check(block.kind === 'paragraph' || block.kind === 'bullet', () => `${where()}: block kind ${block.kind}`);
      // strictly after the heading line and after the previous block, never past the section's end
      check(block.line > previous && block.line <= section.lineEnd, () => `${where()}: block line ${block.line} after ${previous}`);
      check(block.text === block.text.trim(), () => `${where()}: untrimmed block ${JSON.stringify(block.text)}`);
      previous = block.line;
    }
    if (section.blocks.length > 0) check(section.lineEnd === section.blocks.at(-1)!.line, () => `${where()}: lineEnd is not the last block`);
    // Sections come in reading order and never overlap.
    if (i > 0) check(section.lineStart > doc.sections[i - 1]!.lineEnd, () => `${where()}: overlaps the previous section`);
  });
}

/** True when the paragraph starting at `index` is a setext heading: its lines run, unbroken, into a "---"/"===" underline. */
function isSetextHeading(lines: readonly string[], index: number): boolean {
  for (let i = index + 1; i < lines.length && lines[i]!.trim() !== ''; i++) if (/^(?:-+|=+)$/.test(lines[i]!.trim())) return true;
  return false;
}

const headingsOf = (doc: KnowledgeDocument) => doc.sections.map((s) => s.headingPath);

describe('loaders never crash and keep their structural invariants', () => {
  for (const [name, load, source] of LOADERS) {
    it(`${name}: arbitrary text (Unicode, control chars, lone surrogates, CRLF/CR, BOM, Markdown edge cases)`, () => {
      fc.assert(
        fc.property(anyFile, (text) => {
          checkStructure(load(text, source), text, source);
        }),
        { seed: SEED, numRuns: 400 },
      );
    });

    it(`${name}: ~100 KB inputs`, () => {
      fc.assert(
        fc.property(bigMarkdownFile, (text) => {
          expect(text.length).toBeGreaterThanOrEqual(100_000);
          checkStructure(load(text, source), text, source);
        }),
        { seed: SEED, numRuns: 8 },
      );
    });

    it(`${name}: empty, blank and BOM-only files give no sections`, () => {
      for (const text of ['', '\ufeff', '\n\n', '\r\n', '\r', '  \t ', '\ufeff\n \n']) {
        const doc = load(text, source);
        expect(doc.sections).toEqual([]);
        expect(doc.title).toBe('');
      }
    });
  }

  it('parseMarkdown: a section\'s own heading is never blank, and its line is a heading line', () => {
    fc.assert(
      fc.property(anyFile, (text) => {
        const doc = parseMarkdown(text, 'guide.md');
        const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
        for (const s of doc.sections) {
          const raw = lines[s.lineStart - 1]!.trim();
          // An ATX heading, a setext heading (text over a "---"/"===" underline), or the "#" title
          // when the text under it, before any "##", forms the intro section.
          const setext = isSetextHeading(lines, s.lineStart - 1);
          if (!setext) expect(raw).toMatch(/^#{1,6}(?:\s|$)/);
          expect(s.headingPath.at(-1)!.trim()).not.toBe('');
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('parsePlainText: every heading path element is non-blank', () => {
    fc.assert(
      fc.property(anyFile, (text) => {
        for (const s of parsePlainText(text, 'guide.txt').sections) for (const h of s.headingPath) expect(h.trim()).not.toBe('');
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('parsePlainText: every non-blank line after the title is a heading or a block (nothing after the first heading is lost)', () => {
    fc.assert(
      fc.property(anyFile, (text) => {
        const doc = parsePlainText(text, 'guide.txt');
        if (doc.sections.length === 0) return;
        const used = new Set<number>();
        for (const s of doc.sections) {
          used.add(s.lineStart);
          for (const b of s.blocks) used.add(b.line);
        }
        const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
        lines.forEach((l, i) => {
          // Dropped by design: blank lines, lines before the first section, and empty tables of contents.
          if (!l.trim() || i + 1 < doc.sections[0]!.lineStart || used.has(i + 1)) return;
          // only an empty table-of-contents heading may vanish: something non-bullet must follow it
          const next = lines.slice(i + 1).find((x) => x.trim());
          expect(next, `line ${i + 1} ${JSON.stringify(l)} vanished`).toBeDefined();
          expect(/^[-*•]\s/.test(next!.trim()), `line ${i + 1} ${JSON.stringify(l)} vanished before a bullet`).toBe(false);
        });
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('parseMarkdown: section ids are unique, even for repeated and look-alike headings (none ending in a number)', () => {
    fc.assert(
      fc.property(collidingHeadings(HEADING_POOL), (text) => {
        const ids = parseMarkdown(text, 'guide.md').sections.map((s) => s.id);
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

/** Headings that slug alike ("Salary", "salary!", "SALARY", "Sálary", "##") so ids must be disambiguated. */
const HEADING_POOL = ['Salary', 'salary', 'Salary!', 'SALARY', 'Sálary', 'Salary Range', 'Salary-Range', 'Salary/Range', '“Salary”', '#', '*', '給料', '😀', 'A', 'a'];

function collidingHeadings(pool: readonly string[]): fc.Arbitrary<string> {
  const line = fc.tuple(fc.constantFrom('##', '###', '####'), fc.constantFrom(...pool), fc.boolean()).map(([h, t, body]) => `${h} ${t}${body ? '\n- a bullet' : ''}`);
  return fc.array(line, { minLength: 1, maxLength: 20 }).map((ls) => ls.join('\n'));
}

describe('loader regressions (each was a bug found by these properties)', () => {
  it('section ids never collide, even with headings that slug like a suffixed id ("## A", "## A", "## A 2" → a, a-2, a-2-2)', () => {
    fc.assert(
      fc.property(collidingHeadings([...HEADING_POOL, 'Salary 2', 'A 2', 'A-3']), (text) => {
        const ids = parseMarkdown(text, 'guide.md').sections.map((s) => s.id);
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { seed: SEED, numRuns: 200, examples: [['## A\n## A\n## A 2']] },
    );
  });

  it('parseMarkdown never opens a section with a blank heading ("## #", "## ##" and "##" are skipped)', () => {
    fc.assert(
      fc.property(anyFile, (text) => {
        for (const s of parseMarkdown(text, 'guide.md').sections) for (const h of s.headingPath) expect(h.trim()).not.toBe('');
      }),
      { seed: SEED, numRuns: 200, examples: [['## #']] },
    );
  });

  it('parseMarkdown keeps a "#" that ends a heading word ("## Learn C#" → "Learn C#"); only a space-preceded closing run is dropped', () => {
    // CommonMark only treats the closing #s as a closing sequence when a space precedes them.
    expect(parseMarkdown('## Learn C#', 'guide.md').sections[0]!.headingPath).toEqual(['Learn C#']);
    const titles = (md: string) => parseMarkdown(md, 'guide.md').sections.map((s) => s.headingPath.at(-1));
    expect(titles('## Learn C# ##\n## F# #\n## A \\#\n## B#\\##\n## ### C ###')).toEqual(['Learn C#', 'F#', 'A #', 'B###', '### C']);
    expect(parseMarkdown('# Learn C#\n## X', 'guide.md').title).toBe('Learn C#');
  });

  it('concrete cases: suffixed ids skip taken ones; an empty heading keeps its body in the section before it; empty list items vanish', () => {
    expect(parseMarkdown('## A\n## A\n## A 2\n## A 2\n## A', 'guide.md').sections.map((s) => s.id)).toEqual(['a', 'a-2', 'a-2-2', 'a-2-3', 'a-3']);
    const doc = parseMarkdown('# T\n## Setup\nintro\n## #\nstill setup\n##\n- item\n- \n-\t\n## Next\nnext', 'guide.md');
    expect(headingsOf(doc)).toEqual([['Setup'], ['Next']]);
    expect(doc.sections[0]!.blocks.map((b) => `${b.kind}:${b.text}`)).toEqual(['paragraph:intro', 'paragraph:still setup', 'bullet:item']);
    expect(doc.sections[0]!.lineEnd).toBe(7);
  });
});

describe('code fences', () => {
  /** Lines that would mean something outside a fence. */
  const fencedLine = fc.oneof(fc.constantFrom('# install the tools', '## not a heading', '### nor this', '- not a bullet', '1. nor this', 'npm install', '  indented();', '', '#!/bin/sh'), guideishText);
  const fencedFile = fc
    .tuple(fc.array(fencedLine, { minLength: 1, maxLength: 8 }), fc.constantFrom('```', '```bash', '~~~'))
    // A line that is only the fence's character (3+ times) closes the fence (CommonMark), so it cannot be inside one.
    .filter(([lines, fence]) => !lines.some((l) => l.split(/\r\n|\r|\n/).some((part) => new RegExp(`^\\s*\\${fence[0]}{3,}\\s*$`).test(part))))
    .map(([lines, fence]) => ({ text: `# Guide\n## Setup\nBefore the code.\n${fence}\n${lines.join('\n')}\n${fence.slice(0, 3)}\nAfter the code.`, lines }));

  it('fenced code is kept as paragraphs: "# …" inside a fence does not replace the title, "## …" opens no section, "- …" is no bullet', () => {
    fc.assert(
      fc.property(fencedFile, ({ text, lines }) => {
        const doc = parseMarkdown(text, 'guide.md');
        expect(doc.title).toBe('Guide');
        expect(headingsOf(doc)).toEqual([['Setup']]);
        const inside = doc.sections[0]!.blocks.slice(2, -2);
        // a generated line may itself hold line breaks (hostile characters), which the loader splits on
        const expected = lines.flatMap((l) => l.split(/\r\n|\r|\n/)).map((l) => l.trim()).filter(Boolean);
        expect(inside.map((b) => `${b.kind}:${b.text}`)).toEqual(expected.map((l) => `paragraph:${l}`));
      }),
      { seed: SEED, numRuns: 100, examples: [[{ text: '# Guide\n## Setup\nBefore the code.\n```bash\n# install the tools\n```\nAfter the code.', lines: ['# install the tools'] }]] },
    );
  });

  it('concrete cases: a fence closes only on its own character at least as long; an unclosed fence runs to the end', () => {
    const parse = (body: string) => parseMarkdown(`# T\n## S\n${body}`, 'guide.md');
    const blocks = (body: string) => parse(body).sections.flatMap((s) => s.blocks.map((b) => `${b.kind}:${b.text}`));
    // "```" does not close "~~~", nor "```" a longer "````"; "```js`x" (backtick in the info string) opens nothing
    expect(blocks('~~~\n```\n- a\n~~~~\n- b')).toEqual(['paragraph:~~~', 'paragraph:```', 'paragraph:- a', 'paragraph:~~~~', 'bullet:b']);
    expect(blocks('````\n```\n## X\n````\n## Y\ny')).toEqual(['paragraph:````', 'paragraph:```', 'paragraph:## X', 'paragraph:````', 'paragraph:y']);
    expect(headingsOf(parse('````\n```\n## X\n````\n## Y\ny'))).toEqual([['S'], ['Y']]);
    expect(blocks('```js`x\n- a')).toEqual(['paragraph:```js`x', 'bullet:a']);
    expect(headingsOf(parse('```\n## Not a heading\n- nor a bullet'))).toEqual([['S']]);
    expect(blocks('```\n## Not a heading\n- nor a bullet')).toEqual(['paragraph:```', 'paragraph:## Not a heading', 'paragraph:- nor a bullet']);
  });
});

describe('renderMarkdown(parsePlainText(x)) round-trips through parseMarkdown', () => {
  it('keeps heading paths, levels, title and blocks for well-formed guides', () => {
    fc.assert(
      fc.property(plainTextGuide(), (text) => {
        const doc = parsePlainText(text, 'guide.txt');
        const again = parseMarkdown(renderMarkdown(doc), 'guide.md');
        expect(headingsOf(again)).toEqual(headingsOf(doc));
        expect(again.sections.map((s) => s.level)).toEqual(doc.sections.map((s) => s.level));
        expect(again.sections.map((s) => s.id)).toEqual(doc.sections.map((s) => s.id));
        expect(again.title).toBe(doc.title);
        const blocks = (d: KnowledgeDocument) => d.sections.map((s) => s.blocks.map((b) => `${b.kind}:${b.text}`));
        expect(blocks(again)).toEqual(blocks(doc));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('the generated guides really exercise the loader (sections at both levels, bullets and paragraphs)', () => {
    const samples = fc.sample(plainTextGuide(), { seed: SEED, numRuns: 100 }).map((t) => parsePlainText(t, 'guide.txt'));
    const sections = samples.flatMap((d) => d.sections);
    expect(sections.some((s) => s.level === 2)).toBe(true);
    expect(sections.some((s) => s.level === 3 && s.headingPath.length === 2)).toBe(true);
    expect(sections.some((s) => s.blocks.some((b) => b.kind === 'bullet'))).toBe(true);
    expect(sections.some((s) => s.blocks.some((b) => b.kind === 'paragraph'))).toBe(true);
  });

  it('renderMarkdown is a fixed point after one round (render ∘ parse ∘ render = render) for well-formed guides', () => {
    fc.assert(
      fc.property(plainTextGuide(), (text) => {
        const md = renderMarkdown(parsePlainText(text, 'guide.txt'));
        expect(renderMarkdown(parseMarkdown(md, 'guide.md'))).toBe(md);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('a heading ending in "#" (e.g. "Programming in C#") keeps it through the round trip', () => {
    fc.assert(
      fc.property(plainTextGuide({ headingWords: ['C#', 'F#'] }), (text) => {
        const doc = parsePlainText(text, 'guide.txt');
        expect(headingsOf(parseMarkdown(renderMarkdown(doc), 'guide.md'))).toEqual(headingsOf(doc));
      }),
      { seed: SEED, numRuns: 200, examples: [['Guide\nProgramming in C#\nMost coders earn more.']] },
    );
  });

  it('renderMarkdown escapes only the lines that need it, and parseMarkdown reads the escapes back', () => {
    const doc: KnowledgeDocument = {
      source: 'g.txt',
      title: 'Guide #',
      sections: [
        {
          id: 'c',
          source: 'g.txt',
          headingPath: ['Learn C#'],
          level: 2,
          lineStart: 2,
          lineEnd: 9,
          blocks: ['## of claims.', '1. priority.', '+ more.', '```js', '~~~', '\\- literal.', 'Plain line.', '#hashtag.'].map((text, i) => ({ kind: 'paragraph' as const, text, line: 3 + i })),
        },
        { id: 'c/x', source: 'g.txt', headingPath: ['Learn C#', 'Sharp #'], level: 3, lineStart: 11, lineEnd: 11, blocks: [] },
      ],
    };
    const md = renderMarkdown(doc);
    expect(md.split('\n').filter(Boolean)).toEqual([
      // CommonMark escapes: "\\" before punctuation only ("1\\." for a list number, each "`" and "~").
      '# Guide \\#', '## Learn C#', '\\## of claims.', '1\\. priority.', '\\+ more.', '\\`\\`\\`js', '\\~\\~\\~', '\\\\- literal.', 'Plain line.', '#hashtag.', '### Sharp \\#',
    ]);
    const again = parseMarkdown(md, 'g.md');
    expect(again.title).toBe(doc.title);
    expect(again.sections.map((s) => s.headingPath)).toEqual(doc.sections.map((s) => s.headingPath));
    expect(again.sections[0]!.blocks.map((b) => b.text)).toEqual(doc.sections[0]!.blocks.map((b) => b.text));
  });

  it('a paragraph that starts like a heading ("## of claims…") is escaped by renderMarkdown and stays a paragraph', () => {
    const markdownish = fc.constantFrom('## of claims per day matters.', '# 1 priority is accuracy.', '### note: codes change yearly.');
    fc.assert(
      fc.property(plainTextGuide({ paragraphs: markdownish }), (text) => {
        const doc = parsePlainText(text, 'guide.txt');
        expect(headingsOf(parseMarkdown(renderMarkdown(doc), 'guide.md'))).toEqual(headingsOf(doc));
      }),
      { seed: SEED, numRuns: 200, examples: [['Guide\nBasics\n## of claims per day matters.']] },
    );
  });
});
