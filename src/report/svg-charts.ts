import { escapeHtml } from './escape-html.js';
import { distinctLabels } from './format.js';

/** Chart colours, also used by the page's legend. */
export const CHART_COLORS = { answered: '#3b6ea8', abstained: '#e07b24', cited: '#4a8c5c', grid: '#d9dde3', axis: '#5b6470' } as const;

/** One bar of the questions-per-day chart. */
export interface DayBar {
  day: string;
  answered: number;
  abstained: number;
}

const n2 = (x: number) => String(Math.round(x * 100) / 100);

/**
 * A round axis maximum (1, 2 or 5 × 10ⁿ steps) at or above `peak`, with its
 * step. Counts are whole, so the step is never below 1.
 */
export function niceScale(peak: number, targetTicks = 4): { max: number; step: number } {
  if (!(peak > 0)) return { max: 1, step: 1 };
  const raw = peak / targetTicks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude);
  return { max: Math.ceil(peak / step) * step, step };
}

/**
 * Stacked bars per day: answered at the bottom, abstained on top, with a
 * hover title per day. Every bar group carries `data-*` attributes with its
 * numbers so the chart can be checked without reading pixels.
 */
export function questionsPerDayChart(days: readonly DayBar[]): string {
  const width = 960;
  const height = 320;
  const m = { top: 36, right: 16, bottom: 44, left: 48 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const { max, step } = niceScale(Math.max(0, ...days.map((d) => d.answered + d.abstained)));
  const y = (v: number) => m.top + plotH - (v / max) * plotH;
  const band = plotW / Math.max(1, days.length);
  const barW = Math.max(1, band * 0.72);
  const labelEvery = Math.ceil(days.length / 12);

  const parts: string[] = [];
  for (let v = 0; v <= max; v += step) {
    parts.push(
      `<line class="grid" x1="${m.left}" x2="${width - m.right}" y1="${n2(y(v))}" y2="${n2(y(v))}" stroke="${CHART_COLORS.grid}" stroke-width="1"/>`,
      `<text x="${m.left - 8}" y="${n2(y(v) + 4)}" text-anchor="end" font-size="12" fill="${CHART_COLORS.axis}">${v}</text>`,
    );
  }
  days.forEach((d, i) => {
    const x = m.left + i * band + (band - barW) / 2;
    const total = d.answered + d.abstained;
    const label = `${d.day}: ${total} question${total === 1 ? '' : 's'}, ${d.abstained} abstained`;
    parts.push(`<g class="day" data-day="${escapeHtml(d.day)}" data-total="${total}" data-abstained="${d.abstained}"><title>${escapeHtml(label)}</title>`);
    if (d.answered > 0) {
      parts.push(`<rect class="bar-answered" x="${n2(x)}" y="${n2(y(d.answered))}" width="${n2(barW)}" height="${n2(y(0) - y(d.answered))}" fill="${CHART_COLORS.answered}"/>`);
    }
    if (d.abstained > 0) {
      parts.push(`<rect class="bar-abstained" x="${n2(x)}" y="${n2(y(total))}" width="${n2(barW)}" height="${n2(y(d.answered) - y(total))}" fill="${CHART_COLORS.abstained}"/>`);
    }
    parts.push('</g>');
    // Counted back from the last day, so today is always labelled and the spacing stays even.
    if ((days.length - 1 - i) % labelEvery === 0) {
      parts.push(`<text x="${n2(m.left + i * band + band / 2)}" y="${height - m.bottom + 18}" text-anchor="middle" font-size="12" fill="${CHART_COLORS.axis}">${escapeHtml(d.day.slice(5))}</text>`);
    }
  });
  parts.push(
    `<path class="axis" d="M${m.left} ${n2(y(0))}H${width - m.right}" stroke="${CHART_COLORS.axis}" stroke-width="1"/>`,
    legendItem(m.left, 12, CHART_COLORS.answered, 'answered'),
    legendItem(m.left + 110, 12, CHART_COLORS.abstained, 'abstained (no answer in the guide)'),
    `<text x="${width / 2}" y="${height - 6}" text-anchor="middle" font-size="12" fill="${CHART_COLORS.axis}">day (UTC, month-day)</text>`,
  );
  return svg(width, height, 'Questions per day, answered and abstained', parts);
}

/** Horizontal bars, one per guide section, longest first as given. */
export function citedSectionsChart(sections: ReadonlyArray<{ section: string; count: number }>): string {
  const width = 960;
  const row = 30;
  const m = { top: 8, right: 56, bottom: 8, left: 360 };
  const height = m.top + m.bottom + row * Math.max(1, sections.length);
  const plotW = width - m.left - m.right;
  const max = Math.max(1, ...sections.map((s) => s.count));
  // Two sections must never share a bar label (long FAQ headings cut to the same words).
  const labels = distinctLabels(sections.map((s) => s.section), 48);
  const parts = sections.map((s, i) => {
    const top = m.top + i * row;
    const w = Math.max(2, (s.count / max) * plotW);
    return [
      `<g class="section" data-section="${escapeHtml(s.section)}" data-count="${s.count}"><title>${escapeHtml(`${s.section}: cited ${s.count} time${s.count === 1 ? '' : 's'}`)}</title>`,
      `<text x="${m.left - 10}" y="${top + 19}" text-anchor="end" font-size="13" fill="#1f2933">${escapeHtml(labels[i]!)}</text>`,
      `<rect class="bar-cited" x="${m.left}" y="${top + 5}" width="${n2(w)}" height="${row - 10}" rx="3" fill="${CHART_COLORS.cited}"/>`,
      `<text x="${n2(m.left + w + 6)}" y="${top + 19}" font-size="13" fill="${CHART_COLORS.axis}">${s.count}</text>`,
      '</g>',
    ].join('');
  });
  return svg(width, height, 'Most cited guide sections', parts);
}

function legendItem(x: number, y: number, color: string, label: string): string {
  return `<rect class="legend" x="${x}" y="${y}" width="12" height="12" fill="${color}"/><text x="${x + 18}" y="${y + 11}" font-size="12" fill="#1f2933">${escapeHtml(label)}</text>`;
}

function svg(width: number, height: number, title: string, parts: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escapeHtml(title)}" font-family="system-ui, sans-serif">`,
    `<title>${escapeHtml(title)}</title>`,
    ...parts,
    '</svg>',
  ].join('\n');
}
