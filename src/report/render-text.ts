import { featureUseLabel } from './feature-use.js';
import { oneLine, percent, storeNotice, truncate } from './format.js';
import type { Report } from './schema.js';

const QUESTION_WIDTH = 70;
const BAR_WIDTH = 30;

/** The report as plain-text tables for a terminal. */
export function renderReportText(report: Report): string {
  const out = headerLines(report);
  if (report.totals.questions === 0) {
    // Cards, plans and quizzes can be used without a single question.
    out.push('', 'No questions were asked in this period.', ...featureUseLines(report));
    return out.join('\n');
  }
  out.push(
    ...perDayLines(report),
    ...platformLines(report),
    ...unansweredLines(report),
    ...offTopicLines(report),
    ...ratingLines(report),
    ...featureUseLines(report),
    ...lowestRatedLines(report),
    ...citedSectionLines(report),
  );
  return out.join('\n');
}

function headerLines(report: Report): string[] {
  const { window: w, totals } = report;
  const out: string[] = [
    `Knowledge-gap report: last ${w.days} day${w.days === 1 ? '' : 's'} (${w.firstDay} to ${w.lastDay}, UTC)`,
    `Generated ${report.generatedAt}`,
  ];
  const notice = storeNotice(report.store);
  if (notice) out.push('', notice);
  out.push(
    '',
    `Questions: ${totals.questions}   answered: ${totals.answered}   abstained: ${totals.abstained}   abstention rate: ${percent(totals.abstentionRate)}`,
  );
  return out;
}

function perDayLines(report: Report): string[] {
  const peak = Math.max(...report.perDay.map((d) => d.total));
  return [
    '',
    'Questions per day (# answered, ! abstained)',
    table(
      ['day', 'questions', 'abstained', ''],
      report.perDay.map((d) => [d.day, String(d.total), String(d.abstained), bar(d.answered, d.abstained, peak)]),
      ['left', 'right', 'right', 'left'],
    ),
  ];
}

function platformLines(report: Report): string[] {
  if (report.platforms.length === 0) return [];
  return [
    '',
    'By platform',
    table(
      ['platform', 'questions', 'abstained', 'rate'],
      report.platforms.map((p) => [clean(p.platform, 20), String(p.total), String(p.abstained), percent(p.abstentionRate)]),
    ),
  ];
}

function unansweredLines(report: Report): string[] {
  const { groups, groupCount } = report.unanswered;
  const scope = report.offTopic ? ' about the guides (knowledge gaps)' : '';
  const out = [
    '',
    `Most asked unanswered questions${scope} (${groupCount} group${groupCount === 1 ? '' : 's'} of similar questions)`,
    groups.length === 0
      ? '  none: every question got an answer'
      : table(
          ['asked', 'question (most asked wording)', 'wordings'],
          groups.map((g) => [String(g.count), clean(g.representative, QUESTION_WIDTH), String(g.variants.length)]),
          ['right', 'left', 'right'],
        ),
  ];
  for (const g of groups.filter((group) => group.variants.length > 1)) {
    out.push(`  "${clean(g.representative, 50)}" also asked as:`);
    for (const v of g.variants.slice(1)) out.push(`    ${v.count}× ${clean(v.question, QUESTION_WIDTH)}`);
  }
  return out;
}

function offTopicLines(report: Report): string[] {
  if (!report.offTopic) return [];
  return [
    '',
    `Off-topic questions (not about the guides; not knowledge gaps): ${report.offTopic.count}`,
    ...report.offTopic.questions.map((q) => `  ${q.count}× ${clean(q.question, QUESTION_WIDTH)}`),
  ];
}

function ratingLines(report: Report): string[] {
  const { ratings } = report;
  if (!ratings || ratings.up + ratings.down === 0) return [];
  return ['', `Ratings: ${ratings.up} 👍, ${ratings.down} 👎 (${percent(ratings.upRate)} 👍)`];
}

function featureUseLines(report: Report): string[] {
  const lines = report.featureUse;
  if (!lines) return [];
  return [
    '',
    'Feature use',
    table(
      ['feature', 'uses', 'people', 'by platform'],
      lines.map((l) => [featureUseLabel(l), String(l.count), String(l.users), l.platforms.map((p) => `${clean(p.platform, 20)} ${p.count}`).join(', ')]),
      ['left', 'right', 'right', 'left'],
    ),
  ];
}

function lowestRatedLines(report: Report): string[] {
  return [
    '',
    'Lowest-rated answers',
    report.lowestRated.length === 0
      ? '  none: no answer got a thumbs down'
      : table(
          ['up', 'down', 'question', 'cited sections'],
          report.lowestRated.map((r) => [
            String(r.up),
            String(r.down),
            r.question === null ? '(question purged)' : clean(r.question, 50),
            clean(r.citedSections.join('; '), 40),
          ]),
          ['right', 'right', 'left', 'left'],
        ),
  ];
}

function citedSectionLines(report: Report): string[] {
  return [
    '',
    'Most cited guide sections',
    report.topCitedSections.length === 0
      ? '  none'
      : table(['section', 'citations'], report.topCitedSections.map((s) => [clean(s.section, QUESTION_WIDTH), String(s.count)])),
  ];
}

function clean(text: string, max: number): string {
  return truncate(oneLine(text), max);
}

function bar(answered: number, abstained: number, peak: number): string {
  if (peak === 0) return '';
  const scale = BAR_WIDTH / peak;
  // Any non-zero count gets at least one mark so small days remain visible.
  const a = answered > 0 ? Math.max(1, Math.round(answered * scale)) : 0;
  const b = abstained > 0 ? Math.max(1, Math.round(abstained * scale)) : 0;
  return '#'.repeat(a) + '!'.repeat(b);
}

type Align = 'left' | 'right';

function table(headers: string[], rows: string[][], align: Align[] = ['left', ...headers.slice(1).map((): Align => 'right')]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const pad = (cell: string, i: number) => {
    const fill = ' '.repeat(widths[i]! - [...cell].length);
    return align[i] === 'right' ? fill + cell : cell + fill;
  };
  const line = (cells: string[]) => `  ${cells.map(pad).join('  ')}`.trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
