import { beforeAll, describe, expect, it } from 'vitest';
import type { CareerAdvisor } from '../../src/core/index.js';
import { classifyFault, exponentialBackoff, retryAfterMs, selectGuideExcerpts } from '../../src/llm/index.js';
import { openTestAdvisor } from '../helpers/test-advisor.js';
import { retrieve } from './llm-test-kit.js';

let advisor: CareerAdvisor;

beforeAll(async () => {
  advisor = await openTestAdvisor();
});

describe('selectGuideExcerpts', () => {
  it('numbers the top sections in retrieval order with their heading paths and verbatim lines', async () => {
    const retrieval = await retrieve(advisor, 'How much does an entry-level clinical coding specialist earn?');
    const excerpts = selectGuideExcerpts(retrieval);
    expect(excerpts.map((e) => e.id)).toEqual(excerpts.map((_, i) => i + 1));
    expect(excerpts.length).toBeLessThanOrEqual(5);
    const top = retrieval.sections[0]!.entry.section;
    expect(excerpts[0]).toMatchObject({ section: top.headingPath.join(' › '), source: top.source });
    for (const e of excerpts) {
      const blocks = retrieval.sections.find((s) => s.entry.section.headingPath.join(' › ') === e.section)!.entry.section.blocks.map((b) => b.text);
      for (const line of e.lines) expect(blocks).toContain(line);
    }
  });

  it('trims long sections to the budget, keeping the lines retrieval matched best', async () => {
    const retrieval = await retrieve(advisor, 'Which software do clinical coders use for encoder lookups?');
    const excerpts = selectGuideExcerpts(retrieval, { maxExcerpts: 2, excerptChars: 200, totalChars: 300 });
    expect(excerpts.length).toBeLessThanOrEqual(2);
    expect(excerpts.reduce((n, e) => n + e.text.length, 0)).toBeLessThanOrEqual(300);
    const first = retrieval.sections[0]!;
    const best = first.units[0]!.unit.text;
    const bestBlock = first.entry.section.blocks.find((b) => b.line === first.units[0]!.unit.line)!;
    expect(excerpts[0]!.lines).toContain(bestBlock.text);
    expect(bestBlock.text).toContain(best.slice(0, 20));
    if (excerpts[0]!.lines.length < first.entry.section.blocks.length) expect(excerpts[0]!.text).toContain('…');
  });
});

describe('fault classification', () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);

  it('reads retry-after in seconds, milliseconds or as an HTTP date', () => {
    expect(retryAfterMs({ headers: headers({ 'retry-after': '3' }) })).toBe(3_000);
    expect(retryAfterMs({ headers: headers({ 'retry-after-ms': '250', 'retry-after': '3' }) })).toBe(250);
    const inTwoSeconds = new Date(Date.now() + 2_000).toUTCString();
    expect(retryAfterMs({ headers: headers({ 'retry-after': inTwoSeconds }) })).toBeGreaterThan(500);
    expect(retryAfterMs({ headers: headers({}) })).toBeUndefined();
    expect(retryAfterMs({ headers: { 'retry-after': '1' } })).toBe(1_000);
  });

  it('retries what may pass and not what will not', () => {
    expect(classifyFault({ status: 429, headers: headers({ 'retry-after': '1' }) })).toEqual({ kind: 'rate_limit', retryable: true, status: 429, retryAfterMs: 1_000 });
    expect(classifyFault({ status: 429, code: 'insufficient_quota' })).toMatchObject({ retryable: false });
    expect(classifyFault({ status: 503 })).toMatchObject({ kind: 'server', retryable: true });
    for (const status of [400, 401, 403, 404, 422]) expect(classifyFault({ status })).toMatchObject({ kind: 'client', retryable: false });
    expect(classifyFault(Object.assign(new Error('Request timed out.'), { name: 'TimeoutError' }))).toMatchObject({ kind: 'timeout', retryable: true });
    expect(classifyFault(new Error('Connection error.'))).toMatchObject({ kind: 'connection', retryable: true });
    expect(classifyFault(new SyntaxError('Unexpected token'))).toMatchObject({ kind: 'malformed', retryable: true });
  });

  it('backs off exponentially with bounded jitter', () => {
    const low = exponentialBackoff(300, 3_000, () => 0);
    const high = exponentialBackoff(300, 3_000, () => 1);
    expect([0, 1, 2, 5].map(low)).toEqual([225, 450, 900, 2_250]);
    expect([0, 1, 2, 5].map(high)).toEqual([375, 750, 1_500, 3_750]);
  });
});
