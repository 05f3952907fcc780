import { escapeHtml } from './escape-html.js';
import { featureUseLabel } from './feature-use.js';
import { percent, storeNotice } from './format.js';
import type { Report } from './schema.js';
import { CHART_COLORS, citedSectionsChart, questionsPerDayChart } from './svg-charts.js';

// No scripts, no external assets: the page must open from a file or an email
// attachment as-is. The CSP also stops any script should escaping ever fail.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `
  :root { color-scheme: light; }
  body { margin: 0; background: #f5f6f8; color: #1f2933; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  main { max-width: 1040px; margin: 0 auto; padding: 24px 32px 48px; }
  h1 { font-size: 26px; margin: 0 0 4px; }
  h2 { font-size: 18px; margin: 0 0 12px; }
  .meta { color: #5b6470; margin: 0 0 20px; }
  .notice { background: #fff4e5; border: 1px solid #f0c48a; border-radius: 6px; padding: 10px 14px; margin-bottom: 20px; }
  .cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; margin-bottom: 20px; }
  .card { background: #fff; border-radius: 8px; padding: 14px 16px; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
  .card .value { font-size: 28px; font-weight: 600; }
  .card .label { color: #5b6470; font-size: 13px; }
  section { background: #fff; border-radius: 8px; padding: 18px 20px; margin-bottom: 20px; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
  table { width: 100%; border-collapse: collapse; }
  th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #e6e8eb; vertical-align: top; }
  th { font-size: 13px; color: #5b6470; font-weight: 600; }
  td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
  .variants { margin: 4px 0 0; padding-left: 18px; color: #5b6470; font-size: 13px; }
  .empty { color: #5b6470; font-style: italic; margin: 0; }
  .abstained { color: ${CHART_COLORS.abstained}; font-weight: 600; }
  footer { color: #5b6470; font-size: 13px; }
`;

/** The report as one self-contained HTML page with inline SVG charts; all stored text is escaped. */
export function renderReportHtml(report: Report): string {
  const { window: w } = report;
  const title = `Knowledge-gap report, ${w.firstDay} to ${w.lastDay}`;
  const body = [...introParts(report), ...sectionParts(report)];
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body.filter(Boolean),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Heading, period, store notice and the summary cards; an empty string stands for "no notice". */
function introParts(report: Report): string[] {
  const { window: w } = report;
  const notice = storeNotice(report.store);
  return [
    `<h1>Knowledge-gap report</h1>`,
    `<p class="meta">Last ${w.days} day${w.days === 1 ? '' : 's'}: ${esc(w.firstDay)} to ${esc(w.lastDay)} (UTC). Generated ${esc(report.generatedAt)}.</p>`,
    notice ? `<p class="notice">${esc(notice)}</p>` : '',
    ...summaryCards(report),
  ];
}

function summaryCards(report: Report): string[] {
  const { totals, ratings } = report;
  return [
    `<div class="cards">`,
    card(String(totals.questions), 'questions'),
    card(String(totals.answered), 'answered'),
    card(String(totals.abstained), 'abstained (not in the guide)'),
    card(percent(totals.abstentionRate), 'abstention rate'),
    ...(ratings && ratings.up + ratings.down > 0 ? [card(percent(ratings.upRate), `rated 👍 (${ratings.up} 👍, ${ratings.down} 👎)`)] : []),
    `</div>`,
  ];
}

function sectionParts(report: Report): string[] {
  return [
    section(
      'Questions per day',
      report.totals.questions === 0 ? empty('No questions were asked in this period.') : questionsPerDayChart(report.perDay),
    ),
    unansweredSection(report),
    ...offTopicSection(report),
    section('Lowest-rated answers', report.lowestRated.length === 0 ? empty('None: no answer got a thumbs down.') : ratedTable(report)),
    section(
      'Most cited guide sections',
      report.topCitedSections.length === 0 ? empty('No sections were cited in this period.') : citedSectionsChart(report.topCitedSections),
    ),
    ...featureUseSection(report),
    section('By platform', report.platforms.length === 0 ? empty('No questions in this period.') : platformTable(report)),
    `<footer>Question texts were redacted before they were stored. Days are UTC. Report format version ${report.version}.</footer>`,
  ];
}

function unansweredSection(report: Report): string {
  const { groups, groupCount } = report.unanswered;
  return section(
    `Most asked questions the guide could not answer`,
    groups.length === 0
      ? empty('None: every question got an answer.')
      : `<p class="meta">${groupCount} group${groupCount === 1 ? '' : 's'} of similar questions; the most asked wording leads each group.</p>${unansweredTable(report)}`,
  );
}

function offTopicSection(report: Report): string[] {
  const { offTopic } = report;
  if (!offTopic) return [];
  const items = offTopic.questions.map((q) => `<li>${q.count}× ${esc(q.question)}</li>`).join('');
  const content = offTopic.questions.length === 0 ? empty('None.') : `<p class="meta">Not about the guides, so not knowledge gaps.</p><ul>${items}</ul>`;
  return [section(`Off-topic questions (${offTopic.count})`, content)];
}

function featureUseSection(report: Report): string[] {
  if (!report.featureUse) return [];
  const rows = report.featureUse.map(
    (l) =>
      `<tr><td>${esc(featureUseLabel(l))}</td><td class="num">${l.count}</td><td class="num">${l.users}</td><td>${esc(l.platforms.map((p) => `${p.platform} ${p.count}`).join(', '))}</td></tr>`,
  );
  const content = `<p class="meta">Credential cards, career plans and quizzes, next to the questions above.</p>${table(['<th>feature</th>', '<th class="num">uses</th>', '<th class="num">people</th>', '<th>by platform</th>'], rows)}`;
  return [section('Feature use', content)];
}

function unansweredTable(report: Report): string {
  const rows = report.unanswered.groups.map((g) => {
    const others = g.variants.slice(1);
    const list = others.length === 0 ? '' : `<ul class="variants">${others.map((v) => `<li>${esc(v.question)} <span>(${v.count}×)</span></li>`).join('')}</ul>`;
    return `<tr><td class="num">${g.count}</td><td>${esc(g.representative)}${list}</td><td class="num">${esc(g.lastAskedAt.slice(0, 10))}</td></tr>`;
  });
  return table(['<th class="num">asked</th>', '<th>question and similar wordings</th>', '<th class="num">last asked</th>'], rows);
}

// The words next to the emoji keep the columns readable where no emoji font is installed.
function ratedTable(report: Report): string {
  const rows = report.lowestRated.map(
    (r) =>
      `<tr><td>${r.question === null ? '<em>(question purged)</em>' : esc(r.question)}</td><td class="num">${r.up}</td><td class="num">${r.down}</td><td class="num">${r.score}</td><td>${esc(r.citedSections.join('; '))}</td></tr>`,
  );
  return table(['<th>question</th>', '<th class="num">👍 up</th>', '<th class="num">👎 down</th>', '<th class="num">score</th>', '<th>cited sections</th>'], rows);
}

function platformTable(report: Report): string {
  const rows = report.platforms.map(
    (p) =>
      `<tr><td>${esc(p.platform)}</td><td class="num">${p.total}</td><td class="num">${p.abstained}</td><td class="num">${percent(p.abstentionRate)}</td></tr>`,
  );
  return table(['<th>platform</th>', '<th class="num">questions</th>', '<th class="num">abstained</th>', '<th class="num">abstention rate</th>'], rows);
}

const esc = escapeHtml;

function card(value: string, label: string): string {
  return `<div class="card"><div class="value">${esc(value)}</div><div class="label">${esc(label)}</div></div>`;
}

function section(heading: string, content: string): string {
  return `<section>\n<h2>${esc(heading)}</h2>\n${content}\n</section>`;
}

function empty(text: string): string {
  return `<p class="empty">${esc(text)}</p>`;
}

function table(headers: string[], rows: string[]): string {
  return `<table>\n<thead><tr>${headers.join('')}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}
