import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, type KnowledgeDocument } from '../../src/ingest/index.js';

const FIXTURE = new URL('../fixtures/guides/markdown-constructs.md', import.meta.url);
const doc: KnowledgeDocument = parseMarkdown(readFileSync(FIXTURE, 'utf8'), 'markdown-constructs.md');
const section = (title: string) => doc.sections.find((s) => s.headingPath.at(-1) === title)!;
const units = (title: string) => section(title).blocks.map((b) => `${b.kind}:${b.text}`);
// Everything but the fenced code, which is quoted verbatim on purpose.
const allText = doc.sections.filter((s) => s.headingPath.at(-1) !== 'Setext Section').flatMap((s) => [...s.headingPath, ...s.blocks.map((b) => b.text)]).join('\n');

describe('parseMarkdown (CommonMark + GFM through mdast) on a fixture with every construct', () => {
  it('reads front matter: the title (preferred over the # heading) and the tags', () => {
    expect(doc.title).toBe('Example Trade: A Guide to Every Markdown Construct');
    expect(doc.tags).toEqual(['example trade', 'fixtures']);
  });

  it('puts text under the # title before any ## in an intro section; emphasis, code and links become clean text; quotes keep their wording', () => {
    expect(units('Example Trade Guide')).toEqual([
      'paragraph:Intro under the title, with bold, italic, inline code and a link.',
      'paragraph:Note: quoted guidance keeps its wording.',
    ]);
  });

  it('turns bold-labelled and nested list items into bullets without markers or markup', () => {
    expect(units('Credentials')).toEqual([
      'bullet:Certified Example Worker (CEW): awarded by the Example Board (EB) after an exam.',
      'bullet:Advanced Example Worker (AEW): for people with 3 years of work.',
      'bullet:Nested detail about the AEW exam',
      'bullet:Deeply nested first step',
    ]);
    // Each item keeps how deep it is nested: an item under another elaborates it.
    expect(section('Credentials').blocks.map((b) => b.depth)).toEqual([1, 1, 2, 3]);
  });

  it('reads numbered lists ("1." and "3)") and joins a wrapped item into one unit', () => {
    expect(units('Steps to Start')).toEqual(['bullet:Finish school.', 'bullet:Pick a training program that spans two lines.', 'bullet:Pass the exam.']);
  });

  it('makes each table row one unit "Header: value; Header: value", leaving out empty cells', () => {
    expect(units('Exam Details')).toEqual(['bullet:Exam: CEW; Questions: 90; Fee: $129', 'bullet:Exam: AEW; Questions: 120']);
  });

  it('keeps headings of any depth under their parents', () => {
    expect(section('Exam Details').headingPath).toEqual(['Credentials', 'Steps to Start', 'Exam Details']);
    expect(section('Exam Details').level).toBe(4);
    expect(section('Fine Print').headingPath).toEqual(['Credentials', 'Steps to Start', 'Exam Details', 'Fine Print']);
    expect(section('Fine Print').level).toBe(5);
  });

  it('drops HTML comments and tags, footnote markers and image markup; keeps footnote text and image alt text', () => {
    expect(units('Fine Print')).toEqual(['paragraph:Text with a footnote and an image alt words and inline html.', "paragraph:The footnote's own text."]);
    expect(allText).not.toContain('editor');
    expect(allText).not.toMatch(/[*_`]|\]\(|<span/);
  });

  it('reads setext headings, and keeps fenced code verbatim as paragraphs (no headings or bullets inside)', () => {
    expect(section('Setext Section').level).toBe(2);
    expect(units('Setext Section')).toEqual(['paragraph:A paragraph under a setext heading.', 'paragraph:```', 'paragraph:## not a heading', 'paragraph:- not a bullet', 'paragraph:```']);
  });

  it('gives every unit the line it starts on in the file', () => {
    const lines = readFileSync(FIXTURE, 'utf8').split('\n');
    for (const s of doc.sections) {
      for (const b of s.blocks) {
        // A table row's unit starts with its header; the row's own line holds the first cell's value.
        const first = b.text.includes('; ') ? b.text.split('; ')[0]!.split(': ')[1]! : b.text.split(' ')[0]!;
        const line = lines[b.line - 1]!;
        expect(line.includes(first) || line.replace(/[*_`]/g, '').includes(first), `${b.line}: ${b.text}`).toBe(true);
      }
    }
  });
});

describe('a bold line standing alone', () => {
  const guide = parseMarkdown(
    ['# Guide', '## 3. Skills', '**Technical skills**', '- Coding: ICD-10', '**People skills**', '- Tact', '## FAQ', '**Do I need a degree?**', 'Yes, an associate degree.', '**Always check accreditation.**', 'Some text with **bold** inside.'].join('\n\n'),
    'bold.md',
  );
  const paths = guide.sections.map((s) => [s.level, s.headingPath.join(' › ')]);

  it('titles what follows it, one level below the heading above (web guides write FAQ questions and sub-topics this way)', () => {
    expect(paths).toEqual([
      [2, '3. Skills'],
      [3, '3. Skills › Technical skills'],
      [3, '3. Skills › People skills'],
      [2, 'FAQ'],
      [3, 'FAQ › Do I need a degree?'],
    ]);
    expect(guide.sections.at(-1)!.blocks.map((b) => b.text)).toEqual(['Yes, an associate degree.', 'Always check accreditation.', 'Some text with bold inside.']);
  });
});


describe('headings that skip a level', () => {
  const guide = parseMarkdown(
    ['# Guide', '## 10. Permits', '#### Local anesthesia', 'Most states.', '#### Nitrous oxide', 'Many states.', '##### Monitoring', 'Some.', '### Expanded duties', 'Varies.', '## 22. FAQ', '#### Can I study online?', 'Partly.', '#### Do hygienists work weekends?', 'Some do.'].join('\n\n'),
    'skipped.md',
  );

  it('keeps siblings siblings: a "####" after a "####" under a "##" is not nested in it', () => {
    expect(guide.sections.map((s) => s.headingPath.join(' › '))).toEqual([
      '10. Permits',
      '10. Permits › Local anesthesia',
      '10. Permits › Nitrous oxide',
      '10. Permits › Nitrous oxide › Monitoring',
      '10. Permits › Expanded duties',
      '22. FAQ',
      '22. FAQ › Can I study online?',
      '22. FAQ › Do hygienists work weekends?',
    ]);
  });
});
