import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, parsePlainText, renderMarkdown, type KnowledgeDocument } from '../../src/ingest/index.js';
import { GUIDE_MD_NAME, GUIDE_TXT, HAVE_TXT, parseGuideMd, readGuideMd, sectionTitled } from '../helpers/guide-files.js';

const paths = (doc: KnowledgeDocument) => doc.sections.map((s) => s.headingPath.join(' › '));
const blocks = (doc: KnowledgeDocument) => doc.sections.flatMap((s) => s.blocks.map((b) => `${b.kind}:${b.text}`));

if (!HAVE_TXT) {
  // Not a failure: the shared original lives outside the repository and may not be checked out.
  console.warn(`[parser.test] skipping the .txt ↔ .md comparison: ${GUIDE_TXT} does not exist`);
}

describe.skipIf(!HAVE_TXT)('plain-text guide (../shared/knowledge/*.txt) parsed like the Markdown guide', () => {
  const txtSource = HAVE_TXT ? readFileSync(GUIDE_TXT, 'utf8') : '';
  const txtLines = txtSource.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const txt = () => parsePlainText(txtSource, 'clinical-coding-specialist-guide.txt');
  const md = () => parseGuideMd();

  it('yields exactly the same heading paths, in order, and the same title', () => {
    const fromTxt = txt();
    const fromMd = md();
    expect(paths(fromTxt)).toEqual(paths(fromMd));
    expect(fromTxt.sections.map((s) => s.level)).toEqual(fromMd.sections.map((s) => s.level));
    expect(fromTxt.title).toBe('Clinical Coding Specialist: Comprehensive Career Guide');
    expect(fromMd.title).toBe(fromTxt.title);
    // Sanity: the guide really has its ~59 sections (not a degenerate empty match).
    expect(fromMd.sections.length).toBeGreaterThan(50);
  });

  it('keeps the same wording: the same blocks, in the same order, with the same kinds', () => {
    expect(blocks(txt())).toEqual(blocks(md()));
  });

  it('every non-heading line of the .txt appears verbatim as a block of the Markdown parse', () => {
    const doc = md();
    const headings = new Set(doc.sections.map((s) => s.headingPath.at(-1)!));
    const mdBlocks = doc.sections.flatMap((s) => s.blocks.map((b) => (b.kind === 'bullet' ? `- ${b.text}` : b.text)));
    const body = txtLines.slice(1).filter((l) => !headings.has(l) && l !== 'Table of Contents');
    expect(body.length).toBeGreaterThan(150);
    expect(mdBlocks).toEqual(body);
  });

  it('the committed Markdown guide is exactly renderMarkdown(parsePlainText(txt))', () => {
    expect(renderMarkdown(txt())).toBe(readGuideMd());
  });

  it('has no "Table of Contents" section', () => {
    expect(txtLines).toContain('Table of Contents');
    for (const doc of [txt(), md()]) {
      expect(doc.sections.some((s) => s.headingPath.some((h) => /table of contents/i.test(h)))).toBe(false);
    }
  });

  it('keeps the two "Q4" questions as distinct sections, each with its own answer', () => {
    for (const doc of [txt(), md()]) {
      const q4 = doc.sections.filter((s) => s.headingPath.at(-1)!.startsWith('Q4:'));
      expect(q4.map((s) => s.headingPath.at(-1))).toEqual([
        'Q4: Can you work as a clinical coding specialist remotely?',
        'Q4: What are the most in-demand clinical coding specializations?',
      ]);
      expect(new Set(q4.map((s) => s.id)).size).toBe(2);
      expect(q4[0]!.blocks.map((b) => b.text)).toEqual([expect.stringMatching(/^A: Yes, many clinical coding positions are now available as remote/)]);
      expect(q4[1]!.blocks.map((b) => b.text)).toEqual([expect.stringMatching(/^A: Inpatient coding, outpatient coding, surgical coding/)]);
    }
  });

  it('makes every FAQ question, "Challenge:" and "Step N:" line its own level-3 section under the right parent', () => {
    const expected = [
      { pattern: /^Q\d+: .*\?$/, parent: 'Frequently Asked Questions About Clinical Coding Specialists', count: 13 },
      { pattern: /^Challenge: /, parent: 'Common Challenges and Solutions', count: 6 },
      { pattern: /^Step \d+: /, parent: 'Getting Started: Your Clinical Coding Career Path', count: 7 },
    ];
    for (const doc of [txt(), md()]) {
      for (const { pattern, parent, count } of expected) {
        const lines = txtLines.filter((l) => pattern.test(l));
        expect(lines).toHaveLength(count);
        const sections = doc.sections.filter((s) => pattern.test(s.headingPath.at(-1)!));
        expect(sections.map((s) => s.headingPath)).toEqual(lines.map((l) => [parent, l]));
        for (const s of sections) {
          expect(s.level).toBe(3);
          expect(s.blocks.length).toBeGreaterThan(0);
        }
      }
    }
  });

  it('turns every "- " line into a bullet block (without the dash) and nothing else into bullets', () => {
    const bulletLines = txtLines.filter((l) => l.startsWith('- ')).map((l) => l.slice(2));
    for (const doc of [txt(), md()]) {
      const bullets = doc.sections.flatMap((s) => s.blocks.filter((b) => b.kind === 'bullet').map((b) => b.text));
      expect(bullets).toEqual(bulletLines);
    }
    // "Entry-Level Position: … → 2-3 years experience" is a paragraph line in the guide, not a bullet.
    const progression = sectionTitled(txt(), 'Typical Career Progression');
    expect(progression.blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph']);
  });

  it('records the .txt line numbers of headings and blocks', () => {
    const raw = txtSource.split(/\r?\n/);
    const doc = txt();
    for (const s of doc.sections) {
      expect(raw[s.lineStart - 1]!.trim()).toBe(s.headingPath.at(-1));
      for (const b of s.blocks) expect(raw[b.line - 1]!.trim()).toBe(b.kind === 'bullet' ? `- ${b.text}` : b.text);
    }
  });
});

describe('parseMarkdown on the real guide', () => {
  it('records heading and block line numbers of the .md file', () => {
    const raw = readGuideMd().split('\n');
    const doc = parseGuideMd();
    expect(doc.source).toBe(GUIDE_MD_NAME);
    for (const s of doc.sections) {
      expect(raw[s.lineStart - 1]).toBe(`${'#'.repeat(s.level)} ${s.headingPath.at(-1)}`);
      expect(s.lineEnd).toBeGreaterThanOrEqual(s.lineStart);
      for (const b of s.blocks) {
        expect(b.line).toBeGreaterThan(s.lineStart);
        expect(b.line).toBeLessThanOrEqual(s.lineEnd);
        expect(raw[b.line - 1]).toBe(b.kind === 'bullet' ? `- ${b.text}` : b.text);
      }
    }
    const comp = sectionTitled(doc, 'Compensation Overview');
    expect(comp.headingPath).toEqual(['Salary and Compensation', 'Compensation Overview']);
    expect(comp.blocks[0]).toEqual({ kind: 'bullet', text: 'Entry-Level (0-2 years): $28,000-$35,000 annually', line: comp.lineStart + 2, depth: 1 });
  });

  it('gives every section a unique id', () => {
    const ids = parseGuideMd().sections.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('parseMarkdown edge cases', () => {
  it('returns no sections and no title for an empty or blank file', () => {
    for (const text of ['', '\n\n', '   \n\t\n', '\uFEFF']) {
      const doc = parseMarkdown(text, 'empty.md');
      expect(doc).toEqual({ source: 'empty.md', title: '', sections: [] });
    }
  });

  it('ignores text before the # title; text under the title before any ## is an intro section named after it', () => {
    const doc = parseMarkdown(['Preamble line before anything.', '- a stray bullet', '# Title', 'Intro under the title.', '## First', 'Body.'].join('\n'), 'pre.md');
    expect(doc.title).toBe('Title');
    expect(doc.sections).toHaveLength(2);
    expect(doc.sections[0]!.headingPath).toEqual(['Title']);
    expect(doc.sections[0]!.blocks).toEqual([{ kind: 'paragraph', text: 'Intro under the title.', line: 4 }]);
    expect(doc.sections[1]!.headingPath).toEqual(['First']);
    expect(doc.sections[1]!.blocks).toEqual([{ kind: 'paragraph', text: 'Body.', line: 6 }]);
    const allText = doc.sections.flatMap((s) => s.blocks.map((b) => b.text)).join('\n');
    expect(allText).not.toContain('Preamble');
    expect(allText).not.toContain('stray');
  });

  it('keeps headings of any depth: each opens a section under the headings above it', () => {
    const doc = parseMarkdown(['## Parent', 'p', '### Child', 'c', '#### Grandchild', 'g', '###### Deepest', 'd', '## Next', 'n'].join('\n'), 'deep.md');
    expect(doc.sections.map((s) => [s.headingPath, s.level])).toEqual([
      [['Parent'], 2],
      [['Parent', 'Child'], 3],
      [['Parent', 'Child', 'Grandchild'], 4],
      [['Parent', 'Child', 'Grandchild', 'Deepest'], 6],
      [['Next'], 2],
    ]);
    // Each heading keeps only its own body: nothing from the deeper headings leaks into "Child".
    expect(doc.sections.map((s) => s.blocks.map((b) => b.text))).toEqual([['p'], ['c'], ['g'], ['d'], ['n']]);
  });

  it('reads CRLF files exactly like LF files (no stray \\r, same line numbers)', () => {
    const lines = ['# T', '', '## A', '', 'Para one.', '- bullet one', '### B', 'Para two.'];
    const lf = parseMarkdown(lines.join('\n'), 'x.md');
    const crlf = parseMarkdown(lines.join('\r\n'), 'x.md');
    expect(crlf).toEqual(lf);
    expect(JSON.stringify(crlf)).not.toContain('\\r');
    expect(crlf.sections[0]!.blocks.map((b) => b.line)).toEqual([5, 6]);
  });

  it('strips a UTF-8 BOM so the first line still parses as a heading', () => {
    const withTitle = parseMarkdown('\uFEFF# Guide\n## Section\nText.', 'bom.md');
    expect(withTitle.title).toBe('Guide');
    expect(withTitle.sections.map((s) => s.headingPath)).toEqual([['Section']]);
    const noTitle = parseMarkdown('\uFEFF## Section\nText.', 'bom.md');
    expect(noTitle.sections.map((s) => s.headingPath)).toEqual([['Section']]);
    expect(JSON.stringify(noTitle)).not.toContain('\uFEFF');
  });

  it('turns numbered, *, + and indented list items into bullets without their markers', () => {
    const doc = parseMarkdown(['## Steps', '1. Enrol in a program', '2) Pass the exam', '10. Keep learning', '* Star item', '+ Plus item', '  - Indented item', '', 'Plain sentence.'].join('\n'), 'list.md');
    expect(doc.sections[0]!.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['bullet', 'Enrol in a program'],
      ['bullet', 'Pass the exam'],
      ['bullet', 'Keep learning'],
      ['bullet', 'Star item'],
      ['bullet', 'Plus item'],
      ['bullet', 'Indented item'],
      ['paragraph', 'Plain sentence.'],
    ]);
  });

  it('drops closing #s from headings and keeps duplicate headings as distinct sections', () => {
    const doc = parseMarkdown(['## Same ##', 'one', '## Same', 'two'].join('\n'), 'dup.md');
    expect(doc.sections.map((s) => s.headingPath)).toEqual([['Same'], ['Same']]);
    expect(new Set(doc.sections.map((s) => s.id)).size).toBe(2);
    expect(doc.sections.map((s) => s.blocks[0]!.text)).toEqual(['one', 'two']);
  });

  it('a ### before any ## is a top-level path, and a new ## closes the ### path', () => {
    const doc = parseMarkdown(['### Orphan', 'o', '## Top', '### Kid', 'k', '## Other', 'x'].join('\n'), 'o.md');
    expect(doc.sections.map((s) => s.headingPath)).toEqual([['Orphan'], ['Top'], ['Top', 'Kid'], ['Other']]);
  });
});

describe('parsePlainText edge cases', () => {
  it('returns no sections for an empty file', () => {
    expect(parsePlainText('', 'e.txt')).toEqual({ source: 'e.txt', title: '', sections: [] });
  });

  it('handles CRLF and a BOM like the plain LF text', () => {
    const lines = ['My Guide', 'Salary Overview', 'Coders earn money.', '- Entry: $1', 'Next Steps', 'Do things.'];
    const lf = parsePlainText(lines.join('\n'), 'g.txt');
    expect(parsePlainText(`\uFEFF${lines.join('\r\n')}`, 'g.txt')).toEqual(lf);
    expect(lf.title).toBe('My Guide');
    expect(lf.sections.map((s) => s.headingPath)).toEqual([['Salary Overview'], ['Next Steps']]);
  });
});
