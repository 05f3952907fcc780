import { describe, expect, it } from 'vitest';
import { buildReport, emptyReport, escapeHtml, renderReportHtml, renderReportText, type Report } from '../../src/report/index.js';
import { NOW, openAt, seedStore } from './helpers.js';

function seeded(): Report {
  const store = openAt(seedStore());
  try {
    return buildReport(store, { days: 7, now: NOW });
  } finally {
    store.close();
  }
}

describe('renderReportText', () => {
  it('shows the totals, the daily table and every list', () => {
    const text = renderReportText(seeded());
    expect(text).toContain('last 7 days (2025-03-04 to 2025-03-10, UTC)');
    expect(text).toContain('Questions: 18   answered: 11   abstained: 7   abstention rate: 38.9%');
    expect(text).toMatch(/2025-03-08\s+5\s+2\s+#+!+/);
    expect(text).toMatch(/2025-03-05\s+0\s+0\n/);
    expect(text).toMatch(/discord\s+10\s+4\s+40\.0%/);
    expect(text).toMatch(/4\s+How much does the CPC exam cost\?\s+3/);
    expect(text).toContain('1× CPC exam price?');
    expect(text).toMatch(/0\s+2\s+How long is CPC training\?/);
    expect(text).toMatch(/Certifications › CPC\s+6/);
  });

  it('shows feature use next to the ratings: every action, people and platforms', () => {
    const text = renderReportText(seeded());
    expect(text).toMatch(/Ratings: [\s\S]*\n\nFeature use\n/);
    expect(text).toMatch(/Cards shown\s+3\s+3\s+discord 2, slack 1\n/);
    expect(text).toMatch(/Quiz answers given\s+3\s+3\s+slack 2, discord 1\n/);
    expect(text).toMatch(/Quizzes finished\s+0\s+0\n/);
    // With no questions at all, cards, plans and quizzes may still have been used.
    const quiet = { ...emptyReport({ days: 7, now: NOW }, 'ok'), featureUse: seeded().featureUse };
    expect(renderReportText(quiet)).toMatch(/No questions were asked in this period\.\n\nFeature use\n[\s\S]*Plans finished\s+1\s+1\s+discord 1/);
  });

  it('strips control characters so a stored question cannot send terminal escapes', () => {
    const report = seeded();
    report.unanswered.groups[0]!.representative = 'evil\u001b[2J\u001b]0;owned\u0007 question\nsecond line';
    const text = renderReportText(report);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(text).toContain('evil [2J ]0;owned question second line');
  });

  it('says clearly when there is nothing to show', () => {
    const text = renderReportText(emptyReport({ days: 30, now: NOW }, 'missing'));
    expect(text).toContain('No question store yet');
    expect(text).toContain('Questions: 0');
    expect(text).toContain('No questions were asked in this period.');
  });
});

describe('renderReportHtml', () => {
  it('escapes stored text: a question containing <script> stays text', () => {
    const html = renderReportHtml(seeded());
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Ohio?');
    expect(html).not.toMatch(/<script/i);
  });

  it('escapes text inside SVG and attributes too', () => {
    const report = seeded();
    report.topCitedSections[0] = { section: 'Pay "ranges" <b>bold</b> & more', count: 6 };
    const html = renderReportHtml(report);
    expect(html).toContain('data-section="Pay &quot;ranges&quot; &lt;b&gt;bold&lt;/b&gt; &amp; more"');
    expect(html).not.toContain('<b>bold</b>');
  });

  it('has a feature use section with every action, its people and platforms', () => {
    const html = renderReportHtml(seeded());
    expect(html).toContain('<h2>Feature use</h2>');
    expect(html).toContain('<tr><td>Cards compared</td><td class="num">1</td><td class="num">1</td><td>slack 1</td></tr>');
    expect(html).toContain('<tr><td>Quizzes finished</td><td class="num">0</td><td class="num">0</td><td></td></tr>');
  });

  it('is self-contained: no scripts, no external resources, a CSP that forbids both', () => {
    const html = renderReportHtml(seeded());
    expect(html).not.toMatch(/\s(src|href)=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it('draws one stacked bar group per day with its numbers, and one bar per cited section', () => {
    const html = renderReportHtml(seeded());
    const days = [...html.matchAll(/<g class="day" data-day="([\d-]+)" data-total="(\d+)" data-abstained="(\d+)">/g)].map((m) => [m[1], Number(m[2]), Number(m[3])]);
    expect(days).toEqual([
      ['2025-03-04', 3, 0],
      ['2025-03-05', 0, 0],
      ['2025-03-06', 4, 2],
      ['2025-03-07', 2, 1],
      ['2025-03-08', 5, 2],
      ['2025-03-09', 1, 0],
      ['2025-03-10', 3, 2],
    ]);
    expect(html.match(/class="bar-answered"/g)).toHaveLength(6); // every day but the empty one
    expect(html.match(/class="bar-abstained"/g)).toHaveLength(4);
    expect(html.match(/class="bar-cited"/g)).toHaveLength(5);
  });

  it('scales bars to the data: the busiest day is the tallest', () => {
    const html = renderReportHtml(seeded());
    const heights = (cls: string) => [...html.matchAll(new RegExp(`class="${cls}" x="[\\d.]+" y="[\\d.]+" width="[\\d.]+" height="([\\d.]+)"`, 'g'))].map((m) => Number(m[1]));
    const answered = heights('bar-answered');
    // Answered per non-empty day: 3,2,1,3,1,1 on an axis of 0–6, so 3 answered is three times 1.
    expect(answered[0]! / answered[2]!).toBeCloseTo(3, 5);
    expect(answered[0]).toBeCloseTo(answered[3]!, 5);
  });

  it('shows a notice and no charts for an empty report', () => {
    const html = renderReportHtml(emptyReport({ days: 7, now: NOW }, 'missing'));
    expect(html).toContain('No question store yet');
    expect(html).not.toContain('<svg');
    expect(html).toContain('No questions were asked in this period.');
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
