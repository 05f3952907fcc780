/**
 * Shared fast-check generators for the property suites in this folder: hostile text (any Unicode,
 * lone surrogates, control characters, zero-width and bidi marks), Markdown-ish guide files, and
 * well-formed plain-text guides that follow the rules of `src/ingest/text-loader.ts`.
 */
import fc from 'fast-check';

/** Seeds are fixed so every run explores the same inputs (a failure is reproducible as-is). */
export const SEED = 20_240_607;

/** Characters that tend to break text code, weighted towards the nasty ones. */
const SPECIAL_CHARS = [
  '\u0000', '\u0001', '\u0007', '\b', '\t', '\u000b', '\f', '\u001b', '\u007f', '\u0085',
  '\u00a0', '\u1680', '\u2000', '\u2028', '\u2029', '\u3000', '\ufeff',
  '\u200b', '\u200c', '\u200d', '\u2060', '\u00ad', '\u034f',
  '\u200e', '\u200f', '\u202a', '\u202b', '\u202d', '\u202e', '\u2066', '\u2069',
  '\u0301', '\u0308', '\u20dd', '\u0591', '\u064b',
  'שלום', 'مرحبا', 'İ', 'ß', 'ǅ', 'Σ', 'ﬁ', 'Ⅻ', '²', '٣', '١٢',
  '😀', '👩‍⚕️', '🇺🇸', '𝔄', '𠀀', '\ud83d', '\ude00', '\udfff', '\ud800',
  '\uffff', '\ufffd', '\r', '\n', '\r\n',
];

/** One UTF-16 code unit, surrogates included (so lone surrogates appear). */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** A single "character" drawn from every corner of Unicode. */
export const anyChar: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: codeUnit },
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_CHARS) },
);

/** Text from any characters (control characters, NUL, lone surrogates, astral, RTL, combining…). */
export function hostileText(maxLength = 80): fc.Arbitrary<string> {
  return fc.array(anyChar, { maxLength }).map((cs) => cs.join(''));
}

/** Words and punctuation that make up guide-like lines, mixed with hostile characters. */
const WORDS = [
  'Coding', 'coders', 'CPC', 'CCS-P', 'AAPC', 'AHIMA', 'ICD-10', 'salary', '$45,000', '8-10%', 'the', 'and', 'of',
  'Certified', 'Professional', 'Coder', 'Registered', 'Health', 'Information', 'Technician', '(RHIT)', '(CPC)',
  'Entry-Level', '(0-2 years)', 'Q1:', 'Step', '1:', 'Challenge:', 'remote', 'work', 'A:', 'e.g.', 'i.e.',
  '→', '–', '—', ':', '.', '?', '!', ',', ';', '“quoted”', '"quoted"', '#', '##', '*', '-', '+', '1.', '2)', '`code`',
  '```', '[1]', '[link](http://x.y)', '|', '>', '\\', '…', 'C#', 'F#',
];

/** A line of guide-ish words with hostile characters sprinkled in. */
export const guideishText: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...WORDS) }, { weight: 2, arbitrary: hostileText(6) }), { maxLength: 14 })
  .chain((parts) => fc.array(fc.constantFrom(' ', ' ', ' ', '', '  ', '\t', '\u00a0'), { minLength: parts.length, maxLength: parts.length }).map((seps) => parts.map((p, i) => p + seps[i]).join('')));

const inlineText = fc.oneof({ weight: 4, arbitrary: guideishText }, { weight: 1, arbitrary: hostileText(40) });

/** One source line of a Markdown guide, covering the edge cases the loader meets. */
export const markdownLine: fc.Arbitrary<string> = fc.oneof(
  // ATX headings of every depth, with or without a closing sequence
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 8 }), fc.constantFrom(' ', '  ', '\t', ''), inlineText, fc.constantFrom('', '', ' #', ' ##', '#', ' # ', ' ###   '))
      .map(([n, sp, t, close]) => `${'#'.repeat(n)}${sp}${t}${close}`),
  },
  // empty and degenerate headings
  { weight: 1, arbitrary: fc.constantFrom('## ', '##', '# ', '### ', '#### ', '## #', '## ##', '###   ###', '#', '######## x', ' ## Indented') },
  // bullets, nested and numbered
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom('', '  ', '    ', '\t', '        '), fc.constantFrom('-', '*', '+', '•', '1.', '2)', '10.', '-', '-'), fc.constantFrom(' ', '  ', '\t', ''), inlineText)
      .map(([indent, marker, sp, t]) => `${indent}${marker}${sp}${t}`),
  },
  // code fences, setext underlines, rules, quotes, tables
  { weight: 1, arbitrary: fc.constantFrom('```', '```ts', '~~~', '===', '---', '***', '___', '> quoted line', '| a | b |', '|---|---|', '<!-- comment -->', '- ', '1. ', '* ', '-', '  -  ') },
  // plain paragraph lines
  { weight: 5, arbitrary: inlineText },
  // blank and whitespace-only lines
  { weight: 2, arbitrary: fc.constantFrom('', '', ' ', '\t', '   \t ', '\u00a0', '\u3000', '\u200b', '\ufeff') },
  // a very long line
  { weight: 1, arbitrary: fc.tuple(guideishText, fc.integer({ min: 50, max: 400 })).map(([t, n]) => (t || 'x').repeat(n).slice(0, 6_000)) },
);

/** Joins lines with mixed line endings, sometimes with a BOM in front. */
function joinLines(lines: string[], endings: string[], bom: boolean, trailing: string): string {
  return (bom ? '\ufeff' : '') + lines.map((l, i) => (i === 0 ? l : endings[i % endings.length]! + l)).join('') + trailing;
}

const lineEndings = fc.array(fc.constantFrom('\n', '\n', '\n', '\r\n', '\r'), { minLength: 1, maxLength: 4 });

/** A whole Markdown-ish file (possibly empty). */
export const markdownFile: fc.Arbitrary<string> = fc
  .tuple(fc.array(markdownLine, { maxLength: 40 }), lineEndings, fc.boolean(), fc.constantFrom('', '\n', '\r\n', '\n\n'))
  .map(([lines, endings, bom, trailing]) => joinLines(lines, endings, bom, trailing));

/** Any text at all: a Markdown-ish file or pure noise. */
export const anyFile: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: markdownFile },
  { weight: 1, arbitrary: hostileText(400) },
  { weight: 1, arbitrary: fc.constantFrom('', '\ufeff', '\n', '\r\n\r\n', '   ', '\u0000', '\ufeff\ufeff# T\n## H') },
);

/** Grows a file to at least `bytes` characters by repeating its lines (for the 100 KB cases). */
export function growTo(text: string, bytes: number): string {
  const piece = text.length > 0 ? text : 'x\n';
  return piece.repeat(Math.ceil(bytes / piece.length) + 1).slice(0, bytes + piece.length);
}

/** A ~100 KB Markdown-ish file built by repeating a generated one. */
export const bigMarkdownFile: fc.Arbitrary<string> = markdownFile
  .filter((t) => t.length > 0)
  .map((t) => `# Big\n## Section\n${growTo(`${t}\n`, 100_000)}`);

/** Number of lines the loaders see in `text` (they drop one leading BOM and split on any line ending). */
export function lineCount(text: string): number {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).length;
}

// ---------------------------------------------------------------------------------------------
// Well-formed plain-text guides (what the `.txt` loader is designed for)
// ---------------------------------------------------------------------------------------------

const TITLE_WORDS = ['Coding', 'Career', 'Salary', 'Certification', 'Education', 'Remote', 'Work', 'Skills', 'Paths', 'Overview', 'Medical', 'Billing', 'Audit', 'CPC', 'CCS-P', 'ICD-10', '2024', 'Top', 'Five', '“Hidden”', 'Entry-Level'];
const SMALL_WORDS = ['and', 'of', 'for', 'the', 'in', 'to', 'with', 'your', 'a', 'on'];

/**
 * A heading `looksLikeHeading` accepts: starts with a capital, at most 12 words, most significant
 * words capitalised, no sentence punctuation at the end and no arrow.
 */
export function titleCaseHeading(extraWords: readonly string[] = []): fc.Arbitrary<string> {
  const capital = fc.constantFrom(...TITLE_WORDS, ...extraWords);
  return fc
    .tuple(capital, fc.array(fc.oneof({ weight: 3, arbitrary: capital }, { weight: 1, arbitrary: fc.constantFrom(...SMALL_WORDS) }), { maxLength: 6 }), capital)
    .map(([first, middle, last]) => [first, ...middle, last].join(' '));
}

const patternHeading = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 40 }), titleCaseHeading()).map(([n, t]) => `Q${n}: How do I start ${t}?`),
  titleCaseHeading().map((t) => `Challenge: ${t}`),
  fc.tuple(fc.integer({ min: 1, max: 9 }), titleCaseHeading()).map(([n, t]) => `Step ${n}: ${t}`),
);

const sentenceWords = fc.array(fc.constantFrom('coders', 'earn', '$45,000', 'a', 'year', 'in', 'remote', 'roles', 'with', 'CPC', 'certification', 'after', '2-3', 'years', 'of', 'study', 'and', 'practice', 'hospitals', 'hire', 'them'), { minLength: 2, maxLength: 12 });

/** A body sentence: lower-case start is avoided only by the capital first word; ends in a period. */
const sentence = fc.tuple(fc.constantFrom('Most', 'Many', 'The', 'Some', 'Every', 'A:'), sentenceWords, fc.constantFrom('.', '.', '!', '?')).map(([a, ws, end]) => `${a} ${ws.join(' ')}${end}`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((ss) => ss.join(' '));
const bullet = fc.tuple(fc.constantFrom('-', '*', '•'), fc.oneof(sentence, fc.tuple(titleCaseHeading(), sentence).map(([t, s]) => `${t}: ${s}`))).map(([m, t]) => `${m} ${t}`);

export interface GuideOptions {
  /** Extra capitalised words allowed in headings (to probe Markdown-significant ones such as "C#"). */
  headingWords?: readonly string[];
  /** Extra paragraph lines (to probe Markdown-significant paragraph text such as "## …"). */
  paragraphs?: fc.Arbitrary<string>;
}

/** A plain-text guide: a title line, then headings each followed by bullets and paragraphs. */
export function plainTextGuide(options: GuideOptions = {}): fc.Arbitrary<string> {
  const body = fc.oneof({ weight: 3, arbitrary: bullet }, { weight: 2, arbitrary: paragraph }, ...(options.paragraphs ? [{ weight: 2, arbitrary: options.paragraphs }] : []));
  const heading = fc.oneof({ weight: 5, arbitrary: titleCaseHeading(options.headingWords) }, { weight: 1, arbitrary: patternHeading });
  const section = fc.tuple(heading, fc.array(body, { maxLength: 5 }), fc.constantFrom('\n', '\n\n', '\r\n'));
  return fc
    .tuple(titleCaseHeading(), fc.array(section, { minLength: 1, maxLength: 12 }))
    .map(([title, sections]) => [title, ...sections.flatMap(([h, b, gap]) => [gap + h, ...b])].join('\n'));
}
