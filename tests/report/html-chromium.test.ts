import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, CHART_COLORS, renderReportHtml } from '../../src/report/index.js';
import { NOW, openAt, seedStore } from './helpers.js';
import { countColor, decodePng } from './png.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`[report] skipping the HTML rendering test: ${CHROMIUM} is missing (install it with: apt-get install -y chromium)`);
}

// Offline and quiet: no network, no first-run work, a throwaway profile.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const run = promisify(execFile);

describe.skipIf(!hasChromium)(`HTML report rendered by Chromium${hasChromium ? '' : ` (skipped: ${CHROMIUM} not installed)`}`, () => {
  let dir = '';
  let page = '';

  // One directory for the whole suite (the helpers' tempDir is removed after each test).
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'career-advisor-report-html-'));
    const store = openAt(seedStore(dir));
    try {
      page = join(dir, 'report.html');
      writeFileSync(page, renderReportHtml(buildReport(store, { days: 7, now: NOW })));
    } finally {
      store.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const chromium = (args: string[]) =>
    run(CHROMIUM, [...FLAGS, `--user-data-dir=${join(dir, 'profile')}`, ...args, pathToFileURL(page).href], { timeout: 60_000, maxBuffer: 32 * 1024 * 1024 });

  it('paints a non-trivial page with the chart colours', async () => {
    const png = join(dir, 'report.png');
    await chromium([`--screenshot=${png}`, '--window-size=1200,1600']);
    expect(existsSync(png)).toBe(true);
    expect(statSync(png).size).toBeGreaterThan(20_000);
    const image = decodePng(readFileSync(png));
    expect([image.width, image.height]).toEqual([1200, 1600]);
    // Bar interiors are flat fills, so each chart colour covers a sizeable area.
    expect(countColor(image, CHART_COLORS.answered)).toBeGreaterThan(15_000);
    expect(countColor(image, CHART_COLORS.abstained)).toBeGreaterThan(8_000);
    expect(countColor(image, CHART_COLORS.cited)).toBeGreaterThan(8_000);
  }, 90_000);

  it('builds the SVG chart elements with their data in the DOM, and no script element', async () => {
    const { stdout: dom } = await chromium(['--dump-dom']);
    const days = [...dom.matchAll(/<g class="day" data-day="([\d-]+)" data-total="(\d+)" data-abstained="(\d+)">/g)].map((m) => `${m[1]}:${m[2]}/${m[3]}`);
    expect(days).toEqual(['2025-03-04:3/0', '2025-03-05:0/0', '2025-03-06:4/2', '2025-03-07:2/1', '2025-03-08:5/2', '2025-03-09:1/0', '2025-03-10:3/2']);
    expect(dom.match(/<rect class="bar-answered"[^>]* height="[\d.]+"/g)).toHaveLength(6);
    expect(dom.match(/<rect class="bar-abstained"/g)).toHaveLength(4);
    expect(dom.match(/<g class="section" data-section="[^"]+" data-count="\d+">/g)).toHaveLength(5);
    expect(dom).toContain('data-section="Certifications › CPC" data-count="6"');
    expect(dom).toContain('<path class="axis"');
    // The question with a script tag arrived as text, not as an element.
    expect(dom).not.toMatch(/<script/i);
    expect(dom).toContain('&lt;script&gt;alert("x")&lt;/script&gt; &amp; Ohio?');
  }, 90_000);
});
